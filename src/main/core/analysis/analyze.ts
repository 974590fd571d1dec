import {
  AnalysisDraftSchema,
  type Analysis,
  type AnalysisDraft,
  type SimilarIncident
} from '../../../shared/analysis'
import { DEFAULT_CATEGORY, DEFAULT_SEVERITY, type Incident } from '../../../shared/incident'
import type { SearchResponse } from '../../../shared/search'
import { invalidInput } from '../errors'
import { problemsOf } from '../incidents/record'
import type { SearchOptions } from '../search/searchEngine'
import { confidenceOf } from './confidence'
import { CHANGE_MIN_JACCARD, findPatterns, sentenceOf, type Neighbour } from './patterns'
import { CAUSE_GROUP_MIN_JACCARD, groupCauses } from './rootCauseVote'
import { CANDIDATES, SIMILAR_MIN_SCORE, similarResults, symptomText } from './similarity'

/**
 * Root-cause analysis of one incident from the incidents like it, as the original system's
 * analyzer did (suggested root cause, confidence, similar incidents, patterns), with the
 * evidence behind each part:
 *
 * 1. similar incidents: hybrid search on the incident's symptoms, results scoring at least
 *    SIMILAR_MIN_SCORE (similarity.ts);
 * 2. the suggestion: a vote of the similar resolved incidents, each weighted by its score, over
 *    their root causes grouped when they say the same thing (rootCauseVote.ts); the heaviest
 *    group wins, and its heaviest member's words are the suggested cause;
 * 3. patterns that back the winning group (patterns.ts);
 * 4. the confidence, by the published table (confidence.ts), from the number of similar
 *    incidents, of resolved ones among them and of patterns.
 * With no resolved similar incident nothing is invented: the answer says so, at a low level.
 */

export interface AnalysisDeps {
  search: (text: string, options: SearchOptions) => Promise<SearchResponse>
  /** The full record of a stored incident. */
  get: (id: string) => Incident | undefined
}

/** The tunable choices of an analysis; the defaults are the measured ones (docs/analysis.md). */
export interface AnalysisSettings {
  /** Fused score from which a search result is a similar incident. */
  minScore: number
  /** Search results considered. */
  candidates: number
  /** Jaccard similarity from which two root causes are one vote group. */
  causeGroupMinJaccard: number
  /** Jaccard similarity from which two config changes are alike. */
  changeMinJaccard: number
  /**
   * Whose incidents decide whether a pattern points the same way as the vote: all resolved
   * search candidates (the default), or only the similar ones (tried; see docs/analysis.md).
   */
  patternScope: 'similar' | 'candidates'
}

export const DEFAULT_ANALYSIS: AnalysisSettings = {
  minScore: SIMILAR_MIN_SCORE,
  candidates: CANDIDATES,
  causeGroupMinJaccard: CAUSE_GROUP_MIN_JACCARD,
  changeMinJaccard: CHANGE_MIN_JACCARD,
  patternScope: 'candidates'
}

/**
 * The level of an answer without a suggested cause: low whatever the table gives (three similar
 * incidents that are all unresolved make 0.4), since there is nothing to apply or review.
 */
const NO_CAUSE_LEVEL = 'low'

export async function analyzeIncident(
  deps: AnalysisDeps,
  incident: Incident,
  settings: AnalysisSettings = DEFAULT_ANALYSIS
): Promise<Analysis> {
  const response = await deps.search(symptomText(incident), {
    limit: settings.candidates,
    mode: 'hybrid',
    exclude: incident.id ? [incident.id] : []
  })
  const candidates: (Neighbour & { vector: number | null })[] = []
  for (const result of response.results) {
    const record = deps.get(result.id)
    if (record)
      candidates.push({
        incident: record,
        score: result.score,
        vector: result.signals.vector?.similarity ?? null
      })
  }
  const similar = new Set(similarResults(response.results, settings.minScore).map((r) => r.id))
  const neighbours = candidates.filter((n) => similar.has(n.incident.id))
  const known = (n: Neighbour) => Boolean(n.incident.resolved_at && n.incident.root_cause?.trim())
  const voters = neighbours.filter(known)
  const groups = groupCauses(
    voters.map((n) => ({ id: n.incident.id, text: n.incident.root_cause!.trim(), weight: n.score })),
    settings.causeGroupMinJaccard
  )
  const winner = groups[0]
  const patterns = findPatterns(incident, {
    voters,
    candidates: settings.patternScope === 'candidates' ? candidates.filter(known) : voters,
    winner,
    changeMinJaccard: settings.changeMinJaccard
  })
  const confidence = confidenceOf({
    similar: neighbours.length,
    resolved: voters.length,
    patterns: patterns.length
  })
  const groupOf = new Map(groups.flatMap((g, index) => g.incidents.map((id) => [id, index] as const)))
  const evidence: SimilarIncident[] = neighbours.map((n) => ({
    id: n.incident.id,
    score: n.score,
    vector_similarity: n.vector,
    resolved: Boolean(n.incident.resolved_at),
    root_cause: n.incident.root_cause,
    description: n.incident.description,
    category: n.incident.category,
    severity: n.incident.severity,
    timestamp: n.incident.timestamp,
    cause_group: groupOf.get(n.incident.id) ?? null
  }))
  return {
    incident_id: incident.id || null,
    suggested_root_cause: winner
      ? sentenceOf(winner.root_cause, patterns)
      : noCause(neighbours.length, settings.minScore),
    suggested_cause: winner?.root_cause ?? null,
    confidence: confidence.confidence,
    confidence_level: winner ? confidence.confidence_level : NO_CAUSE_LEVEL,
    confidence_factors: confidence.factors,
    similar_incidents: evidence.map((s) => s.id),
    patterns_found: patterns.map((p) => p.text),
    similar: evidence,
    patterns: patterns.map(({ phrase: _phrase, ...p }) => p),
    cause_groups: groups,
    similarity_threshold: settings.minScore
  }
}

function noCause(similar: number, minScore: number): string {
  const why =
    similar === 0
      ? `No similar incidents found (none scored ${minScore} or more)`
      : `No similar resolved incidents: ${similar} similar ${similar === 1 ? 'incident was' : 'incidents were'} found, none resolved with a known root cause`
  return `${why}. No root cause can be suggested; manual analysis needed.`
}

/**
 * An incident to analyse without storing it: a draft with at least a description (or
 * validation errors or changes); missing fields take a capture's defaults.
 */
export function draftIncident(draft: AnalysisDraft | Record<string, unknown>, now: Date): Incident {
  const parsed = AnalysisDraftSchema.safeParse(draft)
  if (!parsed.success) {
    const first = problemsOf(parsed.error)[0]!
    throw invalidInput(
      `Invalid incident to analyse: ${first.field} ${first.reason}.`,
      problemsOf(parsed.error)
    )
  }
  const d = parsed.data as typeof parsed.data & Partial<Incident>
  const incident: Incident = {
    ...d,
    id: d.id ?? '',
    timestamp: d.timestamp ?? now.toISOString(),
    severity: d.severity ?? DEFAULT_SEVERITY,
    category: d.category ?? DEFAULT_CATEGORY,
    description: d.description.trim(),
    affected_devices: [...new Set(d.affected_devices ?? [])],
    network_model: d.network_model ?? null,
    validation_errors: d.validation_errors ?? [],
    config_changes: d.config_changes ?? [],
    root_cause: d.root_cause ?? null,
    resolution: d.resolution ?? null,
    resolved_at: d.resolved_at ?? null,
    regression_test: d.regression_test ?? null,
    tags: d.tags ?? []
  }
  if (!incident.description && !incident.validation_errors.length && !incident.config_changes.length)
    throw invalidInput('An incident to analyse needs a description.')
  return incident
}
