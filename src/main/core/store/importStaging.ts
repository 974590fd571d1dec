import type { Database, Statement } from 'better-sqlite3'

/**
 * A connection-private TEMP table where an import parks its checked records while the file
 * is still being read, so a file of any size can be checked whole before anything is written,
 * without holding it in memory and without holding the write lock meanwhile.
 */
export class ImportStaging {
  private readonly insertStmt: Statement
  private readonly countStmt: Statement

  constructor(private readonly db: Database) {
    db.exec(
      'DROP TABLE IF EXISTS temp.import_stage; CREATE TEMP TABLE import_stage (n INTEGER PRIMARY KEY, doc TEXT NOT NULL)'
    )
    this.insertStmt = db.prepare('INSERT INTO temp.import_stage (doc) VALUES (?)')
    this.countStmt = db.prepare('SELECT count(*) FROM temp.import_stage').pluck()
  }

  add(doc: string): void {
    this.insertStmt.run(doc)
  }

  count(): number {
    return this.countStmt.get() as number
  }

  /** The staged documents in file order, a batch at a time. */
  *documents(batch = 1000): Generator<string> {
    const page = this.db.prepare('SELECT n, doc FROM temp.import_stage WHERE n > ? ORDER BY n LIMIT ?')
    let after = 0
    for (;;) {
      const rows = page.all(after, batch) as { n: number; doc: string }[]
      if (rows.length === 0) return
      for (const row of rows) yield row.doc
      after = rows[rows.length - 1]!.n
    }
  }

  dispose(): void {
    this.db.exec('DROP TABLE IF EXISTS temp.import_stage')
  }
}
