import type { RecurringCause, TrendBucket, TrendPeriod, Trends } from '../../../shared/analysis'
import { SEVERITIES, isoToMs, type Incident, type Severity } from '../../../shared/incident'
import { groupCauses } from './rootCauseVote'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Incident trends over the last `days` days: the window is those calendar days (UTC), today
 * included, up to now. Incidents per category and per severity, overall and per day or per
 * week (weeks start on Monday, UTC; the first and last may be cut by the window); the mean time
 * to resolve (resolved_at - timestamp) of the window's resolved incidents; and the root causes
 * that recur, grouped as the analysis's vote groups them.
 */
export function trendsOf(incidents: Incident[], days: number, bucket: TrendBucket, now: Date): Trends {
  const { since, until } = windowOf(days, now)
  const inWindow = incidents.filter((i) => {
    const t = isoToMs(i.timestamp)
    return t >= since && t <= until
  })
  const periods: TrendPeriod[] = []
  const periodOf = new Map<number, TrendPeriod>()
  const startOf = (t: number) => (bucket === 'day' ? startOfDay(t) : startOfWeek(t))
  for (let t = startOf(since); t <= until; t += bucket === 'day' ? DAY_MS : 7 * DAY_MS) {
    const period: TrendPeriod = { start: dayOf(t), total: 0, by_category: {}, by_severity: emptySeverities() }
    periods.push(period)
    periodOf.set(t, period)
  }
  const categories = new Map<string, number>()
  const severities = emptySeverities()
  for (const incident of inWindow) {
    const period = periodOf.get(startOf(isoToMs(incident.timestamp)))!
    period.total++
    period.by_category[incident.category] = (period.by_category[incident.category] ?? 0) + 1
    period.by_severity[incident.severity]++
    categories.set(incident.category, (categories.get(incident.category) ?? 0) + 1)
    severities[incident.severity]++
  }
  const resolved = inWindow.filter((i) => i.resolved_at)
  const { overall, byCategory } = meanTimeToResolve(resolved)
  return {
    days,
    bucket,
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    total: inWindow.length,
    resolved: resolved.length,
    open: inWindow.length - resolved.length,
    by_category: [...categories]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    by_severity: SEVERITIES.map((value) => ({ value, count: severities[value] })),
    periods,
    mean_time_to_resolve_hours: overall,
    mean_time_to_resolve_by_category: byCategory,
    recurring_causes: recurringCauses(inWindow)
  }
}

/** The window of the last `days` days, in ms: from the start of the first day (UTC) to now. */
export function windowOf(days: number, now: Date): { since: number; until: number } {
  return { since: startOfDay(now.getTime()) - (days - 1) * DAY_MS, until: now.getTime() }
}

/** Hours from the incident to its resolution; records resolved "before" they happened are left out. */
function meanTimeToResolve(resolved: Incident[]) {
  const hours = (i: Incident) => (isoToMs(i.resolved_at!) - isoToMs(i.timestamp)) / (60 * 60 * 1000)
  const timed = resolved.map((i) => ({ category: i.category, hours: hours(i) })).filter((r) => r.hours >= 0)
  const mean = (list: number[]) => round(list.reduce((a, b) => a + b, 0) / list.length)
  const categories = [...new Set(timed.map((t) => t.category))].sort()
  return {
    overall: timed.length ? mean(timed.map((t) => t.hours)) : null,
    byCategory: categories.map((value) => {
      const list = timed.filter((t) => t.category === value).map((t) => t.hours)
      return { value, hours: mean(list), resolved: list.length }
    })
  }
}

/** Root causes written down (resolved or learned) more than once in the window, most frequent first. */
function recurringCauses(incidents: Incident[]): RecurringCause[] {
  const withCause = incidents
    .filter((i) => i.root_cause?.trim())
    .sort((a, b) => isoToMs(b.timestamp) - isoToMs(a.timestamp) || a.id.localeCompare(b.id))
  const byId = new Map(withCause.map((i) => [i.id, i]))
  return groupCauses(withCause.map((i) => ({ id: i.id, text: i.root_cause!.trim(), weight: 1 })))
    .filter((g) => g.incidents.length > 1)
    .map((g) => ({
      root_cause: g.root_cause,
      count: g.incidents.length,
      incidents: g.incidents,
      categories: [...new Set(g.incidents.map((id) => byId.get(id)!.category))].sort()
    }))
}

function emptySeverities(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>
}

const startOfDay = (t: number) => Math.floor(t / DAY_MS) * DAY_MS
/** Monday 00:00 UTC of the week holding t (1970-01-01 was a Thursday). */
const startOfWeek = (t: number) => {
  const day = startOfDay(t)
  const weekday = (new Date(day).getUTCDay() + 6) % 7
  return day - weekday * DAY_MS
}
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10)
const round = (x: number) => Math.round(x * 100) / 100
