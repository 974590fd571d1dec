import type { Database, Statement } from 'better-sqlite3'
import { MARK_END, MARK_START } from '../../../shared/search'

const TEXT_COLUMNS = '{description root_cause resolution category devices errors tags}'

/** BM25 column weights of incidents_fts: id, description, root_cause, resolution, category, devices, errors, tags. */
export const BM25_WEIGHTS = [0.5, 3, 2, 1, 1, 0.5, 1.5, 1] as const

export interface KeywordHit {
  seq: number
  /** BM25 as SQLite gives it: lower (more negative) is better. */
  bm25: number
}

/**
 * The keyword side of search: FTS5 BM25 over the incident text, with the list filters applied
 * inside the query, and the corpus vocabulary (words and how many incidents use them) that
 * typo correction draws on. The store keeps both in step with the incidents.
 */
export class KeywordIndex {
  private readonly addTerm: Statement
  private readonly dropTerm: Statement

  constructor(private readonly db: Database) {
    this.addTerm = db.prepare(
      'INSERT INTO incident_terms (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1'
    )
    this.dropTerm = db.prepare('UPDATE incident_terms SET df = df - 1 WHERE term = ?')
  }

  /** Counts an incident's distinct words in (call inside the incident's transaction). */
  addTerms(words: Iterable<string>): void {
    for (const w of new Set(words)) this.addTerm.run(w)
  }

  removeTerms(words: Iterable<string>): void {
    for (const w of new Set(words)) this.dropTerm.run(w)
    this.db.prepare('DELETE FROM incident_terms WHERE df <= 0').run()
  }

  /** Every word of the corpus with its document frequency. */
  vocabulary(): Map<string, number> {
    const rows = this.db.prepare('SELECT term, df FROM incident_terms').raw().all() as [string, number][]
    return new Map(rows)
  }

  /** A number that changes whenever this or another connection changed the database. */
  version(): string {
    const dataVersion = this.db.pragma('data_version', { simple: true }) as number
    return `${dataVersion}:${this.db.prepare('SELECT total_changes()').pluck().get() as number}`
  }

  /**
   * Best BM25 matches of an FTS5 MATCH expression among the incidents the filter selects.
   * Incident ids are not searched for similarity: they are names, not descriptions.
   */
  search(match: string, limit: number, where: string, params: Record<string, unknown>): KeywordHit[] {
    const filter = where ? `AND ${where.replace(/^WHERE /, '')}` : ''
    return this.db
      .prepare(
        `SELECT f.rowid AS seq, bm25(incidents_fts, ${BM25_WEIGHTS.join(', ')}) AS bm25
         FROM incidents_fts f JOIN incidents i ON i.seq = f.rowid
         WHERE incidents_fts MATCH @match ${filter}
         ORDER BY bm25 LIMIT @limit`
      )
      .all({ ...params, match: `${TEXT_COLUMNS} : (${match})`, limit }) as KeywordHit[]
  }

  /**
   * The FTS5 rows of the incidents, their columns in table order (see BM25_WEIGHTS), a page at
   * a time. Read from FTS5's own content table (incidents_fts_content): the same text, without
   * the virtual-table cursor that costs 25 µs a row.
   */
  rows(afterSeq: number, limit: number): { seq: number; columns: (string | null)[] }[] {
    const rows = this.db
      .prepare(
        'SELECT id, c0, c1, c2, c3, c4, c5, c6, c7 FROM incidents_fts_content WHERE id > ? ORDER BY id LIMIT ?'
      )
      .raw()
      .all(afterSeq, limit) as [number, ...(string | null)[]][]
    return rows.map(([seq, ...columns]) => ({ seq, columns }))
  }

  /** The FTS5 row of one incident, or undefined when it is gone. */
  row(seq: number): (string | null)[] | undefined {
    const row = this.db
      .prepare(
        `SELECT id, description, root_cause, resolution, category, devices, errors, tags
         FROM incidents_fts WHERE rowid = ?`
      )
      .raw()
      .get(seq) as (string | null)[] | undefined
    return row
  }

  /** The newest entry of the change log, and the oldest still kept (0 when empty). */
  changeLog(): { first: number; last: number } {
    const row = this.db.prepare('SELECT min(id) AS first, max(id) AS last FROM incident_changes').get() as {
      first: number | null
      last: number | null
    }
    return { first: row.first ?? 0, last: row.last ?? 0 }
  }

  /** Change-log entries after `id` (incidents added, edited or deleted), oldest first, at most `limit`. */
  changedSince(id: number, limit: number): { id: number; seq: number }[] {
    return this.db
      .prepare('SELECT id, seq FROM incident_changes WHERE id > ? ORDER BY id LIMIT ?')
      .all(id, limit) as { id: number; seq: number }[]
  }

  /** Runs fn on one consistent snapshot of the database (a read transaction). */
  snapshot<T>(fn: () => T): T {
    return this.db.transaction(fn).deferred()
  }

  /** The description of each incident with the words of `match` marked. */
  highlights(match: string, seqs: number[]): Map<number, string> {
    if (seqs.length === 0 || !match) return new Map()
    const rows = this.db
      .prepare(
        `SELECT rowid AS seq, highlight(incidents_fts, 1, '${MARK_START}', '${MARK_END}') AS text
         FROM incidents_fts WHERE incidents_fts MATCH @match AND rowid IN (${seqs.map(() => '?').join(',')})`
      )
      .all({ match: `${TEXT_COLUMNS} : (${match})` }, ...seqs) as { seq: number; text: string }[]
    return new Map(rows.map((r) => [r.seq, r.text]))
  }
}
