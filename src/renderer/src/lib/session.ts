import { createStore } from './store'

const TOKEN_KEY = 'netmortem.bridgeToken'

/**
 * The browser bridge's session key. `netmortem serve` prints a URL carrying it in the hash
 * (#token=...); it is kept in sessionStorage so a reload works, and taken out of the
 * address bar so it is not bookmarked, shared or shown.
 */
export function takeBridgeToken(): string | null {
  const match = /(?:^#|&)token=([^&]*)/.exec(window.location.hash)
  if (match) {
    const token = decodeURIComponent(match[1] ?? '')
    if (token) sessionStorage.setItem(TOKEN_KEY, token)
    const rest = window.location.hash
      .slice(1)
      .split('&')
      .filter((part) => !part.startsWith('token='))
      .join('&')
    const url = window.location.pathname + window.location.search + (rest ? `#${rest}` : '')
    window.history.replaceState(window.history.state, '', url)
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

/** False once the bridge refused our key (HTTP 401) or when there is none at all. */
export const sessionStore = createStore<{ authorized: boolean }>({ authorized: true })

/** The bridge refused the key: forget it (it belongs to a bridge that is gone) and say so. */
export function markUnauthorized(): void {
  sessionStorage.removeItem(TOKEN_KEY)
  sessionStore.set({ authorized: false })
}
