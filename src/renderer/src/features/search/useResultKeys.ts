import type { RefObject } from 'react'
import type { SearchResult } from '../../../../shared/search'
import { useShortcuts } from '../../lib/useShortcuts'
import { selectResult } from './searchState'

const PAGE = 10

/**
 * The results' keys: arrows or j/k move the selection, Home/End jump, Enter (or o) opens the
 * selected result, `/` goes back to the search box.
 */
export function useResultKeys(
  results: SearchResult[],
  selectedIndex: number,
  refs: { grid: RefObject<HTMLDivElement | null>; input: RefObject<HTMLInputElement | null> },
  onOpen: (id: string) => void
): { moveTo: (index: number) => void } {
  const moveTo = (index: number) => {
    if (results.length === 0) return
    const next = Math.max(0, Math.min(results.length - 1, index))
    selectResult(results[next]!.id)
    refs.grid.current?.focus({ preventScroll: true })
  }
  const by = (delta: number) => () => moveTo(selectedIndex < 0 ? 0 : selectedIndex + delta)
  const open = () => {
    const result = results[selectedIndex]
    if (result) onOpen(result.id)
  }
  useShortcuts({
    ArrowDown: by(1),
    j: by(1),
    ArrowUp: by(-1),
    k: by(-1),
    PageDown: by(PAGE),
    PageUp: by(-PAGE),
    Home: () => moveTo(0),
    End: () => moveTo(results.length - 1),
    Enter: open,
    o: open,
    '/': () => {
      refs.input.current?.focus()
      refs.input.current?.select()
    }
  })
  return { moveTo }
}
