import { createStore, useStore } from './store'
import type { Route } from './router'

/** The screens an incident is opened from, and that Esc on its detail goes back to. */
export type ListPage = 'incidents' | 'search' | 'preflight' | 'rca' | 'learning'

export const LIST_PAGE_LABEL: Record<ListPage, string> = {
  incidents: 'incidents',
  search: 'search results',
  preflight: 'pre-flight',
  rca: 'RCA report',
  learning: 'learning'
}

const lastListPage = createStore<ListPage>('incidents')

/** Called as the route changes: remembers the last list-like screen shown. */
export function rememberListPage(route: Route): void {
  if (
    route.page === 'incidents' ||
    route.page === 'search' ||
    route.page === 'preflight' ||
    route.page === 'rca' ||
    route.page === 'learning'
  ) {
    lastListPage.set(route.page)
  }
}

/** Where the detail's Back (Esc) leads: the table, the search results, the pre-flight run or the RCA report. */
export function useBackPage(): ListPage {
  return useStore(lastListPage)
}
