import type { Database, Statement } from 'better-sqlite3'

/** Staging tables made so far in this process: each import gets a table of its own. */
let staged = 0

/**
 * A connection-private TEMP table where an import parks its checked records while the file
 * is still being read, so a file of any size can be checked whole before anything is written,
 * without holding it in memory and without holding the write lock meanwhile.
 */
export class ImportStaging {
  private readonly insertStmt: Statement
  private readonly countStmt: Statement
  /** A table of its own: two imports on one connection may be reading their files at once. */
  private readonly table = `temp.import_stage_${++staged}`

  constructor(private readonly db: Database) {
    db.exec(`DROP TABLE IF EXISTS ${this.table}`)
    db.exec(`CREATE TABLE ${this.table} (n INTEGER PRIMARY KEY, doc TEXT NOT NULL, vector BLOB)`)
    this.insertStmt = db.prepare(`INSERT INTO ${this.table} (doc, vector) VALUES (?, ?)`)
    this.countStmt = db.prepare(`SELECT count(*) FROM ${this.table}`).pluck()
  }

  add(doc: string, vector?: Float32Array): void {
    this.insertStmt.run(doc, vector ? Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength) : null)
  }

  /** Stages several documents in one transaction (of the TEMP database only: no write lock). */
  addMany(docs: string[], vectors?: (Float32Array | undefined)[]): void {
    this.db.transaction(() => {
      docs.forEach((doc, i) => this.add(doc, vectors?.[i]))
    })()
  }

  count(): number {
    return this.countStmt.get() as number
  }

  /** The staged documents (and vectors, when made) in file order, a batch at a time. */
  *documents(batch = 1000): Generator<{ doc: string; vector?: Float32Array }> {
    const page = this.db.prepare(`SELECT n, doc, vector FROM ${this.table} WHERE n > ? ORDER BY n LIMIT ?`)
    let after = 0
    for (;;) {
      const rows = page.all(after, batch) as { n: number; doc: string; vector: Buffer | null }[]
      if (rows.length === 0) return
      for (const row of rows) {
        const v = row.vector
        yield {
          doc: row.doc,
          vector: v ? new Float32Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength)) : undefined
        }
      }
      after = rows[rows.length - 1]!.n
    }
  }

  dispose(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${this.table}`)
  }
}
