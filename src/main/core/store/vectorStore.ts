import type { Database, Statement } from 'better-sqlite3'

export interface ActiveModel {
  id: string
  dimension: number
}

const toBlob = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength)

/** The sign of each dimension, one bit each (padded to whole bytes): sqlite-vec's bit vectors. */
export function toBits(v: Float32Array): Buffer {
  const bits = Buffer.alloc(Math.ceil(v.length / 8))
  for (let d = 0; d < v.length; d++) if (v[d]! > 0) bits[d >> 3]! |= 1 << (d & 7)
  return bits
}

/** The kind of index this code builds; another kind (an older build) is rebuilt from the vectors. */
const INDEX_KIND = 'bit-v1'
/** Candidates the bit index proposes per neighbour asked for, before exact rescoring. */
const OVERSAMPLE = 8

/**
 * The incident vectors of the active embedding model: a plain table (the float vectors, read
 * for exact scoring) and a sqlite-vec vec0 index of their binary quantisation (one bit per
 * dimension) for k-nearest-neighbour search: the index proposes candidates by Hamming distance
 * over a few bytes per incident, and the float vectors rescore them exactly by cosine. Only vectors of one model are ever stored: switching models
 * empties both, and the model's id and dimension are recorded in `meta`.
 */
export class VectorStore {
  private put?: { plain: Statement; index: Statement; unindex: Statement }

  constructor(private readonly db: Database) {}

  activeModel(): ActiveModel | null {
    const rows = this.db
      .prepare("SELECT key, value FROM meta WHERE key IN ('embedding.model', 'embedding.dimension')")
      .all() as { key: string; value: string }[]
    const meta = Object.fromEntries(rows.map((r) => [r.key, r.value]))
    if (!meta['embedding.model']) return null
    return { id: meta['embedding.model'], dimension: Number(meta['embedding.dimension']) }
  }

  /** Where the chosen model comes from (JSON of a ModelSpec), or null for the default. */
  chosenSpec(): string | null {
    return (
      (this.db.prepare("SELECT value FROM meta WHERE key = 'embedding.spec'").pluck().get() as
        string | undefined) ?? null
    )
  }

  choose(spec: string | null): void {
    if (spec === null) this.db.prepare("DELETE FROM meta WHERE key = 'embedding.spec'").run()
    else this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('embedding.spec', ?)").run(spec)
  }

  /** Makes a model the active one; the vectors of any other model are dropped. */
  activate(model: ActiveModel): void {
    const current = this.activeModel()
    if (current && current.id === model.id && current.dimension === model.dimension && this.hasIndex()) return
    this.db
      .transaction(() => {
        this.db.exec('DELETE FROM incident_embeddings')
        this.createIndex(model.dimension)
        const set = this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
        set.run('embedding.model', model.id)
        set.run('embedding.dimension', String(model.dimension))
      })
      .immediate()
    this.put = undefined
  }

  private createIndex(dimension: number): void {
    this.db.exec('DROP TABLE IF EXISTS incident_vec')
    this.db.exec(
      `CREATE VIRTUAL TABLE incident_vec USING vec0(embedding bit[${Math.ceil(dimension / 8) * 8}])`
    )
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('embedding.index', ?)").run(INDEX_KIND)
    this.put = undefined
  }

  /** Rebuilds the index from the stored vectors when it is missing or of another kind. */
  ensureIndex(): void {
    const model = this.activeModel()
    if (!model) return
    const kind = this.db.prepare("SELECT value FROM meta WHERE key = 'embedding.index'").pluck().get()
    if (kind === INDEX_KIND && this.hasIndex()) return
    this.db
      .transaction(() => {
        this.createIndex(model.dimension)
        const insert = this.statements().index
        const page = this.db.prepare(
          'SELECT seq, vector FROM incident_embeddings WHERE seq > ? ORDER BY seq LIMIT 1000'
        )
        for (let after = 0; ;) {
          const rows = page.all(after) as { seq: number; vector: Buffer }[]
          if (rows.length === 0) break
          for (const r of rows) insert.run(BigInt(r.seq), toBits(asFloats(r.vector)))
          after = rows[rows.length - 1]!.seq
        }
      })
      .immediate()
  }

  private hasIndex(): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'incident_vec'").get() !== undefined
  }

  private statements() {
    this.put ??= {
      plain: this.db.prepare('INSERT OR REPLACE INTO incident_embeddings (seq, vector) VALUES (?, ?)'),
      index: this.db.prepare('INSERT INTO incident_vec (rowid, embedding) VALUES (?, vec_bit(?))'),
      unindex: this.db.prepare('DELETE FROM incident_vec WHERE rowid = ?')
    }
    return this.put
  }

  /** Stores an incident's vector (call inside the transaction that writes the incident). */
  set(seq: number, vector: Float32Array): void {
    const s = this.statements()
    const blob = toBlob(vector)
    s.plain.run(seq, blob)
    s.unindex.run(BigInt(seq))
    s.index.run(BigInt(seq), toBits(vector))
  }

  remove(seq: number): void {
    if (!this.hasIndex()) return
    this.statements().unindex.run(BigInt(seq))
    this.db.prepare('DELETE FROM incident_embeddings WHERE seq = ?').run(seq)
  }

  /** Incidents that have no vector yet, oldest first: the work left of a (re-)embedding. */
  missing(limit: number): { seq: number; doc: string }[] {
    return this.db
      .prepare(
        `SELECT i.seq, i.doc FROM incidents i LEFT JOIN incident_embeddings e ON e.seq = i.seq
         WHERE e.seq IS NULL ORDER BY i.seq LIMIT ?`
      )
      .all(limit) as { seq: number; doc: string }[]
  }

  counts(): { embedded: number; total: number } {
    return this.db
      .prepare(
        'SELECT (SELECT count(*) FROM incident_embeddings) AS embedded, (SELECT count(*) FROM incidents) AS total'
      )
      .get() as { embedded: number; total: number }
  }

  vectorOf(seq: number): Float32Array | undefined {
    const blob = this.db.prepare('SELECT vector FROM incident_embeddings WHERE seq = ?').pluck().get(seq) as
      Buffer | undefined
    return blob ? asFloats(blob) : undefined
  }

  /**
   * The k nearest incidents by cosine distance: candidates from the sqlite-vec bit index
   * (Hamming distance), rescored exactly with sqlite-vec's vec_distance_cosine.
   */
  nearest(query: Float32Array, k: number): { seq: number; distance: number }[] {
    if (!this.hasIndex()) return []
    const candidates = this.db
      .prepare('SELECT rowid FROM incident_vec WHERE embedding MATCH vec_bit(?) AND k = ?')
      .pluck()
      .all(toBits(query), k * OVERSAMPLE) as number[]
    if (candidates.length === 0) return []
    return this.db
      .prepare(
        `SELECT seq, vec_distance_cosine(vector, ?) AS distance FROM incident_embeddings
         WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY distance LIMIT ?`
      )
      .all(toBlob(query), JSON.stringify(candidates), k) as { seq: number; distance: number }[]
  }

  /**
   * The k nearest among the incidents a filter selects, scored exactly with sqlite-vec's
   * vec_distance_cosine over the filtered rows: the filter applies before the top-k cut.
   */
  nearestWhere(query: Float32Array, k: number, where: string, params: Record<string, unknown>) {
    return this.db
      .prepare(
        `SELECT i.seq AS seq, vec_distance_cosine(e.vector, @query) AS distance
         FROM incidents i JOIN incident_embeddings e ON e.seq = i.seq ${where}
         ORDER BY distance LIMIT @k`
      )
      .all({ ...params, query: toBlob(query), k }) as { seq: number; distance: number }[]
  }
}

function asFloats(blob: Buffer): Float32Array {
  return new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength))
}
