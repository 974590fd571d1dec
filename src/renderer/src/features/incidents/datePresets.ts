const DAY_MS = 86_400_000

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** Ranges an engineer reaches for, as whole UTC days ending today (the table shows UTC). */
export function datePresets(now = Date.now()): { value: [string, string]; label: string }[] {
  const today = day(now)
  const back = (days: number): [string, string] => [day(now - (days - 1) * DAY_MS), today]
  return [
    { value: [today, today], label: 'Today' },
    { value: back(7), label: 'Last 7 days' },
    { value: back(30), label: 'Last 30 days' },
    { value: back(90), label: 'Last 90 days' },
    { value: [`${today.slice(0, 4)}-01-01`, today], label: 'This year' }
  ]
}
