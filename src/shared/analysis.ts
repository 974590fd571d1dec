import { z } from 'zod'
import { IncidentId, SEVERITIES, isoDateString, type Severity } from './incident'

/**
 * Root-cause analysis from similar incidents: the contract shared by the core, the CLI and the
 * workbench. Field names follow the original system's analyzer (`suggested_root_cause`,
 * `confidence`, `similar_incidents`, `patterns_found`); the rest is the evidence behind them.
 */

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number]

/** One factor of the confidence table (see core/analysis/confidence.ts). */
export interface ConfidenceFactor {
  name: 'similar' | 'resolved' | 'patterns'
  count: number
  weight: number
  full_at: number
  /** What the factor adds: weight * min(count / full_at, 1). */
  value: number
}

/** A similar incident, as evidence: how similar, whether resolved, and why (if known). */
export interface SimilarIncident {
  id: string
  /** The fused search score (0..1, relative to the best candidate of the query). */
  score: number
  /** Cosine similarity of the two incidents' vectors, when the vector search found it. */
  vector_similarity: number | null
  resolved: boolean
  root_cause: string | null
  description: string
  category: string
  severity: Severity
  timestamp: string
  /** Index in `cause_groups` of the root cause it votes for; null when it has none. */
  cause_group: number | null
}

/** Root causes of similar resolved incidents that say the same thing, and their vote. */
export interface CauseGroup {
  /** The root cause of the group's highest-weighted member. */
  root_cause: string
  /** That member's id. */
  representative: string
  /** Members, highest weight first. */
  incidents: string[]
  /** Sum of the members' scores. */
  weight: number
  /** weight / the weight of all votes (0..1). */
  share: number
}

export const PATTERN_KINDS = [
  'root_cause',
  'validation_codes',
  'config_changes',
  'devices',
  'category'
] as const
export type PatternKind = (typeof PATTERN_KINDS)[number]

/** Something the similar incidents have in common that backs the suggested cause. */
export interface Pattern {
  kind: PatternKind
  /** What is common, in words: the line of `patterns_found`. */
  text: string
  /** The shared values (codes, devices, the category, a change, the cause). */
  values: string[]
  /** The similar incidents showing it. */
  incidents: string[]
  /** Whether the analysed incident shows it too. */
  shared_with_incident: boolean
}

export interface Analysis {
  /** The analysed incident's id; null for a draft that has none. */
  incident_id: string | null
  /** The likely cause and its strongest pattern, or a plain statement that there is none. */
  suggested_root_cause: string
  /** The cause alone (the winning group's text); null when no cause can be suggested. */
  suggested_cause: string | null
  confidence: number
  confidence_level: ConfidenceLevel
  confidence_factors: ConfidenceFactor[]
  /** Ids of the similar incidents, most similar first. */
  similar_incidents: string[]
  /** The patterns that count toward the confidence, strongest first. */
  patterns_found: string[]
  similar: SimilarIncident[]
  patterns: Pattern[]
  /** The vote, strongest group first; the first is the suggestion when there is one. */
  cause_groups: CauseGroup[]
  /** The fused score from which a search result counts as similar. */
  similarity_threshold: number
}

/**
 * An incident to analyse that is not (or not yet) stored: a draft with at least a description.
 * Fields not given take the defaults of a capture.
 */
export const AnalysisDraftSchema = z.looseObject({
  id: IncidentId.optional(),
  timestamp: isoDateString.optional(),
  severity: z.enum(SEVERITIES).optional(),
  category: z.string().min(1).optional(),
  description: z.string().default(''),
  affected_devices: z.array(z.string()).optional(),
  validation_errors: z.array(z.record(z.string(), z.unknown())).optional(),
  config_changes: z.array(z.unknown()).optional(),
  tags: z.array(z.string()).optional()
})
export type AnalysisDraft = z.input<typeof AnalysisDraftSchema>

/** One unresolved incident of the RCA report. */
export interface RcaReportEntry {
  incident_id: string
  timestamp: string
  severity: Severity
  category: string
  description: string
  suggested_root_cause: string
  suggested_cause: string | null
  confidence: number
  confidence_level: ConfidenceLevel
  similar_count: number
  similar_incidents: string[]
}

/** Every unresolved incident analysed, most confident first. */
export interface RcaReport {
  generated_at: string
  total_incidents: number
  unresolved: number
  analyzed: number
  by_level: Record<ConfidenceLevel, number>
  entries: RcaReportEntry[]
}

export const TREND_BUCKETS = ['day', 'week'] as const
export type TrendBucket = (typeof TREND_BUCKETS)[number]

export const TrendsInputSchema = z
  .object({
    days: z.number().int().min(1).max(3660),
    bucket: z.enum(TREND_BUCKETS).optional()
  })
  .strict()

/** Incidents of one day or one week (weeks start on Monday, UTC). */
export interface TrendPeriod {
  /** First day of the period, YYYY-MM-DD (UTC). */
  start: string
  total: number
  by_category: Record<string, number>
  by_severity: Record<Severity, number>
}

/** A root cause (grouped as in the vote) seen more than once in the window. */
export interface RecurringCause {
  root_cause: string
  count: number
  incidents: string[]
  categories: string[]
}

export interface Trends {
  days: number
  bucket: TrendBucket
  /** The window: incidents with since <= timestamp <= until. */
  since: string
  until: string
  total: number
  resolved: number
  open: number
  by_category: { value: string; count: number }[]
  by_severity: { value: Severity; count: number }[]
  /** Every period of the window, oldest first, empty ones included. */
  periods: TrendPeriod[]
  /** Mean of resolved_at - timestamp over the window's resolved incidents; null when none. */
  mean_time_to_resolve_hours: number | null
  mean_time_to_resolve_by_category: { value: string; hours: number; resolved: number }[]
  recurring_causes: RecurringCause[]
}
