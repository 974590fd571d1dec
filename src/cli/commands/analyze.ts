import {
  TREND_BUCKETS,
  type Analysis,
  type AnalysisDraft,
  type ConfidenceLevel,
  type RcaReport,
  type TrendBucket,
  type Trends
} from '../../shared/analysis'
import { str, type Command } from '../command'
import { CliError, printJson, printLine, printTable } from '../output'
import { readJsonFile } from '../readJsonFile'

/** What each confidence level means for the engineer (the original system's table). */
const LEVEL_MEANING: Record<ConfidenceLevel, string> = {
  high: 'safe to auto-apply',
  medium: 'review',
  low: 'manual analysis'
}

const oneLine = (text: string | null) => (text ?? '-').replace(/\s+/g, ' ').trim()
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function printAnalysis(analysis: Analysis): void {
  const level = analysis.confidence_level
  printLine(`Suggested root cause${analysis.incident_id ? ` of ${analysis.incident_id}` : ''}:`)
  printLine(`  ${oneLine(analysis.suggested_root_cause)}`)
  printLine()
  printLine(`Confidence ${analysis.confidence.toFixed(3)}: ${level} (${LEVEL_MEANING[level]})`)
  for (const f of analysis.confidence_factors) {
    printLine(
      `  ${f.name.padEnd(9)} ${String(f.count).padStart(2)} (full at ${f.full_at})  ${f.value.toFixed(3)} of ${f.weight}`
    )
  }
  printLine()
  if (analysis.similar.length === 0) {
    printLine(`No similar incidents (fused score ${analysis.similarity_threshold} or more).`)
  } else {
    printLine(`Similar incidents (fused score ${analysis.similarity_threshold} or more):`)
    printTable(
      ['SCORE', 'ID', 'STATUS', 'VOTE', 'ROOT CAUSE'],
      analysis.similar.map((s) => [
        s.score.toFixed(3),
        s.id,
        s.resolved ? 'resolved' : 'open',
        s.cause_group === null ? '-' : `#${s.cause_group + 1}`,
        oneLine(s.root_cause)
      ])
    )
  }
  if (analysis.patterns_found.length) {
    printLine()
    printLine('Patterns:')
    for (const p of analysis.patterns_found) printLine(`  - ${p}`)
  }
}

export const analyze: Command = {
  name: 'analyze',
  usage: 'analyze ID | analyze --file INCIDENT.json',
  summary:
    'Suggest a root cause from similar resolved incidents, with its confidence, the similar incidents and patterns.',
  options: { file: { type: 'string', short: 'f' } },
  positionals: [0, 1],
  async run(ctx) {
    const file = str(ctx, 'file')
    const id = ctx.positionals[0]
    if (Boolean(file) === Boolean(id))
      throw new CliError('analyze needs an incident ID or --file INCIDENT.json.', 2)
    // A file is a draft: analysed as a new incident, never stored.
    const target = id ?? ((await readJsonFile(file!, 'incident file')) as AnalysisDraft)
    if (
      typeof target !== 'string' &&
      (typeof target !== 'object' || target === null || Array.isArray(target))
    )
      throw new CliError(`${file} must hold one incident (a JSON object).`, 2)
    const analysis = await ctx.service().analyze(target)
    if (ctx.json) return printJson(analysis)
    printAnalysis(analysis)
  }
}

function printReport(report: RcaReport): void {
  const { high, medium, low } = report.by_level
  printLine(
    `${plural(report.unresolved, 'unresolved incident')} of ${report.total_incidents} analysed: ` +
      `${high} high, ${medium} medium, ${low} low confidence.`
  )
  if (report.entries.length === 0) return
  printLine()
  printTable(
    ['CONF', 'LEVEL', 'SIMILAR', 'ID', 'SEVERITY', 'SUGGESTED ROOT CAUSE'],
    report.entries.map((e) => [
      e.confidence.toFixed(3),
      e.confidence_level,
      String(e.similar_count),
      e.incident_id,
      e.severity,
      oneLine(e.suggested_root_cause)
    ])
  )
}

export const report: Command = {
  name: 'report',
  usage: 'report',
  summary: 'The RCA report: every unresolved incident analysed, most confident suggestion first.',
  async run(ctx) {
    const result = await ctx.service().rcaReport()
    if (ctx.json) return printJson(result)
    printReport(result)
  }
}

function printTrends(t: Trends): void {
  printLine(
    `Last ${plural(t.days, 'day')} (${t.since.slice(0, 10)} to ${t.until.slice(0, 10)}): ` +
      `${plural(t.total, 'incident')}, ${t.resolved} resolved, ${t.open} open.`
  )
  if (t.total === 0) return
  printLine(`By category: ${t.by_category.map((c) => `${c.value} ${c.count}`).join(', ')}`)
  printLine(`By severity: ${t.by_severity.map((s) => `${s.value} ${s.count}`).join(', ')}`)
  const mttr = t.mean_time_to_resolve_hours
  printLine(`Mean time to resolve: ${mttr === null ? '- (none resolved)' : `${mttr.toFixed(1)} h`}`)
  for (const c of t.mean_time_to_resolve_by_category) {
    printLine(`  ${c.value.padEnd(22)} ${c.hours.toFixed(1)} h over ${plural(c.resolved, 'incident')}`)
  }
  printLine()
  const categories = t.by_category.map((c) => c.value)
  printTable(
    [t.bucket === 'day' ? 'DAY' : 'WEEK OF', 'TOTAL', 'CRIT', 'HIGH', 'MED', 'LOW', 'BY CATEGORY'],
    t.periods.map((p) => [
      p.start,
      String(p.total),
      String(p.by_severity.critical),
      String(p.by_severity.high),
      String(p.by_severity.medium),
      String(p.by_severity.low),
      categories
        .filter((c) => p.by_category[c])
        .map((c) => `${c} ${p.by_category[c]}`)
        .join(', ')
    ])
  )
  if (t.recurring_causes.length) {
    printLine()
    printLine('Recurring root causes:')
    for (const r of t.recurring_causes)
      printLine(`  ${String(r.count).padStart(3)}x  ${oneLine(r.root_cause)}`)
  }
}

export const trends: Command = {
  name: 'trends',
  usage: 'trends [--days N] [--bucket day|week]',
  summary:
    'Incidents per category and severity over the last N days (30 unless --days), mean time to resolve, recurring causes.',
  options: { days: { type: 'string' }, bucket: { type: 'string' } },
  run(ctx) {
    const days = Number(str(ctx, 'days') ?? 30)
    if (!Number.isInteger(days) || days < 1 || days > 3660) throw new CliError('--days takes 1..3660.', 2)
    const bucket = (str(ctx, 'bucket') ?? 'day') as TrendBucket
    if (!TREND_BUCKETS.includes(bucket)) throw new CliError('--bucket takes day or week.', 2)
    const result = ctx.service().trends(days, bucket)
    if (ctx.json) return printJson(result)
    printTrends(result)
  }
}
