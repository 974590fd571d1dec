import { useEffect, useRef, type RefObject } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { IncidentSummary } from '../../../../shared/incident'
import { GridFrame } from '../../components/GridFrame'
import { ROW_HEIGHT } from './columns'
import { IncidentRow } from './IncidentRow'
import { TableHeader } from './TableHeader'
import type { Direction, SortField } from './listState'

interface Props {
  items: IncidentSummary[]
  selectedIndex: number
  sort: SortField
  direction: Direction
  busy: boolean
  onSelect: (id: string) => void
  onOpen: (id: string) => void
  gridRef: RefObject<HTMLDivElement | null>
}

/**
 * The incident table: a header and only the rows in view (10,000+ scroll smoothly). The
 * selected row is kept in view as it moves.
 */
export function IncidentTable({
  items,
  selectedIndex,
  sort,
  direction,
  busy,
  onSelect,
  onOpen,
  gridRef
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // The virtualizer is meant to re-render its host on scroll; nothing here is memoised on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16
  })

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, virtualizer])

  return (
    <GridFrame
      label="Incidents"
      rowCount={items.length}
      busy={busy}
      selectedIndex={selectedIndex}
      rowIdPrefix="incident-row-"
      gridRef={gridRef}
      scrollRef={scrollRef}
      testId="incident-table"
      scrollTestId="incident-table-scroll"
    >
      <TableHeader sort={sort} direction={direction} />
      <div role="rowgroup" className="nm-rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const incident = items[row.index]!
          return (
            <IncidentRow
              key={incident.id}
              incident={incident}
              index={row.index}
              top={row.start}
              selected={row.index === selectedIndex}
              onSelect={onSelect}
              onOpen={onOpen}
            />
          )
        })}
      </div>
    </GridFrame>
  )
}
