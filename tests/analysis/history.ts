import type { AnalysisDeps } from '../../src/main/core/analysis/analyze'
import type { Incident } from '../../src/shared/incident'
import type { SearchResult } from '../../src/shared/search'
import { incidentRecord } from '../core/support/fixtures'

/* Hand-built histories: incidents and the search results an analysis sees, fixed by the test. */

/** An incident of the analysis tests, open unless `over` resolves it (built by tests/core/support/fixtures.ts). */
export function incident(id: string, over: Partial<Incident> = {}): Incident {
  return incidentRecord(id, {
    timestamp: '2025-11-01T10:00:00Z',
    severity: 'high',
    category: 'uncategorized',
    description: `Incident ${id}`,
    ...over
  })
}

/** A resolved incident with its root cause. */
export function resolved(id: string, rootCause: string, over: Partial<Incident> = {}): Incident {
  return incident(id, { root_cause: rootCause, resolved_at: '2025-11-01T12:00:00Z', ...over })
}

/**
 * Analysis dependencies over a history: `search` returns the given incidents with the given
 * fused scores, in that order (as the real search would rank them), without the excluded ones.
 */
export function historyOf(ranked: [Incident, number][]): AnalysisDeps & { queries: string[] } {
  const byId = new Map(ranked.map(([i]) => [i.id, i]))
  const queries: string[] = []
  return {
    queries,
    get: (id) => byId.get(id),
    search: async (text, options) => {
      queries.push(text)
      const exclude = new Set(options.exclude ?? [])
      const results: SearchResult[] = ranked
        .filter(([i]) => !exclude.has(i.id))
        .slice(0, options.limit ?? 10)
        .map(([i, score]) => ({
          id: i.id,
          timestamp: i.timestamp,
          severity: i.severity,
          category: i.category,
          description: i.description,
          affected_devices: i.affected_devices,
          status: i.resolved_at ? 'resolved' : 'open',
          root_cause: i.root_cause,
          resolved_at: i.resolved_at,
          tags: i.tags,
          error_count: i.validation_errors.length,
          score,
          signals: { vector: { rank: 1, score, similarity: 0.7 } },
          matched_terms: [],
          highlight: i.description
        }))
      return { query: text, mode: options.mode ?? 'hybrid', corrections: {}, expansions: [], results }
    }
  }
}
