import { navigate, type Route } from '../../lib/router'
import { useShortcuts } from '../../lib/useShortcuts'
import { requestSearchFocus } from '../search/searchState'

/** Keys that work on every screen: `s` searches, `n` captures a new incident. */
export function useGlobalKeys(route: Route): void {
  useShortcuts({
    s: () => {
      navigate({ page: 'search' })
      requestSearchFocus()
    },
    ...(route.page === 'capture' ? {} : { n: () => navigate({ page: 'capture' }) })
  })
}
