import type { Analysis, ConfidenceLevel, RcaReport, RcaReportEntry } from '../../../shared/analysis'
import { SEVERITIES, isoToMs, type Incident } from '../../../shared/incident'

/**
 * The RCA report: every unresolved incident analysed, most confident suggestion first (then
 * the more severe, then the newer), each with its suggestion and how many similar incidents
 * back it.
 */
export async function rcaReport(
  unresolved: Incident[],
  totalIncidents: number,
  analyze: (incident: Incident) => Promise<Analysis>,
  now: Date
): Promise<RcaReport> {
  const entries: RcaReportEntry[] = []
  for (const incident of unresolved) {
    const analysis = await analyze(incident)
    entries.push({
      incident_id: incident.id,
      timestamp: incident.timestamp,
      severity: incident.severity,
      category: incident.category,
      description: incident.description,
      suggested_root_cause: analysis.suggested_root_cause,
      suggested_cause: analysis.suggested_cause,
      confidence: analysis.confidence,
      confidence_level: analysis.confidence_level,
      similar_count: analysis.similar_incidents.length,
      similar_incidents: analysis.similar_incidents
    })
  }
  entries.sort(
    (a, b) =>
      LEVEL_RANK[a.confidence_level] - LEVEL_RANK[b.confidence_level] ||
      b.confidence - a.confidence ||
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      isoToMs(b.timestamp) - isoToMs(a.timestamp) ||
      a.incident_id.localeCompare(b.incident_id)
  )
  const by_level: Record<ConfidenceLevel, number> = { high: 0, medium: 0, low: 0 }
  for (const e of entries) by_level[e.confidence_level]++
  return {
    generated_at: now.toISOString(),
    total_incidents: totalIncidents,
    unresolved: unresolved.length,
    analyzed: entries.length,
    by_level,
    entries
  }
}

/** A suggestion-less analysis is low whatever its number: it sorts with the low ones. */
const LEVEL_RANK: Record<ConfidenceLevel, number> = { high: 0, medium: 1, low: 2 }
