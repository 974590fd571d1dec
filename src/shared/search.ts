import { z } from 'zod'
import { SEVERITIES, STATUSES, isoDateString, type IncidentSummary } from './incident'

/** Similar-incident search: the contract shared by the core, the CLI and the workbench. */

export const SEARCH_MODES = ['hybrid', 'vector', 'keyword'] as const
export type SearchMode = (typeof SEARCH_MODES)[number]

export const SearchFiltersSchema = z
  .object({
    category: z.string().min(1).optional(),
    severity: z.enum(SEVERITIES).optional(),
    status: z.enum(STATUSES).optional(),
    since: isoDateString.optional(),
    until: isoDateString.optional(),
    device: z.string().min(1).optional()
  })
  .strict()
export type SearchFilters = z.infer<typeof SearchFiltersSchema>

export const SearchQuerySchema = z
  .object({
    query: z.string().trim().min(1, 'type something to search for').max(10_000),
    limit: z.number().int().min(1).max(500).optional(),
    mode: z.enum(SEARCH_MODES).optional(),
    filters: SearchFiltersSchema.optional()
  })
  .strict()
export type SearchQuery = z.infer<typeof SearchQuerySchema>

export interface SignalScores {
  keyword?: { rank: number; score: number }
  expansion?: { rank: number; score: number }
  vector?: { rank: number; score: number; similarity: number }
}

/** One result: the incident's summary, its fused score, and what found it. */
export interface SearchResult extends IncidentSummary {
  score: number
  signals: SignalScores
  /** Query words (and thesaurus words) found in the incident. */
  matched_terms: string[]
  /** The description with matched words between \uE000 and \uE001. */
  highlight: string
}

export interface SearchResponse {
  query: string
  mode: SearchMode
  /** Typos corrected in the query, e.g. { sesion: 'session' }. */
  corrections: Record<string, string>
  /** Thesaurus words the query was widened with. */
  expansions: string[]
  results: SearchResult[]
}

/** Highlight markers (private-use characters, never in real text). */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'
