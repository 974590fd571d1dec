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
    db.exec(`CREATE TABLE ${this.table} (n INTEGER PRIMARY KEY, doc TEXT NOT NULL)`)
    this.insertStmt = db.prepare(`INSERT INTO ${this.table} (doc) VALUES (?)`)
    this.countStmt = db.prepare(`SELECT count(*) FROM ${this.table}`).pluck()
  }

  add(doc: string): void {
    this.insertStmt.run(doc)
  }

  /** Stages several documents in one transaction (of the TEMP database only: no write lock). */
  addMany(docs: string[]): void {
    this.db.transaction(() => {
      for (const doc of docs) this.insertStmt.run(doc)
    })()
  }

  count(): number {
    return this.countStmt.get() as number
  }

  /** The staged documents in file order, a batch at a time. */
  *documents(batch = 1000): Generator<string> {
    const page = this.db.prepare(`SELECT n, doc FROM ${this.table} WHERE n > ? ORDER BY n LIMIT ?`)
    let after = 0
    for (;;) {
      const rows = page.all(after, batch) as { n: number; doc: string }[]
      if (rows.length === 0) return
      for (const row of rows) yield row.doc
      after = rows[rows.length - 1]!.n
    }
  }

  dispose(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${this.table}`)
  }
}
