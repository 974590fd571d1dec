import { useSyncExternalStore } from 'react'

/** The screens of the workbench, kept in the address hash so Back/Forward and reload work. */
export type Route =
  | { page: 'incidents' }
  | { page: 'incident'; id: string }
  | { page: 'search' }
  | { page: 'preflight' }
  | { page: 'capture' }
  | { page: 'backup' }
  | { page: 'rca' }
  | { page: 'trends' }
  | { page: 'learning' }

const SIMPLE_PAGES = ['search', 'preflight', 'capture', 'backup', 'rca', 'trends', 'learning'] as const

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '')
  if (path.startsWith('incidents/')) {
    const id = decodeURIComponent(path.slice('incidents/'.length))
    if (id) return { page: 'incident', id }
  }
  const simple = SIMPLE_PAGES.find((page) => page === path)
  if (simple) return { page: simple }
  return { page: 'incidents' }
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'incident':
      return `#/incidents/${encodeURIComponent(route.id)}`
    case 'incidents':
      return '#/incidents'
    default:
      return `#/${route.page}`
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefOf(route)
  if (options.replace) {
    window.history.replaceState(window.history.state, '', href)
    window.dispatchEvent(new HashChangeEvent('hashchange'))
  } else if (window.location.hash !== href) {
    window.location.hash = href
  }
}

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener)
  return () => window.removeEventListener('hashchange', listener)
}
const getHash = () => window.location.hash

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getHash, getHash))
}
