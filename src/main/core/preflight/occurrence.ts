import type { Finding, PreflightOccurrence } from '../../../shared/networkModel'
import type { Incident } from '../../../shared/incident'
import type { IncidentStore } from '../store/incidentStore'

/** How long a pipeline re-running on the same broken model adds to one incident. */
export const OCCURRENCE_WINDOW_MS = 24 * 60 * 60 * 1000

/** What a pre-flight capture keeps in its record, beside the contract's fields. */
export interface PreflightMark {
  fingerprint: string
  occurrences: number
  first_seen: string
  last_seen: string
}

/**
 * What makes two failures the same: each error's code with the devices it names, as a sorted
 * set. Messages, paths and warnings are left out, so a re-run on the same broken model (or one
 * where only the wording or an entry's position changed) matches, and a new fault does not.
 */
export function fingerprintOf(errors: Finding[]): string {
  const keys = new Set(errors.map((e) => JSON.stringify([e.code, [...new Set(e.devices)].sort()])))
  return `[${[...keys].sort().join(',')}]`
}

function markOf(incident: Incident): Partial<PreflightMark> {
  const mark = (incident as Record<string, unknown>).preflight
  return typeof mark === 'object' && mark !== null ? (mark as Partial<PreflightMark>) : {}
}

/** Adds one sighting to an open incident, if one with this fingerprint was captured in the window. */
export function seenAgain(
  store: IncidentStore,
  fingerprint: string,
  now: Date
): { incident: Incident; occurrence: PreflightOccurrence } | undefined {
  const open = store.openPreflightFailure(fingerprint, now.getTime() - OCCURRENCE_WINDOW_MS)
  if (!open) return undefined
  const previous = markOf(open)
  const count = (Number.isInteger(previous.occurrences) ? previous.occurrences! : 1) + 1
  const mark: PreflightMark = {
    ...previous,
    fingerprint,
    occurrences: count,
    first_seen: typeof previous.first_seen === 'string' ? previous.first_seen : open.timestamp,
    last_seen: now.toISOString()
  }
  const incident = { ...open, preflight: mark } as Incident
  store.replace(incident)
  return { incident, occurrence: { count, first_seen: mark.first_seen, last_seen: mark.last_seen } }
}

/** Marks a freshly captured incident as the first sighting of its failure. */
export function markFirst(
  store: IncidentStore,
  captured: Incident,
  fingerprint: string
): { incident: Incident; occurrence: PreflightOccurrence } {
  const mark: PreflightMark = {
    fingerprint,
    occurrences: 1,
    first_seen: captured.timestamp,
    last_seen: captured.timestamp
  }
  const incident = { ...captured, preflight: mark } as Incident
  store.replace(incident)
  return { incident, occurrence: { count: 1, first_seen: mark.first_seen, last_seen: mark.last_seen } }
}
