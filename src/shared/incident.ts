import { z } from 'zod'

/**
 * The incident record of ../shared/incident-format.md: snake_case names of the original
 * Python system, used unchanged on disk, over IPC, on the command line and in exports.
 */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const
export type Severity = (typeof SEVERITIES)[number]

export const KNOWN_CATEGORIES = [
  'deployment_failure',
  'config_error',
  'routing_issue',
  'network_outage'
] as const

export const STATUSES = ['open', 'resolved'] as const
export type Status = (typeof STATUSES)[number]

/** Field order of a stored or exported record; fields not listed follow in their own order. */
export const INCIDENT_FIELDS = [
  'id',
  'timestamp',
  'severity',
  'category',
  'description',
  'affected_devices',
  'network_model',
  'validation_errors',
  'config_changes',
  'root_cause',
  'resolution',
  'resolved_at',
  'regression_test',
  'tags'
] as const
export type IncidentField = (typeof INCIDENT_FIELDS)[number]

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** Milliseconds since the epoch of an ISO 8601 string, or NaN. Dates without a zone are UTC. */
export function isoToMs(value: string): number {
  if (!ISO_DATE.test(value)) return Number.NaN
  let text = value.replace(' ', 'T')
  // JavaScript keeps milliseconds only; Python writes microseconds.
  text = text.replace(/(\.\d{3})\d+/, '$1')
  if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) text += 'Z'
  return Date.parse(text)
}

export const isoDateString = z.string().refine((s) => !Number.isNaN(isoToMs(s)), {
  message: 'must be an ISO 8601 date-time, e.g. 2025-11-25T12:00:00Z'
})

export const IncidentId = z
  .string()
  .min(1, 'must not be empty')
  .max(256, 'must be at most 256 characters')
  .refine((s) => s.trim().length > 0, { message: 'must not be blank' })

const plainObject = z.record(z.string(), z.unknown())

/** Shape of every field, all required: a stored incident. Unknown fields pass through. */
export const IncidentSchema = z.looseObject({
  id: IncidentId,
  timestamp: isoDateString,
  severity: z.enum(SEVERITIES),
  category: z.string().min(1, 'must not be empty'),
  description: z.string(),
  affected_devices: z.array(z.string()),
  network_model: plainObject.nullable(),
  validation_errors: z.array(plainObject),
  config_changes: z.array(z.unknown()),
  root_cause: z.string().nullable(),
  resolution: z.string().nullable(),
  resolved_at: isoDateString.nullable(),
  regression_test: z.string().nullable(),
  tags: z.array(z.string())
})
export type Incident = z.infer<typeof IncidentSchema>

export const DEFAULT_SEVERITY: Severity = 'medium'
export const DEFAULT_CATEGORY = 'uncategorized'

/** An incident as imported or added: `id` and `timestamp` are required, the rest has defaults. */
export const IncidentInputSchema = z.looseObject({
  id: IncidentId,
  timestamp: isoDateString,
  severity: z.enum(SEVERITIES).default(DEFAULT_SEVERITY),
  category: z.string().min(1, 'must not be empty').default(DEFAULT_CATEGORY),
  description: z.string().default(''),
  affected_devices: z.array(z.string()).default([]),
  network_model: plainObject.nullable().default(null),
  validation_errors: z.array(plainObject).default([]),
  config_changes: z.array(z.unknown()).default([]),
  root_cause: z.string().nullable().default(null),
  resolution: z.string().nullable().default(null),
  resolved_at: isoDateString.nullable().default(null),
  regression_test: z.string().nullable().default(null),
  tags: z.array(z.string()).default([])
})

/** Fields an update may change; `id` is the key and never changes. */
export const EDITABLE_FIELDS = INCIDENT_FIELDS.filter((f) => f !== 'id')

export const IncidentPatchSchema = IncidentSchema.omit({ id: true }).partial().strict()
export type IncidentPatch = z.infer<typeof IncidentPatchSchema>

export function statusOf(incident: Pick<Incident, 'resolved_at'>): Status {
  return incident.resolved_at ? 'resolved' : 'open'
}

/** A row of the incident table: what the workbench needs to list 10,000+ incidents quickly. */
export interface IncidentSummary {
  id: string
  timestamp: string
  severity: Severity
  category: string
  description: string
  affected_devices: string[]
  status: Status
  root_cause: string | null
  resolved_at: string | null
  tags: string[]
  error_count: number
}
