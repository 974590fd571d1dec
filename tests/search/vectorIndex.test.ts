import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { benchCorpus } from '../../bench/benchCorpus'
import { openNetmortem, type NetmortemService } from '../../src/main/core/service'
import { VectorStore } from '../../src/main/core/store/vectorStore'

/**
 * The inverted-file vector index: exact while small, then trained into partitions that a
 * query probes a few of. Checked against exact search on clustered vectors, through writes
 * after training, retraining when the store doubles, and a model switch.
 */

const COUNT = 2400
const IVF = { trainFrom: 2000, listSize: 30, probes: 6 }

let service: NetmortemService
let ivf: VectorStore
let dimension: number
const random = lcg(42)

function lcg(seed: number): () => number {
  let state = seed
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** A unit vector near one of 40 random directions (how incident families cluster). */
const centres = Array.from({ length: 40 }, () => Float32Array.from({ length: 100 }, () => random() - 0.5))
function clustered(): Float32Array {
  const centre = centres[Math.floor(random() * centres.length)]!
  const v = centre.map((x) => x + (random() - 0.5) * 1.2)
  const norm = Math.hypot(...v)
  return v.map((x) => x / norm)
}

function exact(query: Float32Array, k: number): { seq: number; distance: number }[] {
  const rows = service.db.prepare('SELECT seq, vector FROM incident_embeddings').all() as {
    seq: number
    vector: Buffer
  }[]
  return rows
    .map((r) => {
      const v = new Float32Array(
        r.vector.buffer.slice(r.vector.byteOffset, r.vector.byteOffset + r.vector.byteLength)
      )
      let dot = 0
      for (let d = 0; d < v.length; d++) dot += v[d]! * query[d]!
      return { seq: r.seq, distance: 1 - dot }
    })
    .sort((a, b) => a.distance - b.distance)
    .slice(0, k)
}

/** Share of the index's k results that are as near as the exact k-th neighbour (ties count). */
function recall(query: Float32Array, k: number): number {
  const kth = exact(query, k)[k - 1]!.distance
  return ivf.nearest(query, k).filter((h) => h.distance <= kth + 1e-5).length / k
}

const trained = () =>
  Number(service.db.prepare("SELECT value FROM meta WHERE key = 'embedding.trained'").pluck().get())
const seqs = () => service.db.prepare('SELECT seq FROM incidents ORDER BY seq').pluck().all() as number[]

beforeAll(async () => {
  service = openNetmortem({ dbPath: join(mkdtempSync(join(tmpdir(), 'nm-ivf-')), 'db.sqlite') })
  await service.importText(JSON.stringify(benchCorpus(COUNT)))
  dimension = (await service.embedder()).dimension
  expect(dimension).toBe(100)
  // Replace the (near-duplicate) text vectors by clustered random ones: a fair test of recall.
  service.store.transaction(() => seqs().forEach((seq) => service.store.vectors.set(seq, clustered())))
  ivf = new VectorStore(service.db, IVF)
}, 120_000)

afterAll(() => service.close())

describe('the inverted-file vector index', () => {
  it('is exact before it is trained', () => {
    expect(trained()).toBe(0) // the service's own store waits for 20,000
    for (let i = 0; i < 5; i++) {
      const q = clustered()
      expect(new VectorStore(service.db).nearest(q, 20).map((h) => h.seq)).toEqual(
        exact(q, 20).map((h) => h.seq)
      )
    }
  })

  it('trains from `trainFrom` vectors and finds nearly all exact neighbours probing a few lists', () => {
    ivf.maintain()
    expect(trained()).toBe(COUNT)
    const lists = service.db.prepare('SELECT count(*) FROM incident_vec_centroids').pluck().get()
    expect(lists).toBe(COUNT / IVF.listSize)
    let total = 0
    for (let i = 0; i < 20; i++) total += recall(clustered(), 20)
    expect(total / 20).toBeGreaterThan(0.9)
  })

  it('places vectors written after training in their partition, and forgets deleted ones', async () => {
    const added = await service.addIncident({
      id: 'late-1',
      timestamp: '2025-11-01T10:00:00Z',
      description: 'late'
    })
    const seq = service.store.seqOf(added.id)!
    const v = clustered()
    service.store.transaction(() => service.store.vectors.set(seq, v))
    expect(ivf.nearest(v, 1)[0]!.seq).toBe(seq)
    service.deleteIncident('late-1')
    expect(ivf.nearest(v, 50).map((h) => h.seq)).not.toContain(seq)
  })

  it('trains again only once the store has doubled', async () => {
    ivf.maintain()
    expect(trained()).toBe(COUNT)
    const more = benchCorpus(COUNT * 2).slice(COUNT)
    await service.importText(JSON.stringify(more))
    service.store.transaction(() =>
      seqs()
        .slice(COUNT)
        .forEach((seq) => service.store.vectors.set(seq, clustered()))
    )
    ivf.maintain()
    expect(trained()).toBe(COUNT * 2)
    let total = 0
    for (let i = 0; i < 10; i++) total += recall(clustered(), 20)
    expect(total / 10).toBeGreaterThan(0.9)
  })

  it('goes back to one exact partition when another model becomes active', () => {
    ivf.activate({ id: 'another-model', dimension })
    expect(trained()).toBe(0)
    expect(service.db.prepare('SELECT count(*) FROM incident_vec_centroids').pluck().get()).toBe(0)
  })
})
