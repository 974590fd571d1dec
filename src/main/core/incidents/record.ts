import type { z } from 'zod'
import { INCIDENT_FIELDS, IncidentInputSchema, type Incident } from '../../../shared/incident'
import type { RecordProblem } from '../../../shared/api'

export type RecordCheck = { ok: true; incident: Incident } | { ok: false; problems: RecordProblem[] }

/**
 * Validates a raw record (from a file, the CLI or the API) and fills the defaults of
 * incident-format.md. Unknown fields are kept verbatim, after the known ones.
 */
export function checkIncident(raw: unknown): RecordCheck {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [{ field: '(record)', reason: 'must be a JSON object' }] }
  }
  const parsed = IncidentInputSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error, raw) }
  return { ok: true, incident: canonical(parsed.data as Incident, raw as Record<string, unknown>) }
}

export function problemsOf(error: z.ZodError, raw?: unknown): RecordProblem[] {
  const id = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).id : undefined
  return error.issues.map((issue) => ({
    ...(typeof id === 'string' ? { id } : {}),
    field: issue.path.length ? issue.path.map(String).join('.') : '(record)',
    reason: issue.message
  }))
}

/** Known fields in contract order, then unknown fields in the order they came. */
export function canonical(incident: Incident, original: Record<string, unknown> = incident): Incident {
  const out: Record<string, unknown> = {}
  for (const field of INCIDENT_FIELDS) out[field] = incident[field]
  for (const key of Object.keys(original)) {
    if (Object.hasOwn(out, key)) continue
    const value = Object.hasOwn(incident, key) ? (incident as Record<string, unknown>)[key] : original[key]
    // defineProperty, not `=`: a field named "__proto__" is kept as a field like any other.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  }
  return out as Incident
}

/** Text of an incident's validation errors, for search: messages, codes and error strings. */
export function validationErrorText(incident: Incident): string {
  const parts: string[] = []
  for (const entry of incident.validation_errors) {
    for (const key of ['code', 'message', 'error', 'type']) {
      const value = entry[key]
      if (typeof value === 'string') parts.push(value)
    }
  }
  return parts.join('\n')
}

/** Each config change of an incident as one line of text (strings as written, objects by their text values). */
export function configChangeLines(incident: Incident): string[] {
  return incident.config_changes
    .map((c) =>
      typeof c === 'string'
        ? c
        : c && typeof c === 'object'
          ? Object.values(c)
              .filter((v) => typeof v === 'string')
              .join(' ')
          : ''
    )
    .map((c) => c.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
}
