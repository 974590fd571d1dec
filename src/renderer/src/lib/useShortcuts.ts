import { useEffect, useRef } from 'react'

export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]'
const ACTIVATABLE = 'button, a[href], [role="button"], [role="option"], [role="menuitem"], [role="tab"]'

/**
 * Single-key shortcuts for a screen (`j`, `/`, `Enter`, ...), keyed by KeyboardEvent.key.
 * They never fire while typing in a field, with a modifier held, or while a dialog is open;
 * Enter and Space are left to a focused button or link.
 */
export function useShortcuts(map: ShortcutMap, enabled = true): void {
  const ref = useRef(map)
  useEffect(() => {
    ref.current = map
  })

  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      const target = event.target instanceof Element ? event.target : null
      if (target?.closest(TYPING)) return
      if ((event.key === 'Enter' || event.key === ' ') && target?.closest(ACTIVATABLE)) return
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return
      const handler = ref.current[event.key]
      if (!handler) return
      event.preventDefault()
      handler(event)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [enabled])
}
