import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchModel, MODEL_FILES, type FetchProgress } from '../../src/main/core/embeddings/fetchModel'
import { loadOnnxEmbedder } from '../../src/main/core/embeddings/onnxEmbedder'
import { NetmortemError } from '../../src/main/core/errors'
import { forbidNetwork, makeTinyOnnxModel, tempDir } from './tinyModel'

const network = forbidNetwork()
let dir: Awaited<ReturnType<typeof tempDir>>
let source: string

beforeAll(async () => {
  dir = await tempDir('netmortem-fetch-')
  source = join(dir.path, 'source')
  await makeTinyOnnxModel(source)
})

afterAll(async () => {
  network.restore()
  await dir?.remove()
})

const HUB = 'https://huggingface.co/'

/** A fake hub serving the tiny model's files for one model name, streamed in small chunks. */
function fakeHub(name: string, { missing = [] as string[] } = {}) {
  const requested: string[] = []
  const fetchImpl = (async (input: string | URL | Request) => {
    const url = String(input)
    requested.push(url)
    const prefix = `${HUB}${name}/resolve/main/`
    const file = url.startsWith(prefix) ? url.slice(prefix.length) : ''
    if (!file || missing.includes(file)) return new Response('Entry not found', { status: 404 })
    const bytes = await readFile(join(source, file)).catch(() => null)
    if (!bytes) return new Response('Entry not found', { status: 404 })
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 4096)
          controller.enqueue(new Uint8Array(bytes.subarray(i, i + 4096)))
        controller.close()
      }
    })
    return new Response(body, { headers: { 'content-length': String(bytes.length) } })
  }) as typeof fetch
  return { fetchImpl, requested }
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(folder, join(e.parentPath, e.name)))
    .sort()
}

async function failure(promise: Promise<unknown>): Promise<NetmortemError> {
  const err = await promise.then(
    () => expect.fail('expected fetchModel to fail'),
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(NetmortemError)
  expect((err as Error).message).not.toContain('\n')
  return err as NetmortemError
}

describe('fetchModel', () => {
  it('downloads every file from the hub URLs into a usable model folder, reporting progress', async () => {
    const hub = fakeHub('sentence-transformers/all-MiniLM-L6-v2')
    const folder = join(dir.path, 'all-MiniLM-L6-v2')
    const progress: FetchProgress[] = []
    const result = await fetchModel(undefined, folder, {
      fetchImpl: hub.fetchImpl,
      onProgress: (p) => progress.push(p)
    })

    expect(hub.requested).toEqual(
      MODEL_FILES.map((f) => `${HUB}sentence-transformers/all-MiniLM-L6-v2/resolve/main/${f}`)
    )
    expect(result.files).toEqual([...MODEL_FILES])
    expect(await listFiles(folder)).toEqual([...MODEL_FILES].sort())
    for (const file of MODEL_FILES)
      expect(await readFile(join(folder, file))).toEqual(await readFile(join(source, file)))

    const model = progress.filter((p) => p.file === 'onnx/model.onnx')
    expect(model.length).toBeGreaterThan(2)
    expect(model.at(-1)).toMatchObject({ loaded: model.at(-1)!.total, index: 5, count: 5 })

    const embedder = await loadOnnxEmbedder(folder)
    expect(embedder.dimension).toBe(32)
    await embedder.close?.()
  })

  it('skips the optional special_tokens_map.json when the model has none', async () => {
    const hub = fakeHub('acme/mini', { missing: ['special_tokens_map.json'] })
    const folder = join(dir.path, 'mini')
    const result = await fetchModel('acme/mini', folder, { fetchImpl: hub.fetchImpl })
    expect(result.files).not.toContain('special_tokens_map.json')
    expect(await listFiles(folder)).toHaveLength(4)
  })

  it('explains a model without an ONNX export', async () => {
    const hub = fakeHub('acme/pytorch-only', { missing: ['onnx/model.onnx'] })
    const err = await failure(
      fetchModel('acme/pytorch-only', join(dir.path, 'pt'), { fetchImpl: hub.fetchImpl })
    )
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.message).toBe(
      'Cannot download acme/pytorch-only: it has no onnx/model.onnx (HTTP 404); ' +
        'choose a model with an ONNX export.'
    )
  })

  it('fails in one line without a network, leaving no partial files', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' })
      })
    }) as typeof fetch
    const folder = join(dir.path, 'offline')
    const err = await failure(fetchModel(undefined, folder, { fetchImpl: offline }))
    expect(err.code).toBe('IO_ERROR')
    expect(err.message).toBe(
      'Cannot download sentence-transformers/all-MiniLM-L6-v2: no network access (ENOTFOUND). ' +
        'Copy an ONNX model folder by hand and use it with `netmortem model use FOLDER`.'
    )
    expect(await listFiles(folder).catch(() => [])).toEqual([])
  })

  it('removes the temporary file of a download cut short', async () => {
    const cut = (async () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(10))
          controller.error(new Error('connection reset'))
        }
      })
      return new Response(body, { headers: { 'content-length': '1000' } })
    }) as typeof fetch
    const folder = join(dir.path, 'cut')
    const err = await failure(fetchModel('acme/mini', folder, { fetchImpl: cut }))
    expect(err.message).toBe('Cannot download acme/mini: config.json failed midway (connection reset).')
    expect(await listFiles(folder)).toEqual([])
  })

  it('rejects a name that is not a hub model name', async () => {
    const err = await failure(
      fetchModel('../etc/passwd', join(dir.path, 'x'), { fetchImpl: fakeHub('x').fetchImpl })
    )
    expect(err.code).toBe('INVALID_INPUT')
  })

  it('never touched the real network', () => {
    expect(network.calls).toEqual([])
  })
})
