import { join } from 'node:path'
import { resourcesDir } from '../paths'
import type { Embedder, ModelSpec } from './embedder'
import { DEFAULT_MODEL_FOLDER } from './staticModel'
import { StaticEmbedder } from './staticEmbedder'

export const DEFAULT_MODEL: ModelSpec = { kind: 'static' }

export function defaultModelPath(): string {
  return join(resourcesDir(), 'models', DEFAULT_MODEL_FOLDER)
}

/** Loads a model in this thread: the embedded default, or a local ONNX sentence-transformers folder. */
export async function loadEmbedder(spec: ModelSpec = DEFAULT_MODEL): Promise<Embedder> {
  if (spec.kind === 'static') return StaticEmbedder.load(spec.path ?? defaultModelPath())
  const { loadOnnxEmbedder } = await import('./onnxEmbedder')
  return loadOnnxEmbedder(spec.path)
}
