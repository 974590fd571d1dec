import type { ListQuery, SORT_FIELDS } from '../../../../shared/api'
import { createStore } from '../../lib/store'

export type SortField = (typeof SORT_FIELDS)[number]
export type Direction = 'asc' | 'desc'

/** The filters of the table: fields of ListQuery, sent to the core as they are. */
export type Filters = Pick<ListQuery, 'severity' | 'category' | 'status' | 'device' | 'since' | 'until'>

export interface ListState {
  filters: Filters
  sort: SortField
  direction: Direction
  selectedId: string | null
}

/** Kept outside the screen so that filters, sort and selection survive opening a detail. */
export const listState = createStore<ListState>({
  filters: {},
  sort: 'timestamp',
  direction: 'desc',
  selectedId: null
})

/** The filters with one of them set, or removed when the value is empty. */
export function withFilter<K extends keyof Filters>(
  filters: Filters,
  key: K,
  value: Filters[K] | null
): Filters {
  const next = { ...filters }
  if (value === null || value === undefined || value === '') delete next[key]
  else next[key] = value
  return next
}

/** The filters with a date range (whole days), either end optional. */
export function withDateRange(filters: Filters, since: string | null, until: string | null): Filters {
  const { since: _since, until: _until, ...rest } = filters
  return { ...rest, ...(since ? { since } : {}), ...(until ? { until } : {}) }
}

export function setFilters(filters: Filters): void {
  listState.set((s) => ({ ...s, filters }))
}

export function clearFilters(): void {
  setFilters({})
}

/** Clicking a header: the same column flips direction, another starts newest/lowest first. */
export function sortBy(field: SortField): void {
  listState.set((s) =>
    s.sort === field
      ? { ...s, direction: s.direction === 'asc' ? 'desc' : 'asc' }
      : { ...s, sort: field, direction: field === 'timestamp' ? 'desc' : 'asc' }
  )
}

export function select(id: string | null): void {
  listState.set((s) => (s.selectedId === id ? s : { ...s, selectedId: id }))
}

export const activeFilterCount = (filters: Filters): number => Object.keys(filters).length
