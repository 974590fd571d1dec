import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { NetmortemError } from '../errors'

/** The embedded default model on disk: see scripts/build-default-model.mjs. */
export interface StaticModel {
  id: string
  dimension: number
  words: Map<string, number>
  /** Unit vectors, int8-quantised, one row per word. */
  vectors: Int8Array
  /** Smooth-inverse-frequency weight of each word (Arora et al. 2017). */
  weights: Float32Array
}

export const DEFAULT_MODEL_FOLDER = 'netmortem-glove-100d'

export function loadStaticModel(folder: string): StaticModel {
  const metaFile = join(folder, 'meta.json')
  if (!existsSync(metaFile)) {
    throw new NetmortemError(
      'IO_ERROR',
      `The default embedding model is missing (${folder}); run \`npm run build\` to make it.`
    )
  }
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as {
    id: string
    dimension: number
    count: number
    sif_a: number
  }
  const list = readFileSync(join(folder, 'words.txt'), 'utf8').split('\n')
  const raw = readFileSync(join(folder, 'vectors.i8'))
  const vectors = new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength)
  if (list.length !== meta.count || vectors.length !== meta.count * meta.dimension) {
    throw new NetmortemError(
      'IO_ERROR',
      `The default embedding model in ${folder} is damaged; run \`npm run build\`.`
    )
  }
  // Words are stored in frequency order: Zipf's law gives p(w) from the rank.
  const harmonic = Math.log(meta.count) + 0.5772
  const weights = new Float32Array(meta.count)
  for (let rank = 0; rank < meta.count; rank++) {
    const p = 1 / ((rank + 1) * harmonic)
    weights[rank] = meta.sif_a / (meta.sif_a + p)
  }
  return {
    id: meta.id,
    dimension: meta.dimension,
    words: new Map(list.map((w, i) => [w, i])),
    vectors,
    weights
  }
}
