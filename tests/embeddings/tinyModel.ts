import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TinyModel {
  folder: string
  dimension: number
  vocabSize: number
  maxLength: number
}

interface TinyModelScript {
  makeTinyOnnxModel(folder: string, options?: { dimension?: number }): Promise<TinyModel>
  tinyVocabulary(): string[]
  tinyOnnxModel(vocab: string[], dimension: number): Uint8Array
}

/** The generator is plain ESM without type declarations, so it is imported by URL and typed here. */
export async function tinyModelScript(): Promise<TinyModelScript> {
  const script = new URL('../../scripts/make-tiny-onnx-model.mjs', import.meta.url).href
  return (await import(/* @vite-ignore */ script)) as TinyModelScript
}

export async function makeTinyOnnxModel(
  folder: string,
  options?: { dimension?: number }
): Promise<TinyModel> {
  return (await tinyModelScript()).makeTinyOnnxModel(folder, options)
}

export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

/** A fetch that fails the test if anything reaches for the network, and remembers who tried. */
export function forbidNetwork(): { calls: string[]; restore: () => void } {
  const calls: string[] = []
  const original = globalThis.fetch
  globalThis.fetch = (async (input: string | URL | Request) => {
    calls.push(input instanceof Request ? input.url : String(input))
    throw new Error('a test tried to use the network')
  }) as typeof fetch
  return { calls, restore: () => void (globalThis.fetch = original) }
}

export const cosine = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * b[i]!, 0)

export const norm = (v: Float32Array): number => Math.sqrt(cosine(v, v))
