import { parentPort, workerData } from 'node:worker_threads'
import type { Embedder, ModelSpec } from './embedder'
import { loadEmbedder } from './loadEmbedder'

/**
 * The embedding worker thread: loads one model and embeds batches on request, so that neither
 * the Electron main process nor the browser bridge's event loop waits on the model.
 */
export type WorkerRequest = { id: number; texts: string[] }
export type WorkerReply =
  | { type: 'ready'; modelId: string; dimension: number }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; vectors: Float32Array[] }
  | { type: 'error'; id: number; message: string }

const port = parentPort!
let embedder: Embedder | undefined

loadEmbedder(workerData as ModelSpec).then(
  (loaded) => {
    embedder = loaded
    port.postMessage({ type: 'ready', modelId: loaded.id, dimension: loaded.dimension } satisfies WorkerReply)
  },
  (err: unknown) =>
    port.postMessage({ type: 'failed', message: (err as Error).message } satisfies WorkerReply)
)

port.on('message', (request: WorkerRequest) => {
  embedder!.embed(request.texts).then(
    (vectors) => {
      const reply: WorkerReply = { type: 'result', id: request.id, vectors }
      port.postMessage(
        reply,
        vectors.map((v) => v.buffer as ArrayBuffer)
      )
    },
    (err: unknown) =>
      port.postMessage({
        type: 'error',
        id: request.id,
        message: (err as Error).message
      } satisfies WorkerReply)
  )
})
