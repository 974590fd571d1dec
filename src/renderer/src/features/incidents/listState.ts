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

export function setFilter<K extends keyof Filters>(key: K, value: Filters[K] | null): void {
  listState.set((s) => {
    const filters = { ...s.filters }
    if (value === null || value === undefined || value === '') delete filters[key]
    else filters[key] = value
    return { ...s, filters }
  })
}

export function setDateRange(since: string | null, until: string | null): void {
  listState.set((s) => {
    const { since: _since, until: _until, ...rest } = s.filters
    return { ...s, filters: { ...rest, ...(since ? { since } : {}), ...(until ? { until } : {}) } }
  })
}

export function clearFilters(): void {
  listState.set((s) => ({ ...s, filters: {} }))
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
