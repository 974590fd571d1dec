import type { SearchFilters, SearchMode } from '../../../../shared/search'
import { createStore } from '../../lib/store'

export interface SearchState {
  /** What is in the search box. */
  text: string
  /** What was last searched: the box after a pause in typing, or at once on Enter. */
  query: string
  mode: SearchMode
  filters: SearchFilters
  selectedId: string | null
  /** Set by the `s` key anywhere: the search box takes the focus when it shows. */
  focusRequested: boolean
}

/** Kept outside the screen so that a search survives opening a result and coming back. */
export const searchState = createStore<SearchState>({
  text: '',
  query: '',
  mode: 'hybrid',
  filters: {},
  selectedId: null,
  focusRequested: false
})

export function setText(text: string): void {
  searchState.set((s) => ({ ...s, text }))
}

/** Searches what the box holds (or `text`): a new query starts with no selection. */
export function submit(text = searchState.get().text): void {
  const query = text.trim()
  searchState.set((s) =>
    s.query === query && s.text === text
      ? s
      : { ...s, text, query, selectedId: s.query === query ? s.selectedId : null }
  )
}

export function setMode(mode: SearchMode): void {
  searchState.set((s) => ({ ...s, mode, selectedId: null }))
}

export function setSearchFilters(filters: SearchFilters): void {
  searchState.set((s) => ({ ...s, filters, selectedId: null }))
}

export function selectResult(id: string | null): void {
  searchState.set((s) => (s.selectedId === id ? s : { ...s, selectedId: id }))
}

export function requestSearchFocus(): void {
  searchState.set((s) => ({ ...s, focusRequested: true }))
}

export function focusHandled(): void {
  searchState.set((s) => (s.focusRequested ? { ...s, focusRequested: false } : s))
}
