import type { Database, Statement } from 'better-sqlite3'

export interface ActiveModel {
  id: string
  dimension: number
}

const toBlob = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength)

/** The kind of index this code builds; another kind (an older build) is rebuilt from the vectors. */
const INDEX_KIND = 'float-v1'

/**
 * The incident vectors of the active embedding model: a plain table (the vectors themselves,
 * read for exact scoring of filtered searches and for re-indexing) and a sqlite-vec vec0 index
 * for exact k-nearest-neighbour search by cosine distance. (A binary-quantised index was tried:
 * on static sentence vectors, which share a large common direction, its recall@50 against
 * exact search was 0.27, so exact float search it is.) Only vectors of one model are ever stored: switching models
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
      `CREATE VIRTUAL TABLE incident_vec USING vec0(embedding float[${dimension}] distance_metric=cosine)`
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
          for (const r of rows) insert.run(BigInt(r.seq), r.vector)
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
      index: this.db.prepare('INSERT INTO incident_vec (rowid, embedding) VALUES (?, ?)'),
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
    s.index.run(BigInt(seq), blob)
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

  /** The k nearest incidents by cosine distance, through the sqlite-vec index. */
  nearest(query: Float32Array, k: number): { seq: number; distance: number }[] {
    if (!this.hasIndex()) return []
    return this.db
      .prepare(
        'SELECT rowid AS seq, distance FROM incident_vec WHERE embedding MATCH ? AND k = ? ORDER BY distance'
      )
      .all(toBlob(query), k) as { seq: number; distance: number }[]
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
