import { SEVERITIES, type Severity } from '../../../../shared/incident'
import type { TrendBucket, TrendPeriod, Trends } from '../../../../shared/analysis'
import { humanize } from '../../lib/format'

export interface Series {
  name: string
  label: string
  color: string
}

/** Colours of the categories, most frequent first; the rest share the last one as "other". */
const CATEGORY_PALETTE = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.6', 'pink.6', 'lime.7', 'blue.4']
const OTHER = { name: '__other', label: 'other', color: 'gray.5' }

export const SEVERITY_CHART_COLOR: Record<Severity, string> = {
  critical: 'red.7',
  high: 'orange.6',
  medium: 'yellow.5',
  low: 'gray.5'
}

const date = (start: string): Date => new Date(`${start}T00:00:00Z`)

/** `2025-12-01` → `Dec 1`, the x axis's ticks. */
export const shortDate = (start: string): string =>
  date(start).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })

/** `2025-12-01` → `Week of Dec 1, 2025` (or the day), the tooltip's title. */
export function periodTitle(start: string, bucket: TrendBucket): string {
  const long = date(start).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC'
  })
  return bucket === 'week' ? `Week of ${long}` : long
}

/** The categories as chart series: the most frequent ones by name, the rest as "other". */
export function categorySeries(trends: Trends): Series[] {
  const all = trends.by_category
  const fits = all.length <= CATEGORY_PALETTE.length
  const named = fits ? all : all.slice(0, CATEGORY_PALETTE.length - 1)
  const series = named.map((c, i) => ({
    name: c.value,
    label: humanize(c.value),
    color: CATEGORY_PALETTE[i]!
  }))
  return fits ? series : [...series, OTHER]
}

export const severitySeries = (): Series[] =>
  SEVERITIES.map((s) => ({ name: s, label: s, color: SEVERITY_CHART_COLOR[s] }))

export interface ChartRow {
  /** The tooltip's title, unique per period: also the x axis key. */
  period: string
  [series: string]: number | string
}

function row(period: TrendPeriod, bucket: TrendBucket): ChartRow {
  return { period: periodTitle(period.start, bucket) }
}

/** One row per period, a count per category series (0 where none). */
export function categoryRows(trends: Trends, series: Series[]): ChartRow[] {
  const named = new Set(series.map((s) => s.name))
  return trends.periods.map((period) => {
    const out = row(period, trends.bucket)
    for (const s of series) out[s.name] = 0
    for (const [category, count] of Object.entries(period.by_category)) {
      const key = named.has(category) ? category : OTHER.name
      out[key] = (Number(out[key]) || 0) + count
    }
    return out
  })
}

/** One row per period, a count per severity. */
export function severityRows(trends: Trends): ChartRow[] {
  return trends.periods.map((period) => {
    const out = row(period, trends.bucket)
    for (const s of SEVERITIES) out[s] = period.by_severity[s] ?? 0
    return out
  })
}

/** Tick label of a row's `period` (its title) on the x axis: the short date. */
export function tickOf(trends: Trends): (title: string) => string {
  const ticks = new Map(trends.periods.map((p) => [periodTitle(p.start, trends.bucket), shortDate(p.start)]))
  return (title) => ticks.get(title) ?? title
}

/** Hours as a person says them: `45 min`, `5.2 h`, `3.1 days`. */
export function formatDuration(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`
  if (hours < 48) return `${hours.toFixed(1)} h`
  return `${(hours / 24).toFixed(1)} days`
}
