import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { NetmortemError } from '../errors'

export const DEFAULT_ONNX_MODEL = 'sentence-transformers/all-MiniLM-L6-v2'

/** What loadOnnxEmbedder reads; special_tokens_map.json is optional (tokenizer_config.json repeats it). */
export const MODEL_FILES = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'special_tokens_map.json',
  'onnx/model.onnx'
] as const
const OPTIONAL = new Set<string>(['special_tokens_map.json'])

export interface FetchProgress {
  file: string
  /** Bytes of this file written so far. */
  loaded: number
  /** The file's size, when the server says it. */
  total?: number
  /** Position of this file among the files, from 1. */
  index: number
  count: number
}

export interface FetchModelOptions {
  fetchImpl?: typeof fetch
  onProgress?: (progress: FetchProgress) => void
}

/**
 * Downloads a Hugging Face sentence-transformers model's ONNX files into folder, for machines that
 * have a network. Each file is written to a temporary name and renamed, so an interrupted download
 * never leaves a truncated file that looks complete.
 */
export async function fetchModel(
  name: string = DEFAULT_ONNX_MODEL,
  folder: string,
  { fetchImpl = fetch, onProgress }: FetchModelOptions = {}
): Promise<{ folder: string; files: string[] }> {
  if (!/^[\w.-]+(\/[\w.-]+)?$/.test(name) || name.includes('..'))
    throw new NetmortemError(
      'INVALID_INPUT',
      `"${name}" is not a Hugging Face model name like ${DEFAULT_ONNX_MODEL}.`
    )
  const written: string[] = []
  for (const [i, file] of MODEL_FILES.entries()) {
    const url = `https://huggingface.co/${name}/resolve/main/${file}`
    let response: Response
    try {
      response = await fetchImpl(url)
    } catch (err) {
      throw new NetmortemError(
        'IO_ERROR',
        `Cannot download ${name}: no network access (${reason(err)}). ` +
          'Copy an ONNX model folder by hand and use it with `netmortem model use FOLDER`.'
      )
    }
    if (!response.ok) {
      // Cancelling the unread body frees the connection at once.
      await response.body?.cancel().catch(() => undefined)
      if (response.status === 404 && OPTIONAL.has(file)) continue
      throw httpError(name, file, response.status)
    }
    const progress = (loaded: number, total?: number) =>
      onProgress?.({ file, loaded, total, index: i + 1, count: MODEL_FILES.length })
    await saveBody(response, join(folder, file), progress).catch((err: unknown) => {
      throw new NetmortemError('IO_ERROR', `Cannot download ${name}: ${file} failed midway (${reason(err)}).`)
    })
    written.push(file)
  }
  return { folder, files: written }
}

async function saveBody(
  response: Response,
  dest: string,
  progress: (loaded: number, total?: number) => void
) {
  const length = Number(response.headers.get('content-length'))
  const total = Number.isFinite(length) && length > 0 ? length : undefined
  await mkdir(dirname(dest), { recursive: true })
  const temp = `${dest}.${process.pid}-${randomBytes(4).toString('hex')}.part`
  const handle = await open(temp, 'w')
  try {
    let loaded = 0
    progress(loaded, total)
    if (response.body) {
      const reader = response.body.getReader()
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        await handle.write(chunk.value)
        loaded += chunk.value.byteLength
        progress(loaded, total)
      }
    }
    if (total !== undefined && loaded !== total) throw new Error(`got ${loaded} of ${total} bytes`)
    await handle.close()
    await rename(temp, dest)
  } catch (err) {
    await handle.close().catch(() => undefined)
    await rm(temp, { force: true })
    throw err
  }
}

function httpError(name: string, file: string, status: number): NetmortemError {
  if (status === 401 || status === 403)
    return new NetmortemError('IO_ERROR', `Cannot download ${name}: ${file} needs a login (HTTP ${status}).`)
  if (status === 404)
    return new NetmortemError(
      'INVALID_INPUT',
      `Cannot download ${name}: it has no ${file} (HTTP 404); choose a model with an ONNX export.`
    )
  return new NetmortemError('IO_ERROR', `Cannot download ${name}: HTTP ${status} for ${file}.`)
}

/** Node's fetch says only "fetch failed"; the useful part (ENOTFOUND, ECONNREFUSED) is its cause. */
function reason(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause
  if (typeof cause?.code === 'string') return cause.code
  if (typeof cause?.message === 'string') return cause.message
  return err instanceof Error ? err.message.split('\n', 1)[0]! : String(err)
}
