import type { SearchResponse } from '../../../../shared/search'
import { useCall } from '../../lib/useCall'
import type { SearchState } from './searchState'

/** Enough to scan by eye; a search is for finding the few that matter, not for paging. */
export const SEARCH_LIMIT = 50

/** The answer to the current search, or nothing while the box is empty. */
export function useSearch(state: SearchState): {
  response: SearchResponse | undefined
  error: unknown
  loading: boolean
  reload: () => void
} {
  const active = state.query !== ''
  const filtered = Object.keys(state.filters).length > 0
  const { data, error, loading, reload } = useCall(
    'search.query',
    {
      query: active ? state.query : '-',
      mode: state.mode,
      limit: SEARCH_LIMIT,
      ...(filtered ? { filters: state.filters } : {})
    },
    active
  )
  return { response: active ? data : undefined, error: active ? error : undefined, loading, reload }
}
