import { DEFAULT_ANALYSIS, type AnalysisSettings } from '../src/main/core/analysis/analyze'
import { symptomText } from '../src/main/core/analysis/similarity'
import type { NetmortemService } from '../src/main/core/service'
import { CONFIDENCE_LEVELS, type Analysis, type ConfidenceLevel } from '../src/shared/analysis'
import type { Incident } from '../src/shared/incident'
import type { Labels } from './searchEval'

/**
 * Measures root-cause analysis on the labelled development set (tests/fixtures/eval): the 64
 * resolved incidents are the history, and each of the 32 held-out unresolved incidents is
 * analysed as a new incident: a draft, never stored (or, with `stored`, added, analysed by id
 * excluding itself, and deleted again). A suggestion is right when the incident
 * whose words it uses (the winning cause group's representative) belongs to the held-out
 * incident's root-cause family, i.e. its cause is the family's canonical cause.
 *
 * - top-1 accuracy: right suggestions / held-out incidents (no suggestion counts as not right);
 * - precision@3: of the three best similar incidents, the share of the same family, a missing
 *   one counting as a miss (strict), and of those shown (up to three) when any are shown; and
 *   of the three best search candidates, threshold or not (what the search alone gives);
 * - the share of all similar incidents (above the threshold) that are of the same family;
 * - calibration: per confidence level, how many incidents and how many right suggestions.
 */

export interface LevelFigures {
  n: number
  /** With a suggested cause. */
  answered: number
  correct: number
  /** correct / n. */
  accuracy: number
  meanConfidence: number
}

export interface IncidentOutcome {
  id: string
  family: string
  level: ConfidenceLevel
  confidence: number
  similar: number
  sameFamilySimilar: number
  correct: boolean
  suggestion: string | null
  suggestedFamily: string | null
  patterns: string[]
}

export interface RcaEvalReport {
  settings: AnalysisSettings
  n: number
  answered: number
  correct: number
  top1Accuracy: number
  /** Answers right among those given. */
  answeredAccuracy: number
  precision3: number
  precision3Shown: number
  precision3Candidates: number
  /** Similar incidents of the analysed incident's family / similar incidents. */
  similarPrecision: number
  similarCount: number
  levels: Record<ConfidenceLevel, LevelFigures>
  outcomes: IncidentOutcome[]
}

export async function evaluateRca(
  service: NetmortemService,
  labels: Labels,
  heldout: Incident[],
  settings: AnalysisSettings = DEFAULT_ANALYSIS,
  stored = false
): Promise<RcaEvalReport> {
  const outcomes: IncidentOutcome[] = []
  const precision3: number[] = []
  const precision3Shown: number[] = []
  const precision3Candidates: number[] = []
  for (const incident of heldout) {
    const family = labels.incidents[incident.id]!
    const candidates = await service.search(symptomText(incident), { limit: 3, exclude: [incident.id] })
    precision3Candidates.push(candidates.results.filter((r) => labels.incidents[r.id] === family).length / 3)
    let analysis: Analysis
    if (stored) {
      await service.addIncident(incident)
      analysis = await service.analyze(incident.id, settings)
      service.deleteIncident(incident.id)
    } else analysis = await service.analyze(incident, settings)
    const top3 = analysis.similar_incidents.slice(0, 3)
    const same = top3.filter((id) => labels.incidents[id] === family).length
    precision3.push(same / 3)
    if (top3.length) precision3Shown.push(same / top3.length)
    const winner = analysis.suggested_cause !== null ? analysis.cause_groups[0] : undefined
    const suggestedFamily = winner ? (labels.incidents[winner.representative] ?? null) : null
    outcomes.push({
      id: incident.id,
      family,
      level: analysis.confidence_level,
      confidence: analysis.confidence,
      similar: analysis.similar_incidents.length,
      sameFamilySimilar: analysis.similar_incidents.filter((id) => labels.incidents[id] === family).length,
      correct: suggestedFamily === family,
      suggestion: analysis.suggested_cause,
      suggestedFamily,
      patterns: analysis.patterns.map((p) => p.kind)
    })
  }
  const levels = {} as Record<ConfidenceLevel, LevelFigures>
  for (const level of CONFIDENCE_LEVELS) {
    const at = outcomes.filter((o) => o.level === level)
    const correct = at.filter((o) => o.correct).length
    levels[level] = {
      n: at.length,
      answered: at.filter((o) => o.suggestion !== null).length,
      correct,
      accuracy: at.length ? correct / at.length : 0,
      meanConfidence: mean(at.map((o) => o.confidence))
    }
  }
  const answered = outcomes.filter((o) => o.suggestion !== null).length
  const correct = outcomes.filter((o) => o.correct).length
  const similarCount = outcomes.reduce((sum, o) => sum + o.similar, 0)
  return {
    settings,
    n: outcomes.length,
    answered,
    correct,
    top1Accuracy: outcomes.length ? correct / outcomes.length : 0,
    answeredAccuracy: answered ? correct / answered : 0,
    precision3: mean(precision3),
    precision3Shown: mean(precision3Shown),
    precision3Candidates: mean(precision3Candidates),
    similarPrecision: similarCount
      ? outcomes.reduce((sum, o) => sum + o.sameFamilySimilar, 0) / similarCount
      : 0,
    similarCount,
    levels,
    outcomes
  }
}

const mean = (list: number[]) => (list.length ? list.reduce((a, b) => a + b, 0) / list.length : 0)

export function formatRcaReport(report: RcaEvalReport, verbose = false): string {
  const f = (x: number) => x.toFixed(3)
  const s = report.settings
  const lines = [
    `root-cause analysis on ${report.n} held-out incidents (similar: fused score >= ${s.minScore}, top ${s.candidates}; cause groups: Jaccard >= ${s.causeGroupMinJaccard}; changes alike: Jaccard >= ${s.changeMinJaccard})`,
    `top-1 root-cause accuracy  ${f(report.top1Accuracy)}  (${report.correct} of ${report.n}; ${report.answered} answered, ${f(report.answeredAccuracy)} of answers right)`,
    `precision@3 of similar     ${f(report.precision3)}  strict (a missing one is a miss); ${f(report.precision3Shown)} of those shown; ${f(report.precision3Candidates)} of the top 3 search candidates`,
    `similar incidents          ${report.similarCount}, ${f(report.similarPrecision)} of them of the same root-cause family`,
    'calibration:',
    'level    n   answered  right  accuracy  mean confidence'
  ]
  for (const level of CONFIDENCE_LEVELS) {
    const l = report.levels[level]
    lines.push(
      `${level.padEnd(7)} ${String(l.n).padStart(2)}   ${String(l.answered).padStart(8)}  ${String(l.correct).padStart(5)}  ${f(l.accuracy)}     ${f(l.meanConfidence)}`
    )
  }
  if (verbose) {
    lines.push('', 'incident           level   conf   similar same  right  patterns')
    for (const o of report.outcomes) {
      lines.push(
        `${o.id.padEnd(18)} ${o.level.padEnd(7)} ${o.confidence.toFixed(3)}  ${String(o.similar).padStart(7)} ${String(o.sameFamilySimilar).padStart(4)}  ${(o.correct ? 'yes' : o.suggestion ? 'no' : '-').padEnd(5)}  ${o.patterns.join(',')}`
      )
    }
  }
  return lines.join('\n')
}

/** One line of a sweep: the settings and the figures that matter. */
export function formatSweepLine(report: RcaEvalReport): string {
  const f = (x: number) => x.toFixed(3)
  const s = report.settings
  const level = (l: ConfidenceLevel) =>
    `${l} ${String(report.levels[l].correct).padStart(2)}/${String(report.levels[l].n).padEnd(2)}`
  return (
    `score>=${s.minScore.toFixed(2)} group>=${s.causeGroupMinJaccard.toFixed(2)} patterns:${s.patternScope.padEnd(10)}  ` +
    `top1 ${f(report.top1Accuracy)}  P@3 ${f(report.precision3)}/${f(report.precision3Shown)}  ` +
    `similar ${String(report.similarCount).padStart(3)} (${f(report.similarPrecision)} same family)  ` +
    CONFIDENCE_LEVELS.map(level).join('  ')
  )
}
