import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase, schemaVersion } from '../../src/main/core/db/open'
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from '../../src/main/core/db/migrations'
import { openNetmortem } from '../../src/main/core/service'
import {
  FIXED_NOW,
  expectOneLine,
  ftsMatch,
  makeIncident,
  netmortemError,
  workspace
} from './support/helpers'

const ws = workspace()

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

/** Opens a database and closes it after fn, whatever happens. */
function withDb<T>(
  path: string,
  options: Parameters<typeof openDatabase>[1],
  fn: (db: BetterSqlite3.Database) => T
) {
  const db = openDatabase(path, options)
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

function tablesOf(db: BetterSqlite3.Database): string[] {
  return (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
      )
      .pluck()
      .all() as string[]
  ).filter((name) => !name.startsWith('incidents_fts_'))
}

/**
 * Opening `path`, the only file in `dir`, fails with a one-line IO_ERROR saying it is not a
 * Netmortem database, and leaves the file as it was and nothing else in `dir`.
 */
async function expectRefusedUntouched(dir: string, path: string) {
  const before = sha(path)
  const err = await netmortemError(() => openNetmortem({ dbPath: path }))
  expect(err.code).toBe('IO_ERROR')
  expectOneLine(err.message)
  expect(err.message).toContain(`${path} is not a Netmortem database`)
  expect(sha(path)).toBe(before)
  expect(readdirSync(dir)).toEqual([basename(path)])
}

describe('migrations', () => {
  it('are numbered 1, 2, 3, ... in order, and LATEST_SCHEMA_VERSION is the last', () => {
    expect(migrations.length).toBeGreaterThan(0)
    migrations.forEach((m, i) => {
      expect(m.version).toBe(i + 1)
      expect(m.description.length).toBeGreaterThan(0)
    })
    expect(LATEST_SCHEMA_VERSION).toBe(migrations[migrations.length - 1]!.version)
  })

  it('bring a fresh database to the latest version, in WAL mode, with a busy timeout and sqlite-vec', () => {
    const path = join(ws.dir(), 'fresh.db')
    withDb(path, {}, (db) => {
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000)
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(db.prepare('SELECT vec_version()').pluck().get()).toMatch(/^v\d/)
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(tablesOf(db)).toEqual([
        'incident_changes',
        'incident_devices',
        'incident_embeddings',
        'incident_terms',
        'incidents',
        'incidents_fts',
        'meta'
      ])
    })
    // WAL is a property of the file: a plain connection sees it too.
    const plain = new BetterSqlite3(path, { readonly: true })
    expect(plain.pragma('journal_mode', { simple: true })).toBe('wal')
    plain.close()
  })

  it('creates the folder of the database when it does not exist', () => {
    const path = join(ws.dir(), 'a', 'b', 'netmortem.db')
    const service = ws.track(openNetmortem({ dbPath: path }))
    expect(service.info().schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(service.info().incidentCount).toBe(0)
  })

  it.each(migrations.map((m, i) => [m.version, i + 1] as const))(
    'stop at version %i with a usable schema, and later migrations carry it to the latest',
    async (version, steps) => {
      const path = join(ws.dir(), 'steps.db')
      withDb(path, { migrations: migrations.slice(0, steps) }, (db) => {
        expect(schemaVersion(db)).toBe(version)
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        // The tables of this step accept a row: the schema is coherent at every step.
        expect(tablesOf(db)).toContain('incidents')
      })
      const service = ws.track(openNetmortem({ dbPath: path, now: () => FIXED_NOW }))
      expect(service.info().schemaVersion).toBe(LATEST_SCHEMA_VERSION)
      await service.addIncident(makeIncident(1, { description: 'stepwise migrated database' }))
      expect(service.listIncidents().total).toBe(1)
      expect(ftsMatch(service, 'stepwise')).toHaveLength(1)
      expect((await service.capture({ description: 'captured' })).id).toBe('deploy-20251125-120000')
    }
  )

  it('run each step once: re-opening a database does not run them again', () => {
    const path = join(ws.dir(), 'once.db')
    const runs = new Map<number, number>()
    const counted: Migration[] = migrations.map((m) => ({
      ...m,
      up: (db) => {
        runs.set(m.version, (runs.get(m.version) ?? 0) + 1)
        m.up(db)
      }
    }))
    withDb(path, { migrations: counted }, (db) => {
      db.prepare("INSERT INTO meta (key, value) VALUES ('marker', 'kept')").run()
    })
    for (let i = 0; i < 3; i++) {
      withDb(path, { migrations: counted }, (db) => {
        expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
        expect(db.prepare("SELECT value FROM meta WHERE key = 'marker'").pluck().get()).toBe('kept')
      })
    }
    expect([...runs.values()]).toEqual(migrations.map(() => 1))
  })

  it('keep the data of a database when re-opened', async () => {
    const path = join(ws.dir(), 'reopen.db')
    const first = openNetmortem({ dbPath: path })
    await first.addIncident(makeIncident(7))
    await first.close()
    const second = ws.track(openNetmortem({ dbPath: path }))
    expect(second.getIncident('inc-000007')).toStrictEqual(makeIncident(7))
  })

  it('refuse a database of a newer Netmortem, in one clear line, and leave it untouched', async () => {
    const dir = ws.dir()
    const path = join(dir, 'newer.db')
    const future = new BetterSqlite3(path)
    future.pragma('journal_mode = DELETE')
    future.exec("CREATE TABLE incidents_v9 (x TEXT); INSERT INTO incidents_v9 VALUES ('future data')")
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`)
    future.close()
    const before = sha(path)
    const filesBefore = readdirSync(dir)

    for (const open of [() => openDatabase(path), () => openNetmortem({ dbPath: path })]) {
      const err = await netmortemError(open)
      expect(err.code).toBe('IO_ERROR')
      expectOneLine(err.message)
      expect(err.message).toContain(`schema version ${LATEST_SCHEMA_VERSION + 5}`)
      expect(err.message).toMatch(/newer Netmortem/)
      expect(err.message).toMatch(/Upgrade Netmortem/)
    }
    expect(sha(path)).toBe(before)
    expect(readdirSync(dir)).toEqual(filesBefore)
    const check = new BetterSqlite3(path, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5)
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(check.prepare('SELECT x FROM incidents_v9').pluck().get()).toBe('future data')
    check.close()
  })

  it('refuse a newer database in WAL mode too, keeping its data', async () => {
    const path = join(ws.dir(), 'newer-wal.db')
    const service = openNetmortem({ dbPath: path })
    await service.addIncident(makeIncident(1))
    service.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    await service.close()
    const err = await netmortemError(() => openNetmortem({ dbPath: path }))
    expect(err.message).toMatch(/written by a newer Netmortem/)
    const check = new BetterSqlite3(path, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1)
    expect(check.prepare('SELECT count(*) FROM incidents').pluck().get()).toBe(1)
    check.close()
  })

  it('refuse a file that is not a database, naming it, and leave it untouched', async () => {
    const dir = ws.dir()
    const path = join(dir, 'notes.txt')
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(200))
    await expectRefusedUntouched(dir, path)
  })

  it('refuse an SQLite database of another program instead of adding tables to it', async () => {
    const dir = ws.dir()
    const path = join(dir, 'other.sqlite')
    const other = new BetterSqlite3(path)
    other.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello')")
    other.close()
    await expectRefusedUntouched(dir, path)
  })

  it('accept an empty file as a new database', () => {
    const path = join(ws.dir(), 'empty.db')
    writeFileSync(path, '')
    const service = ws.track(openNetmortem({ dbPath: path }))
    expect(service.info().schemaVersion).toBe(LATEST_SCHEMA_VERSION)
  })

  it('say clearly when the path cannot be opened', async () => {
    const dir = ws.dir()
    mkdirSync(join(dir, 'a-folder.db'))
    const err = await netmortemError(() => openNetmortem({ dbPath: join(dir, 'a-folder.db') }))
    expect(err.code).toBe('IO_ERROR')
    expectOneLine(err.message)
    expect(err.message).toContain(join(dir, 'a-folder.db'))
  })
})

describe('two services on one database file (the app and the CLI)', () => {
  it("see each other's writes", async () => {
    const path = join(ws.dir(), 'shared.db')
    const app = ws.track(openNetmortem({ dbPath: path, now: () => FIXED_NOW }))
    const cli = ws.track(openNetmortem({ dbPath: path, now: () => FIXED_NOW }))

    await app.addIncident(makeIncident(1, { description: 'written by the app' }))
    expect(cli.getIncident('inc-000001').description).toBe('written by the app')
    expect(cli.listIncidents().total).toBe(1)
    expect(ftsMatch(cli, 'app')).toHaveLength(1)

    await cli.updateIncident('inc-000001', { description: 'edited by the cli' })
    expect(app.getIncident('inc-000001').description).toBe('edited by the cli')
    expect(ftsMatch(app, 'cli')).toHaveLength(1)

    // Captures in the same second get distinct ids whichever connection makes them.
    expect((await app.capture({ description: 'one' })).id).toBe('deploy-20251125-120000')
    expect((await cli.capture({ description: 'two' })).id).toBe('deploy-20251125-120000-2')

    const report = await cli.importText(JSON.stringify([makeIncident(2), makeIncident(3)]))
    expect(report.added).toBe(2)
    expect(app.listIncidents().total).toBe(5)
    expect(app.facets().total).toBe(5)

    app.deleteIncident('inc-000002')
    expect(() => cli.getIncident('inc-000002')).toThrow(/No incident/)
    expect(cli.info().incidentCount).toBe(4)
  })

  it('a second connection opening while the first is open does not migrate again or fail', async () => {
    const path = join(ws.dir(), 'both.db')
    const first = ws.track(openNetmortem({ dbPath: path }))
    await first.addIncident(makeIncident(1))
    const second = ws.track(openNetmortem({ dbPath: path }))
    expect(second.info()).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, incidentCount: 1 })
  })
})
