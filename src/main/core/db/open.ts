import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import * as sqliteVec from 'sqlite-vec'
import { NetmortemError, firstLine } from '../errors'
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations'

export interface OpenOptions {
  /**
   * Path of a better-sqlite3 addon built for another runtime. The Electron main process
   * passes its own build here (see scripts/build-electron-native.mjs); plain Node uses the
   * addon npm built.
   */
  nativeBinding?: string
  readonly?: boolean
  /** Migrations to apply; tests pass a prefix to check each step. */
  migrations?: Migration[]
}

/**
 * Opens (creating if needed) a Netmortem database: WAL journal and a busy timeout so the
 * desktop app and the CLI can use it at once, foreign keys on, sqlite-vec loaded, schema
 * migrated to the latest version.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  let db: Database
  try {
    db = new BetterSqlite3(path, {
      nativeBinding: options.nativeBinding,
      readonly: options.readonly ?? false
    })
  } catch (err) {
    throw new NetmortemError(
      'IO_ERROR',
      `Cannot open database ${path}: ${firstLine(String((err as Error).message))}`
    )
  }
  try {
    db.pragma('busy_timeout = 5000')
    // Only reads before this: a database that must be refused is left exactly as it was.
    refuseUnknown(db, path)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    sqliteVec.load(db)
    migrate(db, options.migrations ?? migrations)
  } catch (err) {
    db.close()
    if (err instanceof NetmortemError) throw err
    const message = firstLine(String((err as Error).message))
    if (/not a database|malformed|file is encrypted/i.test(message)) {
      throw new NetmortemError('IO_ERROR', `${path} is not a Netmortem database (${message}).`)
    }
    throw new NetmortemError('IO_ERROR', `Cannot open database ${path}: ${message}`)
  }
  return db
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function migrate(db: Database, steps: Migration[] = migrations): void {
  const known = steps[steps.length - 1]?.version ?? 0
  const current = schemaVersion(db)
  if (current > LATEST_SCHEMA_VERSION) throw newerVersion(current)
  if (current >= known) return
  const apply = db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const now = schemaVersion(db)
    for (const step of steps) {
      if (step.version <= now) continue
      step.up(db)
      db.pragma(`user_version = ${step.version}`)
    }
  })
  apply.immediate()
}

function newerVersion(current: number): NetmortemError {
  return new NetmortemError(
    'IO_ERROR',
    `This database has schema version ${current}, written by a newer Netmortem; this version understands up to ${LATEST_SCHEMA_VERSION}. Upgrade Netmortem.`
  )
}

/**
 * Refuses a database written by a newer Netmortem, and an SQLite database of another program
 * (tables but no schema version), so that neither is converted to WAL or given our tables.
 */
function refuseUnknown(db: Database, path: string): void {
  const current = schemaVersion(db)
  if (current > LATEST_SCHEMA_VERSION) throw newerVersion(current)
  if (current > 0) return
  const other = db.prepare("SELECT 1 FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' LIMIT 1").pluck().get()
  if (other !== undefined) {
    throw new NetmortemError(
      'IO_ERROR',
      `${path} is not a Netmortem database (it holds tables of another program and no Netmortem schema).`
    )
  }
}
