import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from '@lancedb/lancedb'
import { openNetmortem } from '../src/main/core/service'
import { VectorStore } from '../src/main/core/store/vectorStore'
import type { SearchMode } from '../src/shared/search'
import { benchCorpus } from './benchCorpus'
import { loadEvalSet } from './searchEval'

export type Recorder = (name: string, value: number, unit: string, note?: string) => void

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

class TopK {
  readonly ids: Int32Array
  readonly scores: Float32Array
  size = 0
  constructor(readonly k: number) {
    this.ids = new Int32Array(k)
    this.scores = new Float32Array(k).fill(-Infinity)
  }
  push(id: number, score: number): void {
    if (this.size === this.k && score <= this.scores[this.k - 1]!) return
    let i = Math.min(this.size, this.k - 1)
    while (i > 0 && this.scores[i - 1]! < score) {
      this.scores[i] = this.scores[i - 1]!
      this.ids[i] = this.ids[i - 1]!
      i--
    }
    this.scores[i] = score
    this.ids[i] = id
    if (this.size < this.k) this.size++
  }
}

/** Ingest, search latency per mode, size and memory at one scale, with LanceDB and brute force. */
export async function searchBench(count: number, record: Recorder): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nm-sbench-'))
  const file = join(dir, 'incidents.json')
  writeFileSync(file, JSON.stringify(benchCorpus(count)))
  const service = openNetmortem({ dbPath: join(dir, 'bench.db') })
  const label = `${count / 1000}k`
  try {
    await service.embedder() // model load is not ingest
    let t = performance.now()
    await service.importFile(file)
    record(
      `ingest with embedding, ${label}`,
      count / ((performance.now() - t) / 1000),
      'incidents/s',
      'target >= 1000'
    )
    record(`database size, ${label}`, statSync(join(dir, 'bench.db')).size / 1e6, 'MB')
    t = performance.now()
    await service.warmSearch() // what the app does at start: the keyword index into memory
    record(`keyword index load at start, ${label}`, performance.now() - t, 'ms', 'FTS5 answers meanwhile')
    record(`RSS with search ready, ${label}`, process.memoryUsage().rss / 1e6, 'MB')

    const queries = loadEvalSet().labels.queries.map((q) => q.text)
    const latency: Partial<Record<SearchMode, number>> = {}
    for (const mode of ['keyword', 'vector', 'hybrid'] as SearchMode[]) {
      for (const q of queries.slice(0, 10)) await service.search(q, { mode, limit: 10 }) // warm
      const samples: number[] = []
      for (let r = 0; r < 3; r++) {
        for (const q of queries) {
          t = performance.now()
          await service.search(q, { mode, limit: 10 })
          samples.push(performance.now() - t)
        }
      }
      latency[mode] = percentile(samples, 95)
      record(`search ${mode}, ${label}, p50`, percentile(samples, 50), 'ms')
      record(
        `search ${mode}, ${label}, p95`,
        percentile(samples, 95),
        'ms',
        mode === 'hybrid' ? 'target <= 25 at 100k' : undefined
      )
    }

    // The same vectors, searched four ways: ours (the app: in memory while exact, sqlite-vec's
    // inverted file from 20,000), sqlite-vec as a one-shot CLI asks it, LanceDB, a plain JS scan.
    const embedder = await service.embedder()
    const queryVectors = await embedder.embed(queries)
    const rows = service.db.prepare('SELECT seq, vector FROM incident_embeddings ORDER BY seq').all() as {
      seq: number
      vector: Buffer
    }[]
    const dim = embedder.dimension
    const matrix = new Float32Array(rows.length * dim)
    rows.forEach((r, i) => matrix.set(new Float32Array(r.vector.buffer, r.vector.byteOffset, dim), i * dim))
    const lance = await connect(join(dir, 'lance'))
    const table = await lance.createTable(
      'incidents',
      rows.map((r, i) => ({ seq: r.seq, vector: Array.from(matrix.subarray(i * dim, (i + 1) * dim)) }))
    )
    const sqliteVec = new VectorStore(service.db)
    const peers = {
      ours: (q: Float32Array) => service.store.vectors.nearest(q, 50),
      cli: (q: Float32Array) => sqliteVec.nearest(q, 50),
      brute: (q: Float32Array) => {
        const top = new TopK(50)
        for (let i = 0; i < rows.length; i++) {
          let s = 0
          const base = i * dim
          for (let d = 0; d < dim; d++) s += matrix[base + d]! * q[d]!
          top.push(i, s)
        }
        return top
      },
      lance: (q: Float32Array) => table.vectorSearch(q).distanceType('cosine').limit(50).toArray()
    }
    // Interleaved, query by query, so that all four see the machine in the same state.
    const samples = {
      ours: [] as number[],
      cli: [] as number[],
      brute: [] as number[],
      lance: [] as number[]
    }
    for (let r = 0; r < 4; r++) {
      for (const q of r === 0 ? queryVectors.slice(0, 5) : queryVectors) {
        for (const name of ['ours', 'cli', 'brute', 'lance'] as const) {
          const start = performance.now()
          await peers[name](q)
          if (r > 0) samples[name].push(performance.now() - start)
        }
      }
    }
    table.close()
    const timesOf = (name: keyof typeof samples) => ({
      p50: percentile(samples[name], 50),
      p95: percentile(samples[name], 95)
    })
    const [ours, cli, brute, lanceTimes] = [
      timesOf('ours'),
      timesOf('cli'),
      timesOf('brute'),
      timesOf('lance')
    ]
    let overlap = 0
    for (const q of queryVectors) {
      const exact = new TopK(50)
      for (let i = 0; i < rows.length; i++) {
        let dot = 0
        for (let d = 0; d < dim; d++) dot += matrix[i * dim + d]! * q[d]!
        exact.push(rows[i]!.seq, dot)
      }
      // As near as the exact 50th neighbour (near-duplicate incidents tie: any of them will do).
      const kth = 1 - exact.scores[49]!
      overlap += service.store.vectors.nearest(q, 50).filter((h) => h.distance <= kth + 1e-6).length / 50
    }
    record(`kNN recall@50 of ours vs exact, ${label}`, overlap / queryVectors.length, '')
    record(
      `kNN k=50 ours, ${label}, p50`,
      ours.p50,
      'ms',
      count < 20_000 ? 'in memory, exact' : 'sqlite-vec inverted file'
    )
    record(`kNN k=50 ours, ${label}, p95`, ours.p95, 'ms')
    record(`kNN k=50 sqlite-vec as the CLI asks it, ${label}, p50`, cli.p50, 'ms')
    record(`kNN k=50 LanceDB 0.31, ${label}, p50`, lanceTimes.p50, 'ms')
    record(`kNN k=50 JS brute force, ${label}, p50`, brute.p50, 'ms')
    const fastest = Math.min(lanceTimes.p50, brute.p50)
    record(`kNN ratio ours / fastest peer, ${label}`, ours.p50 / fastest, 'x', 'target <= 1.2')
    record(`hybrid p95 / fastest peer kNN p50, ${label}`, (latency.hybrid ?? 0) / fastest, 'x')
  } finally {
    await service.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
