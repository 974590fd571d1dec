import { navigate, type Route } from '../../lib/router'
import { useShortcuts } from '../../lib/useShortcuts'

/** Keys that work on every screen: `n` captures a new incident. */
export function useGlobalKeys(route: Route): void {
  useShortcuts({ n: () => navigate({ page: 'capture' }) }, route.page !== 'capture')
}
