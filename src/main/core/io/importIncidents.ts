import { isoToMs, type Incident } from '../../../shared/incident'
import type { ConflictPolicy, ImportReport, RecordProblem } from '../../../shared/api'
import { NetmortemError, invalidInput } from '../errors'
import { checkIncident } from '../incidents/record'
import type { IncidentStore } from '../store/incidentStore'
import { ImportStaging } from '../store/importStaging'
import { JsonShapeError, detectShape, readRecords, type FileShape, type Source } from './jsonRecords'
import { describeFsError } from '../fsErrors'

/** Vectors of checked records (undefined where none could be made: they are made later). */
export type Vectorize = (incidents: Incident[]) => Promise<(Float32Array | undefined)[]>

const MAX_LISTED_ERRORS = 1000
/** Checked records staged per transaction of the staging table. */
const STAGE_BATCH = 256

/**
 * Imports an incidents.json of any of the three shapes. The file is checked whole first
 * (every record valid, no id twice); if anything is wrong nothing is written and the report
 * lists every bad record. Otherwise all records are written in one transaction, existing ids
 * handled by the conflict policy: skip, overwrite, or newer (by timestamp / resolved_at).
 */
export async function importIncidents(
  store: IncidentStore,
  source: Source,
  onConflict: ConflictPolicy = 'skip',
  embed?: Vectorize
): Promise<ImportReport> {
  let shape: FileShape
  const staging = new ImportStaging(store.db)
  const problems: RecordProblem[] = []
  let failed = 0
  try {
    shape = await detectShape(source)
    const seen = new Map<string, number>()
    const batch: Incident[] = []
    const flush = async () => {
      const records = batch.splice(0)
      if (records.length === 0) return
      const vectors = embed ? await embed(records) : undefined
      staging.addMany(
        records.map((r) => JSON.stringify(r)),
        vectors
      )
    }
    for await (const raw of readRecords(source, shape)) {
      const bad = (list: RecordProblem[]) => {
        failed++
        // A record of the keyed shape is named by its key when it has no id of its own.
        const named = raw.key !== undefined ? { id: raw.key } : {}
        for (const p of list) problems.push({ index: raw.index, ...named, ...p })
      }
      let value: unknown
      try {
        value = JSON.parse(raw.text)
      } catch (err) {
        bad([{ field: '(record)', reason: `malformed JSON: ${(err as Error).message}` }])
        continue
      }
      if (raw.key !== undefined && isObject(value) && value.id === undefined) {
        value = { id: raw.key, ...value }
      }
      const checked = checkIncident(value)
      if (!checked.ok) {
        bad(checked.problems)
        continue
      }
      const id = checked.incident.id
      const first = seen.get(id)
      if (first !== undefined) {
        bad([{ id, field: 'id', reason: `the same id as record ${first}; ids must be unique in a file` }])
        continue
      }
      seen.set(id, raw.index)
      if (failed > 0) continue // nothing will be written: only the check goes on
      batch.push(checked.incident)
      if (batch.length >= STAGE_BATCH) await flush()
    }
    if (failed === 0) await flush()
    if (failed > 0) {
      return {
        shape,
        added: 0,
        updated: 0,
        skipped: 0,
        failed,
        errors: problems.slice(0, MAX_LISTED_ERRORS),
        ...(problems.length > MAX_LISTED_ERRORS ? { more_errors: problems.length - MAX_LISTED_ERRORS } : {})
      }
    }
    return { shape, ...apply(store, staging, onConflict), failed: 0, errors: [] }
  } catch (err) {
    if (err instanceof JsonShapeError) throw invalidInput(`Nothing was imported. ${err.message}`)
    // A file that exists but cannot be read (a folder, no permission): a system call failed.
    if (isPath(source) && (err as NodeJS.ErrnoException).syscall) {
      throw new NetmortemError('IO_ERROR', `Cannot read ${source.path}: ${describeFsError(err, true)}.`)
    }
    throw err
  } finally {
    staging.dispose()
  }
}

function apply(store: IncidentStore, staging: ImportStaging, onConflict: ConflictPolicy) {
  let added = 0
  let updated = 0
  let skipped = 0
  store.transaction(() => {
    for (const { doc, vector } of staging.documents()) {
      const incident = JSON.parse(doc) as Incident
      const existing = store.latestTimeOf(incident.id)
      if (existing === undefined) {
        store.insert(incident, vector)
        added++
      } else if (onConflict === 'overwrite' || (onConflict === 'newer' && latestTime(incident) > existing)) {
        store.replace(incident, vector)
        updated++
      } else {
        skipped++
      }
    }
  })
  return { added, updated, skipped }
}

function latestTime(incident: Incident): number {
  const resolved = incident.resolved_at ? isoToMs(incident.resolved_at) : Number.NEGATIVE_INFINITY
  return Math.max(isoToMs(incident.timestamp), resolved)
}

function isPath(source: Source): source is { path: string } {
  return typeof source === 'object' && !Buffer.isBuffer(source)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
