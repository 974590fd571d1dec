import type { Database, Statement } from 'better-sqlite3'
import {
  SEVERITIES,
  isoToMs,
  statusOf,
  type Incident,
  type IncidentSummary,
  type Severity
} from '../../../shared/incident'
import type { Facets, ListQuery } from '../../../shared/api'
import { validationErrorText } from '../incidents/record'
import { incidentWords } from '../search/incidentText'
import { KeywordIndex } from './keywordIndex'
import { DEFAULT_IVF, VectorStore } from './vectorStore'

interface Row {
  seq: number
  id: string
  timestamp: string
  severity: Severity
  category: string
  description: string
  root_cause: string | null
  resolved_at: string | null
  devices_json: string
  tags_json: string
  error_count: number
}

const SUMMARY_COLUMNS =
  'seq, id, timestamp, severity, category, description, root_cause, resolved_at, devices_json, tags_json, error_count'

const ORDER_BY: Record<NonNullable<ListQuery['sort']>, string> = {
  timestamp: 'ts_ms',
  severity: 'severity_rank',
  category: 'category',
  id: 'id',
  status: '(resolved_at IS NOT NULL)'
}

const DAY_MS = 86_400_000

/**
 * The incident store: the only place that speaks SQL about incidents. The full record is
 * kept as JSON (so unknown fields survive), with the columns filters and sorting need, the
 * device index and the FTS5 index written in the same statement group as the record.
 */
export class IncidentStore {
  private readonly stmts: {
    insert: Statement
    update: Statement
    getDoc: Statement
    getSeq: Statement
    exists: Statement
    del: Statement
    count: Statement
    insertDevice: Statement
    deleteDevices: Statement
    insertFts: Statement
    deleteFts: Statement
    times: Statement
  }

  /** The corpus vocabulary and FTS5 search, kept in step with the incidents. */
  readonly keywords: KeywordIndex
  /** The incidents' vectors of the active embedding model. */
  readonly vectors: VectorStore

  /** `vectorsInMemory`: long-running processes keep a small store's vectors in memory (VectorScan). */
  constructor(
    readonly db: Database,
    options: { vectorsInMemory?: boolean } = {}
  ) {
    this.keywords = new KeywordIndex(db)
    this.vectors = new VectorStore(db, DEFAULT_IVF, { inMemory: options.vectorsInMemory })
    this.stmts = {
      insert: db.prepare(
        `INSERT INTO incidents (id, timestamp, ts_ms, severity, severity_rank, category, description,
           root_cause, resolved_at, devices_json, tags_json, error_count, doc)
         VALUES (@id, @timestamp, @ts_ms, @severity, @severity_rank, @category, @description,
           @root_cause, @resolved_at, @devices_json, @tags_json, @error_count, @doc)`
      ),
      update: db.prepare(
        `UPDATE incidents SET timestamp = @timestamp, ts_ms = @ts_ms, severity = @severity,
           severity_rank = @severity_rank, category = @category, description = @description,
           root_cause = @root_cause, resolved_at = @resolved_at, devices_json = @devices_json,
           tags_json = @tags_json, error_count = @error_count, doc = @doc
         WHERE seq = @seq`
      ),
      getDoc: db.prepare('SELECT doc FROM incidents WHERE id = ?').pluck(),
      getSeq: db.prepare('SELECT seq FROM incidents WHERE id = ?').pluck(),
      exists: db.prepare('SELECT 1 FROM incidents WHERE id = ?').pluck(),
      del: db.prepare('DELETE FROM incidents WHERE seq = ?'),
      count: db.prepare('SELECT count(*) FROM incidents').pluck(),
      insertDevice: db.prepare('INSERT OR IGNORE INTO incident_devices (incident_seq, device) VALUES (?, ?)'),
      deleteDevices: db.prepare('DELETE FROM incident_devices WHERE incident_seq = ?'),
      insertFts: db.prepare(
        `INSERT INTO incidents_fts (rowid, id, description, root_cause, resolution, category, devices, errors, tags)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
      ),
      deleteFts: db.prepare('DELETE FROM incidents_fts WHERE rowid = ?'),
      times: db.prepare('SELECT ts_ms, resolved_at FROM incidents WHERE id = ?')
    }
  }

  /** Runs fn in one write transaction (IMMEDIATE, so concurrent writers wait, not fail). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate()
  }

  count(): number {
    return this.stmts.count.get() as number
  }

  exists(id: string): boolean {
    return this.stmts.exists.get(id) !== undefined
  }

  get(id: string): Incident | undefined {
    const doc = this.stmts.getDoc.get(id) as string | undefined
    return doc === undefined ? undefined : (JSON.parse(doc) as Incident)
  }

  /** Stores a new incident; the caller has checked that its id is free. Returns its row key. */
  insert(incident: Incident, vector?: Float32Array): number {
    const info = this.stmts.insert.run(columnsOf(incident))
    const seq = Number(info.lastInsertRowid)
    this.indexSecondary(seq, incident, vector)
    return seq
  }

  /**
   * Replaces the stored incident of the same id. Returns its row key. Without a new vector the
   * old one is dropped (the text changed): it is made again by the next embedding pass.
   */
  replace(incident: Incident, vector?: Float32Array): number {
    const seq = this.stmts.getSeq.get(incident.id) as number | undefined
    if (seq === undefined) return this.insert(incident, vector)
    this.unindexSecondary(seq)
    this.stmts.update.run({ ...columnsOf(incident), seq })
    this.indexSecondary(seq, incident, vector)
    return seq
  }

  delete(id: string): boolean {
    const seq = this.stmts.getSeq.get(id) as number | undefined
    if (seq === undefined) return false
    this.unindexSecondary(seq)
    this.stmts.del.run(seq) // incident_devices and incident_embeddings rows go by ON DELETE CASCADE
    return true
  }

  /** Incidents by row key, as table rows (for search results). */
  summariesBySeq(seqs: number[]): Map<number, IncidentSummary> {
    const out = new Map<number, IncidentSummary>()
    for (let i = 0; i < seqs.length; i += 500) {
      const part = seqs.slice(i, i + 500)
      const rows = this.db
        .prepare(`SELECT ${SUMMARY_COLUMNS} FROM incidents WHERE seq IN (${part.map(() => '?').join(',')})`)
        .all(...part) as Row[]
      for (const row of rows) out.set(row.seq, summaryOf(row))
    }
    return out
  }

  /** Full records by row key. */
  incidentsBySeq(seqs: number[]): Map<number, Incident> {
    const out = new Map<number, Incident>()
    for (let i = 0; i < seqs.length; i += 500) {
      const part = seqs.slice(i, i + 500)
      const rows = this.db
        .prepare(`SELECT seq, doc FROM incidents WHERE seq IN (${part.map(() => '?').join(',')})`)
        .all(...part) as { seq: number; doc: string }[]
      for (const row of rows) out.set(row.seq, JSON.parse(row.doc) as Incident)
    }
    return out
  }

  seqOf(id: string): number | undefined {
    return this.stmts.getSeq.get(id) as number | undefined
  }

  /** The SQL filter of list queries, for the search indexes to apply inside their own queries. */
  filterOf(query: ListQuery): { where: string; params: Record<string, unknown> } {
    return whereOf(query)
  }

  /** Which of these incidents a filter (from filterOf) selects. */
  selected(seqs: number[], where: string, params: Record<string, unknown>): Set<number> {
    if (seqs.length === 0) return new Set()
    const inList = `i.seq IN (${seqs.map((s) => Math.trunc(s)).join(',')})`
    const clause = where ? `${where} AND ${inList}` : `WHERE ${inList}`
    return new Set(this.db.prepare(`SELECT i.seq FROM incidents i ${clause}`).pluck().all(params) as number[])
  }

  /** Summaries matching the query, and how many match in all. */
  list(query: ListQuery = {}): { total: number; items: IncidentSummary[] } {
    const { where, params } = whereOf(query)
    const total = this.db.prepare(`SELECT count(*) FROM incidents i ${where}`).pluck().get(params) as number
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM incidents i ${where} ${orderOf(query)} LIMIT @limit OFFSET @offset`
      )
      .all({ ...params, limit: query.limit ?? -1, offset: query.offset ?? 0 }) as Row[]
    return { total, items: rows.map(summaryOf) }
  }

  /** Full records matching the query, newest first unless sorted otherwise. */
  listFull(query: ListQuery = {}): Incident[] {
    const { where, params } = whereOf(query)
    return (
      this.db
        .prepare(`SELECT doc FROM incidents i ${where} ${orderOf(query)} LIMIT @limit OFFSET @offset`)
        .pluck()
        .all({ ...params, limit: query.limit ?? -1, offset: query.offset ?? 0 }) as string[]
    ).map((doc) => JSON.parse(doc) as Incident)
  }

  /**
   * Stored documents (JSON text), oldest first, a page at a time: no statement stays open
   * between pages, so other calls may use the connection while an export writes.
   */
  *documents(pageSize = 500): Generator<{ id: string; doc: string }[]> {
    const page = this.db.prepare(
      `SELECT ts_ms, id, doc FROM incidents WHERE ts_ms > @t OR (ts_ms = @t AND id > @id)
       ORDER BY ts_ms, id LIMIT @n`
    )
    let t = Number.MIN_SAFE_INTEGER
    let id = ''
    for (;;) {
      const rows = page.all({ t, id, n: pageSize }) as { ts_ms: number; id: string; doc: string }[]
      if (rows.length === 0) return
      yield rows
      const last = rows[rows.length - 1]!
      t = last.ts_ms
      id = last.id
    }
  }

  /** When a stored incident last changed in time: max of timestamp and resolved_at. */
  latestTimeOf(id: string): number | undefined {
    const row = this.stmts.times.get(id) as { ts_ms: number; resolved_at: string | null } | undefined
    if (!row) return undefined
    return Math.max(row.ts_ms, row.resolved_at ? isoToMs(row.resolved_at) : Number.NEGATIVE_INFINITY)
  }

  /**
   * The newest open deployment failure captured by pre-flight with this fingerprint (see
   * preflight/occurrence.ts) at or after `sinceMs`, if any.
   */
  openPreflightFailure(fingerprint: string, sinceMs: number): Incident | undefined {
    const doc = this.db
      .prepare(
        `SELECT doc FROM incidents
         WHERE category = 'deployment_failure' AND ts_ms >= ? AND resolved_at IS NULL
           AND json_extract(doc, '$.preflight.fingerprint') = ?
         ORDER BY ts_ms DESC, seq DESC LIMIT 1`
      )
      .pluck()
      .get(sinceMs, fingerprint) as string | undefined
    return doc === undefined ? undefined : (JSON.parse(doc) as Incident)
  }

  facets(): Facets {
    const group = (sql: string) => this.db.prepare(sql).all() as { value: string; count: number }[]
    const status = this.db
      .prepare(
        'SELECT sum(resolved_at IS NULL) AS open, sum(resolved_at IS NOT NULL) AS resolved FROM incidents'
      )
      .get() as { open: number | null; resolved: number | null }
    return {
      total: this.count(),
      categories: group(
        'SELECT category AS value, count(*) AS count FROM incidents GROUP BY category ORDER BY count DESC, value'
      ),
      severities: group(
        'SELECT severity AS value, count(*) AS count FROM incidents GROUP BY severity ORDER BY min(severity_rank)'
      ),
      devices: group(
        'SELECT device AS value, count(*) AS count FROM incident_devices GROUP BY device ORDER BY count DESC, value'
      ),
      open: status.open ?? 0,
      resolved: status.resolved ?? 0
    }
  }

  private unindexSecondary(seq: number): void {
    const old = this.db.prepare('SELECT doc FROM incidents WHERE seq = ?').pluck().get(seq) as string
    this.keywords.removeTerms(incidentWords(JSON.parse(old) as Incident))
    this.stmts.deleteDevices.run(seq)
    this.stmts.deleteFts.run(seq)
    this.vectors.remove(seq)
  }

  private indexSecondary(seq: number, incident: Incident, vector?: Float32Array): void {
    this.keywords.addTerms(incidentWords(incident))
    if (vector) this.vectors.set(seq, vector)
    for (const device of new Set(incident.affected_devices)) this.stmts.insertDevice.run(seq, device)
    this.stmts.insertFts.run(
      seq,
      incident.id,
      incident.description,
      incident.root_cause ?? '',
      incident.resolution ?? '',
      incident.category.replace(/_/g, ' '),
      incident.affected_devices.join(' '),
      validationErrorText(incident),
      incident.tags.join(' ')
    )
  }
}

function columnsOf(incident: Incident) {
  return {
    id: incident.id,
    timestamp: incident.timestamp,
    ts_ms: isoToMs(incident.timestamp),
    severity: incident.severity,
    severity_rank: SEVERITIES.indexOf(incident.severity),
    category: incident.category,
    description: incident.description,
    root_cause: incident.root_cause,
    resolved_at: incident.resolved_at,
    devices_json: JSON.stringify(incident.affected_devices),
    tags_json: JSON.stringify(incident.tags),
    error_count: incident.validation_errors.length,
    doc: JSON.stringify(incident)
  }
}

function summaryOf(row: Row): IncidentSummary {
  return {
    id: row.id,
    timestamp: row.timestamp,
    severity: row.severity,
    category: row.category,
    description: row.description,
    affected_devices: JSON.parse(row.devices_json) as string[],
    status: statusOf(row),
    root_cause: row.root_cause,
    resolved_at: row.resolved_at,
    tags: JSON.parse(row.tags_json) as string[],
    error_count: row.error_count
  }
}

function whereOf(query: ListQuery): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = []
  const params: Record<string, unknown> = {}
  if (query.category) {
    clauses.push('i.category = @category')
    params.category = query.category
  }
  if (query.severity) {
    clauses.push('i.severity = @severity')
    params.severity = query.severity
  }
  if (query.status === 'open') clauses.push('i.resolved_at IS NULL')
  if (query.status === 'resolved') clauses.push('i.resolved_at IS NOT NULL')
  if (query.since) {
    clauses.push('i.ts_ms >= @since')
    params.since = isoToMs(query.since)
  }
  if (query.until) {
    clauses.push('i.ts_ms <= @until')
    // A date without a time means the whole of that day.
    params.until = isoToMs(query.until) + (query.until.length === 10 ? DAY_MS - 1 : 0)
  }
  if (query.device) {
    clauses.push(
      'EXISTS (SELECT 1 FROM incident_devices d WHERE d.device = @device AND d.incident_seq = i.seq)'
    )
    params.device = query.device
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
}

function orderOf(query: ListQuery): string {
  const column = ORDER_BY[query.sort ?? 'timestamp']
  const direction = (
    query.direction ?? (query.sort && query.sort !== 'timestamp' ? 'asc' : 'desc')
  ).toUpperCase()
  return `ORDER BY ${column} ${direction}, i.ts_ms DESC, i.id`
}
