import { useCallback, type RefObject } from 'react'
import { navigate } from './router'
import { useShortcuts } from './useShortcuts'

interface Options {
  /** The focusable grid: it takes the focus back when the selection moves. */
  grid: RefObject<HTMLDivElement | null>
  /** How many rows PageUp and PageDown move. */
  pageSize: number
  onSelect: (id: string) => void
  /** What `/` does: focus the field that narrows the list. */
  onSlash: () => void
}

/**
 * Moving through a list of incidents and opening one: arrows or j/k move the selection,
 * PageUp/PageDown/Home/End jump, Enter (or o) opens the selected incident, `/` goes to the
 * list's field. `moveTo` selects a row by index (clamped), as the keys do; `open` (stable, for
 * the rows' clicks) selects an incident and shows its detail.
 */
export function useListNavigation(
  items: readonly { id: string }[],
  selectedId: string | null,
  { grid, pageSize, onSelect, onSlash }: Options
): { selectedIndex: number; moveTo: (index: number) => void; open: (id: string) => void } {
  const selectedIndex = selectedId === null ? -1 : items.findIndex((item) => item.id === selectedId)
  const open = useCallback(
    (id: string) => {
      onSelect(id)
      navigate({ page: 'incident', id })
    },
    [onSelect]
  )
  const moveTo = (index: number) => {
    if (items.length === 0) return
    const next = Math.max(0, Math.min(items.length - 1, index))
    onSelect(items[next]!.id)
    grid.current?.focus({ preventScroll: true })
  }
  const by = (delta: number) => () => moveTo(selectedIndex < 0 ? 0 : selectedIndex + delta)
  const openSelected = () => {
    const item = items[selectedIndex]
    if (item) open(item.id)
  }
  useShortcuts({
    ArrowDown: by(1),
    j: by(1),
    ArrowUp: by(-1),
    k: by(-1),
    PageDown: by(pageSize),
    PageUp: by(-pageSize),
    Home: () => moveTo(0),
    End: () => moveTo(items.length - 1),
    Enter: openSelected,
    o: openSelected,
    '/': onSlash
  })
  return { selectedIndex, moveTo, open }
}
