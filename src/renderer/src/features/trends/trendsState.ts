import type { TrendBucket } from '../../../../shared/analysis'
import { createStore } from '../../lib/store'

/** The windows the screen offers, in days, and the key that picks each. */
export const WINDOWS = [
  { days: 7, label: '7 days', key: '1' },
  { days: 30, label: '30 days', key: '2' },
  { days: 90, label: '90 days', key: '3' },
  { days: 365, label: '365 days', key: '4' }
] as const

export interface TrendsState {
  days: number
  bucket: TrendBucket
}

/** Kept outside the screen so that the window chosen survives going to an incident and back. */
export const trendsState = createStore<TrendsState>({ days: 90, bucket: 'week' })

export function setDays(days: number): void {
  trendsState.set((s) => (s.days === days ? s : { ...s, days }))
}

export function setBucket(bucket: TrendBucket): void {
  trendsState.set((s) => (s.bucket === bucket ? s : { ...s, bucket }))
}
