import type { Database, Statement } from 'better-sqlite3'
import { type Clustering, nearestCentroid, nearestCentroids, trainClusters } from '../search/kmeans'
import { asFloats, toBlob } from './vectorBlob'
import { VectorScan } from './vectorScan'

export interface ActiveModel {
  id: string
  dimension: number
}

/** The kind of index this code builds; another kind (an older build) is rebuilt from the vectors. */
const INDEX_KIND = 'ivf-v1'

/** How the inverted-file index is laid out; the defaults suit 20,000 to 1,000,000 incidents. */
export interface IvfOptions {
  /** Below this many vectors one list is scanned whole (exact, and fast enough). */
  trainFrom: number
  /** Vectors per list aimed at when training. */
  listSize: number
  /** Lists scanned per query. */
  probes: number
}

/** Vectors per list the centroids are trained on. */
const SAMPLE_PER_LIST = 64

export const DEFAULT_IVF: IvfOptions = { trainFrom: 20_000, listSize: 800, probes: 8 }

/**
 * The incident vectors of the active embedding model: a plain table (the vectors themselves,
 * read for exact scoring of filtered searches and for re-indexing) and a sqlite-vec vec0 index
 * searched by cosine distance. Small stores keep every vector in one partition: exact search.
 * From `trainFrom` vectors on, the index becomes an inverted file: spherical k-means centroids
 * (kept in incident_vec_centroids) split the vectors into vec0 partitions and a query scans
 * only the `probes` nearest, so search time grows with the list size, not with the store. The
 * centroids are trained again each time the store doubles. (A binary-quantised index was tried
 * first: on static sentence vectors, which share a large common direction, its recall@50 was
 * 0.27.) Only vectors of one model are ever stored: switching models empties both, and the
 * model's id and dimension are recorded in `meta`.
 */
export class VectorStore {
  private put?: { plain: Statement; index: Statement; unindex: Statement }
  private clusters?: { trained: string; clustering: Clustering | null }
  /** Statements of the search path, prepared once (a query costs a few ms: preparing is not free). */
  private readonly prepared = new Map<string, Statement>()
  /** A small store's vectors in memory, when asked for (see VectorScan). */
  private readonly scan?: VectorScan

  constructor(
    private readonly db: Database,
    private readonly ivf: IvfOptions = DEFAULT_IVF,
    options: { inMemory?: boolean } = {}
  ) {
    if (options.inMemory) this.scan = new VectorScan(db)
  }

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

  /** An empty index of one partition (call inside a transaction). */
  private createIndex(dimension: number): void {
    this.db.exec('DROP TABLE IF EXISTS incident_vec')
    this.db.exec(
      `CREATE VIRTUAL TABLE incident_vec USING vec0(
         cluster integer partition key, embedding float[${dimension}] distance_metric=cosine)`
    )
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS incident_vec_centroids (cluster INTEGER PRIMARY KEY, vector BLOB NOT NULL)'
    )
    this.db.exec('DELETE FROM incident_vec_centroids')
    const set = this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
    set.run('embedding.index', INDEX_KIND)
    set.run('embedding.trained', '0')
    this.put = undefined
    this.clusters = undefined
    this.prepared.clear()
    this.scan?.clear()
  }

  /** Fills the (new, empty) index from the stored vectors, each in its cluster's partition. */
  private fillIndex(clustering: Clustering | null): void {
    const insert = this.statements().index
    const page = this.db.prepare(
      'SELECT seq, vector FROM incident_embeddings WHERE seq > ? ORDER BY seq LIMIT 1000'
    )
    for (let after = 0; ;) {
      const rows = page.all(after) as { seq: number; vector: Buffer }[]
      if (rows.length === 0) break
      for (const r of rows) {
        const cluster = clustering ? nearestCentroid(clustering, asFloats(r.vector)) : 0
        insert.run(BigInt(r.seq), BigInt(cluster), r.vector)
      }
      after = rows[rows.length - 1]!.seq
    }
  }

  /**
   * Trains the inverted file when the store has grown past `trainFrom` vectors, or to twice
   * the size it was trained at; otherwise does nothing. Takes seconds at 100,000 incidents,
   * so it runs after imports and before searches, never inside a single capture.
   */
  maintain(): void {
    const model = this.activeModel()
    if (!model || !this.hasIndex()) return
    const embedded = this.counts().embedded
    const trained = Number(this.meta('embedding.trained') ?? 0)
    if (embedded < this.ivf.trainFrom || (trained > 0 && embedded < trained * 2)) return
    // Centroids learn from a sample (memory stays bounded); every vector is then placed a page at a time.
    const lists = Math.max(this.ivf.probes * 2, Math.round(embedded / this.ivf.listSize))
    // A multiplicative hash of the row key picks the sample: no stride to alias with the data.
    const share = Math.min(1, (lists * SAMPLE_PER_LIST) / embedded)
    const sample = this.db
      .prepare('SELECT vector FROM incident_embeddings WHERE (seq * 2654435761) % 4294967296 < ?')
      .pluck()
      .all(Math.ceil(share * 4294967296)) as Buffer[]
    const points = new Float32Array(sample.length * model.dimension)
    sample.forEach((blob, i) => points.set(asFloats(blob), i * model.dimension))
    const clustering = trainClusters(points, model.dimension, Math.min(lists, sample.length))
    this.db
      .transaction(() => {
        this.createIndex(model.dimension)
        const put = this.db.prepare('INSERT INTO incident_vec_centroids (cluster, vector) VALUES (?, ?)')
        for (let k = 0; k < clustering.count; k++) {
          put.run(k, toBlob(clustering.centroids.subarray(k * model.dimension, (k + 1) * model.dimension)))
        }
        this.db.prepare("UPDATE meta SET value = ? WHERE key = 'embedding.trained'").run(String(embedded))
        this.fillIndex(clustering)
      })
      .immediate()
    this.clusters = undefined
  }

  /** The trained centroids, or null while the index is one partition (re-read when retrained). */
  private clustering(): Clustering | null {
    const trained = this.meta('embedding.trained') ?? '0'
    if (this.clusters?.trained === trained) return this.clusters.clustering
    const rows = (
      trained === '0'
        ? []
        : this.db.prepare('SELECT vector FROM incident_vec_centroids ORDER BY cluster').pluck().all()
    ) as Buffer[]
    const dimension = this.activeModel()?.dimension ?? 0
    const clustering =
      rows.length === 0
        ? null
        : {
            dimension,
            count: rows.length,
            centroids: Float32Array.from(rows.flatMap((b) => [...asFloats(b)]))
          }
    this.clusters = { trained, clustering }
    return clustering
  }

  private meta(key: string): string | undefined {
    return this.statement('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined
  }

  private statement(sql: string): Statement {
    let statement = this.prepared.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.prepared.set(sql, statement)
    }
    return statement
  }

  /** Rebuilds the index from the stored vectors when it is missing or of another kind. */
  ensureIndex(): void {
    const model = this.activeModel()
    if (!model) return
    if (this.meta('embedding.index') === INDEX_KIND && this.hasIndex()) return
    this.db
      .transaction(() => {
        this.createIndex(model.dimension)
        this.fillIndex(null)
      })
      .immediate()
  }

  private hasIndex(): boolean {
    return this.statement("SELECT 1 FROM sqlite_schema WHERE name = 'incident_vec'").get() !== undefined
  }

  private statements() {
    this.put ??= {
      plain: this.db.prepare('INSERT OR REPLACE INTO incident_embeddings (seq, vector) VALUES (?, ?)'),
      index: this.db.prepare('INSERT INTO incident_vec (rowid, cluster, embedding) VALUES (?, ?, ?)'),
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
    const clustering = this.clustering()
    s.index.run(BigInt(seq), BigInt(clustering ? nearestCentroid(clustering, vector) : 0), blob)
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
   * The k nearest incidents by cosine distance, through the sqlite-vec index: exact while it
   * is one partition, else among the vectors of the `probes` partitions nearest the query.
   */
  nearest(query: Float32Array, k: number): { seq: number; distance: number }[] {
    if (!this.hasIndex()) return []
    const blob = toBlob(query)
    const clustering = this.clustering()
    if (!clustering) {
      if (this.scan?.usable()) return this.scan.nearest(query, k)
      return this.statement(
        'SELECT rowid AS seq, distance FROM incident_vec WHERE embedding MATCH ? AND k = ? ORDER BY distance'
      ).all(blob, k) as { seq: number; distance: number }[]
    }
    const inList = this.statement(
      'SELECT rowid AS seq, distance FROM incident_vec WHERE embedding MATCH ? AND k = ? AND cluster = ?'
    )
    const hits = nearestCentroids(clustering, query, this.ivf.probes).flatMap(
      (cluster) => inList.all(blob, k, BigInt(cluster)) as { seq: number; distance: number }[]
    )
    return hits.sort((a, b) => a.distance - b.distance).slice(0, k)
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
