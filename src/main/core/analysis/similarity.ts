import type { Incident } from '../../../shared/incident'
import type { SearchResult } from '../../../shared/search'
import { incidentText } from '../search/incidentText'

/**
 * What counts as a similar incident for root-cause analysis.
 *
 * The analysed incident's symptoms (its text without root cause and resolution) are searched
 * for with hybrid search among the stored incidents, itself excluded. Of the best CANDIDATES
 * results, those whose fused score reaches SIMILAR_MIN_SCORE are the similar incidents: the
 * neighbours that vote and that the confidence counts. A threshold, not just top-k, so that
 * "3 similar incidents found" means three incidents that really look alike, not the three
 * least unlike ones.
 *
 * The fused score (search/fusion.ts) is 0..1 and relative to the query's candidates: about 1
 * for a result that is the best on both the keyword and the vector side, lower the further it
 * falls behind on either. The vector cosine alone is absolute but separates same-cause from
 * other-cause incidents poorly with the default static model, so the fused score is used.
 *
 * Measured on the development set (tests/fixtures/eval: the 32 held-out incidents analysed
 * against the 64 resolved ones, top 10 candidates; `npm run eval:rca -- --sweep`), the share of
 * similar incidents that have the analysed incident's root cause: 40% at score >= 0.6, 53% at
 * >= 0.7, 56% at >= 0.75, 62% at >= 0.8, 76% at >= 0.85, 79% at >= 0.9. 0.8 is the lowest
 * threshold at which high-confidence suggestions were right at least 90% of the time; above it,
 * too few incidents have any similar incident left. See docs/analysis.md.
 */
export const SIMILAR_MIN_SCORE = 0.8

/** How many search results are considered before the threshold is applied. */
export const CANDIDATES = 10

/** The query of an analysis: the incident's symptoms, never a cause already written down. */
export function symptomText(incident: Incident): string {
  return incidentText({ ...incident, root_cause: null, resolution: null })
}

/** The results that count as similar, most similar first. */
export function similarResults(results: SearchResult[], minScore = SIMILAR_MIN_SCORE): SearchResult[] {
  return results.filter((r) => r.score >= minScore)
}
