import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { NetmortemError } from '../errors'
import type { Embedder, ModelSpec } from './embedder'
import type { WorkerReply } from './embedWorker'

/** The built worker script (out/main/embedWorker.js), when this code runs from the build. */
export function builtWorkerScript(): string | undefined {
  const script = join(__dirname, 'embedWorker.js')
  return existsSync(script) ? script : undefined
}

/** An Embedder whose model lives in a worker thread. */
export async function startWorkerEmbedder(
  spec: ModelSpec,
  script: string,
  execArgv?: string[]
): Promise<Embedder> {
  const worker = new Worker(script, { workerData: spec, execArgv })
  worker.unref()
  const pending = new Map<number, { resolve: (v: Float32Array[]) => void; reject: (e: Error) => void }>()
  let next = 1
  const ready = new Promise<{ modelId: string; dimension: number }>((resolve, reject) => {
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') resolve(reply)
      else if (reply.type === 'failed') reject(new NetmortemError('INVALID_INPUT', reply.message))
      else {
        const waiter = pending.get(reply.id)
        pending.delete(reply.id)
        if (reply.type === 'result') waiter?.resolve(reply.vectors)
        else waiter?.reject(new NetmortemError('INTERNAL', `Embedding failed: ${reply.message}`))
      }
    })
    worker.on('error', (err) => {
      reject(err)
      for (const waiter of pending.values()) waiter.reject(err)
      pending.clear()
    })
  })
  const { modelId, dimension } = await ready
  return {
    id: modelId,
    dimension,
    embed(texts) {
      if (texts.length === 0) return Promise.resolve([])
      return new Promise((resolve, reject) => {
        const id = next++
        pending.set(id, { resolve, reject })
        worker.ref()
        worker.postMessage({ id, texts })
      }).finally(() => {
        if (pending.size === 0) worker.unref()
      }) as Promise<Float32Array[]>
    },
    close: async () => {
      await worker.terminate()
    }
  }
}
