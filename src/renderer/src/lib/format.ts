import { isoToMs } from '../../../shared/incident'

/** A stored ISO time as `YYYY-MM-DD HH:mm` in UTC (what engineers compare logs in). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const ms = isoToMs(iso)
  if (Number.isNaN(ms)) return iso
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ')
}

/** As formatTime, with seconds. */
export function formatTimeLong(iso: string | null | undefined): string {
  if (!iso) return '—'
  const ms = isoToMs(iso)
  if (Number.isNaN(ms)) return iso
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/** `deployment_failure` → `deployment failure`. */
export const humanize = (value: string): string => value.replace(/_/g, ' ')
