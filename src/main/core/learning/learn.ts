import type { Analysis } from '../../../shared/analysis'
import type { Incident, IncidentPatch } from '../../../shared/incident'
import type { Learning, RecentLearning } from '../../../shared/learning'
import type { GeneratedTest } from '../../../shared/testgen'
import { readMark } from '../testgen/header'

/**
 * The learning loop: analyse an incident, take the suggested root cause when the confidence is
 * high (and resolve the incident), else keep it open and say so; generate its regression test;
 * store root_cause, regression_test, confidence and learned_at on the incident.
 */

/** Confidence from which a suggestion is taken without review (the analysis's "high" level). */
export const APPLY_CONFIDENCE = 0.7

export interface LearnDeps {
  /** The stored incident; throws NOT_FOUND when there is none. */
  get: (id: string) => Incident
  analyze: (incident: Incident) => Promise<Analysis>
  generateTest: (incident: Incident) => GeneratedTest
  /** Stores the patch and the extra (non-contract) fields; returns the stored record. */
  update: (id: string, patch: IncidentPatch, extra: Record<string, unknown>) => Promise<Incident>
  /** Recent incidents, newest first. */
  recent: (limit: number) => Incident[]
  now: () => Date
}

const shown = (n: number) => n.toFixed(3)

/** Whether a stored regression_test may be replaced: none, or one Netmortem generated and nobody edited. */
function replaceable(stored: string | null): boolean {
  if (!stored || !stored.trim()) return true
  const mark = readMark(stored)
  return mark.ours && mark.intact
}

export async function learnFromIncident(deps: LearnDeps, id: string): Promise<Learning> {
  const incident = deps.get(id)
  const analysis = await deps.analyze(incident)
  const learnedAt = deps.now().toISOString()
  const wasResolved = Boolean(incident.resolved_at)
  const cause = analysis.suggested_cause?.trim() || null
  const high = analysis.confidence >= APPLY_CONFIDENCE && analysis.confidence_level === 'high'
  // A root cause an engineer already recorded is never replaced by a suggestion.
  const applied = high && cause !== null && !wasResolved && !incident.root_cause?.trim()

  const patch: IncidentPatch = {}
  if (applied) {
    patch.root_cause = cause
    patch.resolved_at = learnedAt
  }
  const next: Incident = { ...incident, ...patch }
  const test = deps.generateTest(next)
  const keepStored = !replaceable(incident.regression_test)
  if (!keepStored) patch.regression_test = test.code

  const level = analysis.confidence_level
  let message: string
  if (applied) {
    message = `Confidence ${shown(analysis.confidence)} (${level}): took the suggested root cause and resolved the incident.`
  } else if (wasResolved) {
    message = `The incident was already resolved; its root cause is kept (suggestion confidence ${shown(analysis.confidence)}, ${level}).`
  } else if (high && incident.root_cause?.trim()) {
    message = `Confidence ${shown(analysis.confidence)} (${level}), but the incident already names a root cause: kept it; the incident stays open.`
  } else if (high) {
    message = `Confidence ${shown(analysis.confidence)} (${level}), but no root cause could be suggested: the incident stays open for manual analysis.`
  } else {
    message =
      `Confidence ${shown(analysis.confidence)} (${level}) is below ${APPLY_CONFIDENCE}: the suggested root cause was not applied; ` +
      `the incident stays open for ${level === 'medium' ? 'review' : 'manual analysis'}.`
  }
  if (keepStored)
    message += ' Its stored regression test was not written by Netmortem (or was edited), so it is kept.'

  const learning = {
    confidence: analysis.confidence,
    confidence_level: level,
    applied,
    suggested_root_cause: analysis.suggested_root_cause,
    similar_incidents: analysis.similar_incidents,
    test_kind: test.kind,
    test_filename: test.filename,
    message
  }
  const stored = await deps.update(id, patch, {
    confidence: analysis.confidence,
    learned_at: learnedAt,
    learning
  })
  return {
    incident_id: stored.id,
    root_cause: stored.root_cause,
    confidence: analysis.confidence,
    confidence_level: level,
    regression_test: stored.regression_test ?? test.code,
    applied,
    status: stored.resolved_at ? 'resolved' : 'open',
    suggested_root_cause: analysis.suggested_root_cause,
    similar_incidents: analysis.similar_incidents,
    patterns_found: analysis.patterns_found,
    test: { kind: test.kind, filename: test.filename, checks: test.checks, skeleton: test.skeleton },
    learned_at: learnedAt,
    message
  }
}

/** Learns from every unresolved incident among the `limit` most recent ones. */
export async function learnFromRecent(deps: LearnDeps, limit: number): Promise<RecentLearning> {
  const recent = deps.recent(limit)
  const open = recent.filter((i) => !i.resolved_at)
  const learnings: Learning[] = []
  const errors: RecentLearning['errors'] = []
  for (const incident of open) {
    try {
      learnings.push(await learnFromIncident(deps, incident.id))
    } catch (err) {
      errors.push({ incident_id: incident.id, error: (err as Error).message.split('\n')[0] ?? '' })
    }
  }
  return {
    total_incidents: recent.length,
    unresolved: open.length,
    analyzed: learnings.length,
    learnings,
    errors
  }
}
