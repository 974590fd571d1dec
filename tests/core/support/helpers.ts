import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect } from 'vitest'
import { NetmortemError } from '../../../src/main/core/errors'
import { openNetmortem, type NetmortemService, type ServiceOptions } from '../../../src/main/core/service'

export { incidentRecord, makeIncident, networkModel } from './fixtures'

/** A clock fixed at one moment, for the service's `now` option. */
export const FIXED_NOW = new Date('2025-11-25T12:00:00.000Z')

/**
 * Temporary folders and open services of one test file, all closed and removed after each test.
 * Call once at the top of a test file.
 */
export function workspace() {
  const dirs: string[] = []
  const services: NetmortemService[] = []
  afterEach(async () => {
    for (const service of services.splice(0)) await service.close()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  const ws = {
    dir(): string {
      const dir = mkdtempSync(join(tmpdir(), 'netmortem-test-'))
      dirs.push(dir)
      return dir
    },
    /** A service on a new database file in a new folder (or on `dbPath` when given). */
    open(options: Partial<ServiceOptions> = {}): NetmortemService {
      const service = openNetmortem({
        dbPath: join(ws.dir(), 'netmortem.db'),
        now: () => FIXED_NOW,
        ...options
      })
      services.push(service)
      return service
    },
    /** Registers a service opened elsewhere, to be closed after the test. */
    track(service: NetmortemService): NetmortemService {
      services.push(service)
      return service
    }
  }
  return ws
}

/** Everything the database holds about incidents, to check that a failed operation changed nothing. */
export function snapshot(service: NetmortemService) {
  const db = service.db
  return {
    incidents: db.prepare('SELECT * FROM incidents ORDER BY seq').all(),
    devices: db.prepare('SELECT * FROM incident_devices ORDER BY incident_seq, device').all(),
    fts: db.prepare('SELECT rowid, * FROM incidents_fts ORDER BY rowid').all(),
    userVersion: db.pragma('user_version', { simple: true })
  }
}

/** The FTS5 rows matching a query, as stored. */
export function ftsMatch(service: NetmortemService, query: string): Record<string, unknown>[] {
  return service.db
    .prepare('SELECT rowid, * FROM incidents_fts WHERE incidents_fts MATCH ? ORDER BY rowid')
    .all(query) as Record<string, unknown>[]
}

/** The FTS index and the incidents table hold the same rows (by rowid = seq). */
export function expectFtsInSync(service: NetmortemService): void {
  const db = service.db
  const count = (sql: string) => db.prepare(sql).pluck().get() as number
  expect(count('SELECT count(*) FROM incidents_fts')).toBe(count('SELECT count(*) FROM incidents'))
  // Index rows without an incident, and incidents without an index row.
  expect(
    count('SELECT count(*) FROM incidents_fts f LEFT JOIN incidents i ON i.seq = f.rowid WHERE i.seq IS NULL')
  ).toBe(0)
  expect(
    count(
      'SELECT count(*) FROM incidents i LEFT JOIN incidents_fts f ON f.rowid = i.seq WHERE f.rowid IS NULL'
    )
  ).toBe(0)
  const rows = db.prepare('SELECT rowid, id FROM incidents_fts').all() as { rowid: number; id: string }[]
  const seqOf = db.prepare('SELECT seq FROM incidents WHERE id = ?').pluck()
  for (const row of rows) expect(seqOf.get(row.id)).toBe(row.rowid)
}

/** Runs fn, which must throw a NetmortemError; returns it. */
export async function netmortemError(fn: () => unknown): Promise<NetmortemError> {
  try {
    await fn()
  } catch (err) {
    expect(err).toBeInstanceOf(NetmortemError)
    return err as NetmortemError
  }
  throw new Error('expected a NetmortemError, nothing was thrown')
}

/** One readable line: no newline, not empty. */
export function expectOneLine(message: string): void {
  expect(message.length).toBeGreaterThan(0)
  expect(message).not.toMatch(/\n/)
}
