import type { RefObject } from 'react'
import type { IncidentSummary } from '../../../../shared/incident'
import { useShortcuts } from '../../lib/useShortcuts'
import { navigate } from '../../lib/router'
import { select } from './listState'

const PAGE = 20

/**
 * The table's keys: arrows or j/k move the selection, PageUp/PageDown/Home/End jump,
 * Enter opens the selected incident, `/` goes to the filters.
 */
export function useTableKeys(
  items: IncidentSummary[],
  selectedIndex: number,
  refs: { grid: RefObject<HTMLDivElement | null>; filters: RefObject<HTMLInputElement | null> }
): void {
  const moveTo = (index: number) => {
    if (items.length === 0) return
    const next = Math.max(0, Math.min(items.length - 1, index))
    select(items[next]!.id)
    refs.grid.current?.focus({ preventScroll: true })
  }
  const by = (delta: number) => () => moveTo(selectedIndex < 0 ? 0 : selectedIndex + delta)
  const open = () => {
    const incident = items[selectedIndex]
    if (incident) navigate({ page: 'incident', id: incident.id })
  }
  useShortcuts({
    ArrowDown: by(1),
    j: by(1),
    ArrowUp: by(-1),
    k: by(-1),
    PageDown: by(PAGE),
    PageUp: by(-PAGE),
    Home: () => moveTo(0),
    End: () => moveTo(items.length - 1),
    Enter: open,
    o: open,
    '/': () => refs.filters.current?.focus()
  })
}
