import { createHash } from 'node:crypto'
import { open, readFile, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { NetmortemError, firstLine } from '../errors'
import { l2normalize, type Embedder } from './embedder'

const BATCH_SIZE = 32
const MB = 1024 * 1024
// Model types whose position ids start after the padding index, so two positions are unusable.
const OFFSET_POSITIONS = new Set(['roberta', 'xlm-roberta', 'camembert', 'mpnet', 'longformer'])

type Transformers = typeof import('@huggingface/transformers')
type TensorLike = { dims: number[]; data: ArrayLike<number> }
type Encoded = { input_ids: TensorLike; attention_mask: TensorLike } & Record<string, unknown>
/** The parts of transformers.js' FeatureExtractionPipeline this file uses. */
interface Extractor {
  tokenizer: ((texts: string[], o: { padding: true; truncation: true; max_length: number }) => Encoded) & {
    model_max_length: number
  }
  model: (inputs: Encoded) => Promise<Record<string, TensorLike | undefined>>
  dispose(): Promise<void>
}
interface ModelConfig {
  model_type?: unknown
  max_position_embeddings?: unknown
}

const invalid = (message: string) => new NetmortemError('INVALID_INPUT', message)

/**
 * Loads a sentence-transformers ONNX folder (config.json, tokenizer.json, tokenizer_config.json,
 * onnx/model.onnx) as an Embedder through transformers.js and onnxruntime-node, from disk only.
 * Vectors are mean-pooled over the attention mask and L2-normalised, as sentence-transformers does.
 */
export async function loadOnnxEmbedder(folder: string): Promise<Embedder> {
  const dir = resolve(folder)
  const { subfolder, modelFile, externalData } = await checkFolder(folder, dir)
  const config = await readConfig(folder, dir)
  const hash = await fingerprint(modelFile).catch((err: Error) => {
    throw new NetmortemError('IO_ERROR', `Cannot read ${modelFile}: ${err.message}`)
  })
  const id = `onnx:${basename(dir)}@${hash}`

  const transformers = await loadTransformers()
  let extractor: Extractor
  try {
    // An absolute path is never taken for a hub id, so transformers.js reads exactly this folder.
    extractor = (await transformers.pipeline('feature-extraction', dir, {
      local_files_only: true,
      dtype: 'fp32',
      device: 'cpu',
      subfolder,
      model_file_name: 'model',
      // Models over 2 GB keep their weights beside the graph; undefined lets config.json decide.
      use_external_data_format: externalData ? true : undefined
    })) as unknown as Extractor
  } catch (err) {
    throw unusable(folder, err)
  }

  const maxLength = maxTokens(config, extractor.tokenizer.model_max_length)
  const run = async (texts: string[]): Promise<Float32Array[]> => {
    // Tokenising a huge text only to drop most of it is slow; no token spans 32 characters on average.
    const clipped = texts.map((t) => (t.length > maxLength * 32 ? t.slice(0, maxLength * 32) : t))
    const inputs = extractor.tokenizer(clipped, { padding: true, truncation: true, max_length: maxLength })
    const outputs = await extractor.model(inputs)
    const hidden = outputs.last_hidden_state ?? outputs.token_embeddings
    // Some exports pool inside the graph and only offer sentence_embedding.
    const pooled =
      hidden?.dims.length === 3
        ? transformers.mean_pooling(hidden as never, inputs.attention_mask as never)
        : outputs.sentence_embedding
    if (!pooled || pooled.dims.length !== 2) throw new Error('the model has no last_hidden_state output')
    const dim = pooled.dims[1]!
    const data = pooled.data as Float32Array
    return texts.map((_, i) => l2normalize(data.slice(i * dim, (i + 1) * dim)))
  }

  let dimension: number
  try {
    const [probe] = await run(['probe'])
    if (!probe || probe.length === 0 || !probe.every(Number.isFinite)) throw new Error('it embeds to NaN')
    // config.json's hidden_size is only a claim (a pooling head may change it); the probe is the truth.
    dimension = probe.length
  } catch (err) {
    await extractor.dispose().catch(() => undefined)
    throw unusable(folder, err)
  }

  // One batch at a time: onnxruntime already uses every core for one run.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task)
    queue = next.catch(() => undefined)
    return next
  }

  return {
    id,
    dimension,
    embed: (texts) =>
      serial(async () => {
        const out: Float32Array[] = []
        for (let i = 0; i < texts.length; i += BATCH_SIZE)
          out.push(...(await run(texts.slice(i, i + BATCH_SIZE))))
        return out
      }),
    close: () => serial(() => extractor.dispose())
  }
}

/** Settings that keep transformers.js on this disk: no hub, no cache folder, and a fetch that refuses. */
export async function loadTransformers(): Promise<Transformers> {
  // A dynamic import: the library (onnxruntime-node, sharp) loads only when an ONNX model is used.
  const transformers = await import('@huggingface/transformers')
  const { env } = transformers
  env.allowRemoteModels = false
  env.allowLocalModels = true
  env.useFS = true
  // The file cache would read from and write to node_modules/@huggingface/transformers/.cache.
  env.useFSCache = false
  env.useBrowserCache = false
  env.useCustomCache = false
  env.fetch = async (input) => {
    throw new Error(`Netmortem loads models from disk only; refused to fetch ${String(input)}`)
  }
  return transformers
}

interface ModelFiles {
  subfolder: string
  modelFile: string
  externalData: boolean
}

async function checkFolder(folder: string, dir: string): Promise<ModelFiles> {
  const info = await stat(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw invalid(`Model folder ${folder} does not exist.`)
    throw new NetmortemError('IO_ERROR', `Cannot read model folder ${folder}: ${err.message}`)
  })
  if (!info.isDirectory())
    throw invalid(`${folder} is not a folder; expected an ONNX sentence-embedding model folder.`)
  const isFile = (path: string) =>
    stat(path).then(
      (s) => s.isFile(),
      () => false
    )
  let subfolder = 'onnx'
  if (!(await isFile(join(dir, 'onnx', 'model.onnx')))) {
    if (!(await isFile(join(dir, 'model.onnx'))))
      throw invalid(`${folder} has no onnx/model.onnx (nor model.onnx); it is not an ONNX model folder.`)
    subfolder = ''
  }
  for (const name of ['tokenizer.json', 'tokenizer_config.json'])
    if (!(await isFile(join(dir, name))))
      throw invalid(`${folder} has no ${name}; copy it from the model's repository.`)
  const modelFile = join(dir, subfolder, 'model.onnx')
  return { subfolder, modelFile, externalData: await isFile(`${modelFile}_data`) }
}

async function readConfig(folder: string, dir: string): Promise<ModelConfig> {
  let text: string
  try {
    text = await readFile(join(dir, 'config.json'), 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw invalid(`${folder} has no config.json; copy it from the model's repository.`)
    throw new NetmortemError(
      'IO_ERROR',
      `Cannot read ${join(folder, 'config.json')}: ${(err as Error).message}`
    )
  }
  try {
    const config: unknown = JSON.parse(text)
    if (typeof config !== 'object' || config === null || Array.isArray(config))
      throw new Error('not an object')
    return config as ModelConfig
  } catch (err) {
    throw invalid(`Cannot read ${join(folder, 'config.json')}: not valid JSON (${(err as Error).message}).`)
  }
}

/** The longest input the model takes: the tokenizer's limit, unless it exceeds the position table. */
function maxTokens(config: ModelConfig, tokenizerMax: number): number {
  const positions = Number(config.max_position_embeddings)
  const offset = OFFSET_POSITIONS.has(String(config.model_type)) ? 2 : 0
  const modelMax = Number.isInteger(positions) && positions > offset ? positions - offset : 512
  return Number.isFinite(tokenizerMax) && tokenizerMax > 0 ? Math.min(tokenizerMax, modelMax) : modelMax
}

/** Identifies model.onnx cheaply: its size plus its first and last megabyte. */
async function fingerprint(file: string): Promise<string> {
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    const hash = createHash('sha256').update(`${size}\n`)
    const head = Buffer.alloc(Math.min(size, MB))
    await handle.read(head, 0, head.length, 0)
    hash.update(head)
    if (size > MB) {
      const tail = Buffer.alloc(Math.min(size - MB, MB))
      await handle.read(tail, 0, tail.length, size - tail.length)
      hash.update(tail)
    }
    return hash.digest('hex').slice(0, 12)
  } finally {
    await handle.close()
  }
}

function unusable(folder: string, err: unknown): NetmortemError {
  const reason = firstLine(err instanceof Error ? err.message : String(err)).trim()
  return invalid(`${folder} is not a usable ONNX sentence-embedding model: ${reason}`)
}
