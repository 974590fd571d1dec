import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Embedder } from '../../src/main/core/embeddings/embedder'
import { loadOnnxEmbedder, loadTransformers } from '../../src/main/core/embeddings/onnxEmbedder'
import { NetmortemError } from '../../src/main/core/errors'
import { cosine, forbidNetwork, makeTinyOnnxModel, norm, tempDir, tinyModelScript } from './tinyModel'

// Installed before transformers.js is first imported (loadOnnxEmbedder imports it lazily), because the
// library binds globalThis.fetch once at import time.
const network = forbidNetwork()
let dir: Awaited<ReturnType<typeof tempDir>>
let model: string
let embedder: Embedder

beforeAll(async () => {
  dir = await tempDir('netmortem-onnx-')
  model = join(dir.path, 'tiny-minilm')
  await makeTinyOnnxModel(model, { dimension: 32 })
  embedder = await loadOnnxEmbedder(model)
})

afterAll(async () => {
  await embedder?.close?.()
  network.restore()
  await dir?.remove()
})

describe('loadOnnxEmbedder on a generated tiny model', () => {
  it('names the model by folder and content, and takes its dimension from the output', () => {
    expect(embedder.id).toMatch(/^onnx:tiny-minilm@[0-9a-f]{12}$/)
    expect(embedder.dimension).toBe(32)
  })

  it('returns one unit vector per text, even for empty, unknown and over-long texts', async () => {
    const texts = ['BGP neighbor down', '', 'Zyxwq frobnicated!', 'bgp flap '.repeat(2000)]
    const vectors = await embedder.embed(texts)
    expect(vectors).toHaveLength(texts.length)
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array)
      expect(v).toHaveLength(32)
      expect(norm(v)).toBeCloseTo(1, 5)
    }
    expect(await embedder.embed([])).toEqual([])
  })

  it('truncates texts to the 128 tokens of tokenizer_config.json', async () => {
    // [CLS] + 127 words fill the window, so whatever follows them is cut.
    const full = 'bgp '.repeat(127)
    const [cut, longer] = await embedder.embed([full, full + 'vlan mtu '.repeat(40)])
    expect(longer).toEqual(cut)
  })

  it('falls back to max_position_embeddings when the tokenizer sets no limit', async () => {
    const folder = join(dir.path, 'no-limit')
    await cp(model, folder, { recursive: true })
    const edit = async (file: string, change: (json: Record<string, unknown>) => void) => {
      const json = JSON.parse(await readFile(join(folder, file), 'utf8')) as Record<string, unknown>
      change(json)
      await writeFile(join(folder, file), JSON.stringify(json))
    }
    await edit('tokenizer_config.json', (j) => delete j.model_max_length)
    await edit('config.json', (j) => (j.max_position_embeddings = 64))
    const limited = await loadOnnxEmbedder(folder)
    const full = 'ospf '.repeat(63)
    const [cut, longer] = await limited.embed([full, full + 'lacp '.repeat(40)])
    await limited.close?.()
    expect(longer).toEqual(cut)
  })

  it('is deterministic, across calls and across loads', async () => {
    const [a] = await embedder.embed(['ospf adjacency stuck in exstart'])
    const [b] = await embedder.embed(['ospf adjacency stuck in exstart'])
    const again = await loadOnnxEmbedder(model)
    const [c] = await again.embed(['ospf adjacency stuck in exstart'])
    await again.close?.()
    expect(b).toEqual(a)
    expect(c).toEqual(a)
    expect(again.id).toBe(embedder.id)
  })

  it('gives a text the same vector alone as in a padded batch of more than one batch size', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => `lacp member ${i} suspended`.repeat(1 + (i % 4)))
    texts[33] = 'mtu'
    const batch = await embedder.embed(texts)
    for (const i of [0, 31, 32, 33, 69]) {
      const [single] = await embedder.embed([texts[i]!])
      for (let k = 0; k < 32; k++) expect(batch[i]![k]).toBeCloseTo(single![k]!, 6)
    }
  })

  it('puts texts of one topic closer than texts of another', async () => {
    const [q, same, other] = await embedder.embed(['bgp neighbor down', 'bgp session down', 'vlan mtu'])
    expect(cosine(q!, same!)).toBeGreaterThan(0.9)
    expect(cosine(q!, same!)).toBeGreaterThan(cosine(q!, other!) + 0.3)
  })

  it('runs concurrent embeds without mixing their results', async () => {
    const [a, b] = await Promise.all([embedder.embed(['bgp peer idle']), embedder.embed(['vlan trunk'])])
    expect(a![0]).toEqual((await embedder.embed(['bgp peer idle']))[0])
    expect(b![0]).toEqual((await embedder.embed(['vlan trunk']))[0])
  })

  it('also loads a folder with model.onnx at its top', async () => {
    const flat = join(dir.path, 'flat')
    await cp(model, flat, { recursive: true })
    await rename(join(flat, 'onnx', 'model.onnx'), join(flat, 'model.onnx'))
    const loaded = await loadOnnxEmbedder(flat)
    const [v] = await loaded.embed(['bgp neighbor down'])
    await loaded.close?.()
    expect(v).toEqual((await embedder.embed(['bgp neighbor down']))[0])
    expect(loaded.id.split('@')[1]).toBe(embedder.id.split('@')[1])
  })
})

describe('loadOnnxEmbedder errors', () => {
  /** A copy of the good model, broken by `spoil`. */
  async function broken(name: string, spoil: (folder: string) => Promise<void>): Promise<string> {
    const folder = join(dir.path, name)
    await cp(model, folder, { recursive: true })
    await spoil(folder)
    return folder
  }

  async function failure(folder: string): Promise<NetmortemError> {
    const err = await loadOnnxEmbedder(folder).then(
      () => expect.fail('expected loadOnnxEmbedder to fail'),
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(NetmortemError)
    const message = (err as NetmortemError).message
    expect(message).not.toContain('\n')
    expect(message.length).toBeLessThan(300)
    return err as NetmortemError
  }

  it('rejects a missing folder', async () => {
    const err = await failure(join(dir.path, 'nowhere'))
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.message).toBe(`Model folder ${join(dir.path, 'nowhere')} does not exist.`)
  })

  it('rejects a file in place of a folder', async () => {
    const err = await failure(join(model, 'config.json'))
    expect(err.message).toMatch(/config\.json is not a folder/)
  })

  it('rejects a folder without model.onnx', async () => {
    const folder = await broken('no-model', (f) => rm(join(f, 'onnx'), { recursive: true }))
    expect((await failure(folder)).message).toBe(
      `${folder} has no onnx/model.onnx (nor model.onnx); it is not an ONNX model folder.`
    )
  })

  it('rejects a folder without tokenizer.json or tokenizer_config.json', async () => {
    for (const file of ['tokenizer.json', 'tokenizer_config.json']) {
      const folder = await broken(`no-${file}`, (f) => rm(join(f, file)))
      expect((await failure(folder)).message).toBe(
        `${folder} has no ${file}; copy it from the model's repository.`
      )
    }
  })

  it('rejects a missing or unreadable config.json', async () => {
    const missing = await broken('no-config', (f) => rm(join(f, 'config.json')))
    expect((await failure(missing)).message).toMatch(/no-config has no config\.json/)
    const garbled = await broken('bad-config', (f) => writeFile(join(f, 'config.json'), '{"model_type": '))
    const err = await failure(garbled)
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.message).toMatch(/^Cannot read .*bad-config\/config\.json: not valid JSON/)
  })

  it('rejects a corrupt model.onnx in one line', async () => {
    const folder = await broken('corrupt', (f) =>
      writeFile(join(f, 'onnx', 'model.onnx'), 'not a model\n'.repeat(50))
    )
    const err = await failure(folder)
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.message).toMatch(new RegExp(`^${folder} is not a usable ONNX sentence-embedding model: .+`))
  })

  it('rejects a valid ONNX file that fails on its first embed', async () => {
    // An embedding table shorter than the tokenizer's vocabulary: loading works, the probe does not.
    const { tinyOnnxModel, tinyVocabulary } = await tinyModelScript()
    const short = tinyOnnxModel(tinyVocabulary().slice(0, 10), 32)
    const folder = await broken('short-table', (f) => writeFile(join(f, 'onnx', 'model.onnx'), short))
    const err = await failure(folder)
    expect(err.message).toMatch(new RegExp(`^${folder} is not a usable ONNX sentence-embedding model: .+`))
  })
})

describe('network', () => {
  it('keeps transformers.js local-only', async () => {
    const { env, pipeline } = await loadTransformers()
    expect(env.allowRemoteModels).toBe(false)
    expect(env.useFSCache).toBe(false)
    // A hub id would be downloaded by default; here it must fail without a request.
    await expect(pipeline('feature-extraction', 'Xenova/all-MiniLM-L6-v2')).rejects.toThrow()
    await expect(env.fetch('https://huggingface.co/')).rejects.toThrow(/disk only/)
  })

  it('never called fetch in this file', () => {
    expect(network.calls).toEqual([])
  })
})
