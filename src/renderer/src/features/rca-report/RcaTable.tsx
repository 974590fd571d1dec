import { useEffect, useRef, type RefObject } from 'react'
import type { RcaReportEntry } from '../../../../shared/analysis'
import { GridFrame } from '../../components/GridFrame'
import { RCA_COLUMNS, RCA_GRID } from './rcaColumns'
import { RcaRow } from './RcaRow'

interface Props {
  entries: RcaReportEntry[]
  selectedIndex: number
  busy: boolean
  onOpen: (id: string) => void
  gridRef: RefObject<HTMLDivElement | null>
}

/** The report's entries, most confident first: one row each, the selected one kept in view. */
export function RcaTable({ entries, selectedIndex, busy, onOpen, gridRef }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (selectedIndex < 0) return
    scrollRef.current?.querySelector(`#rca-entry-${selectedIndex}`)?.scrollIntoView({ block: 'nearest' })
  }, [selectedIndex])

  return (
    <GridFrame
      label="RCA report"
      rowCount={entries.length}
      busy={busy}
      selectedIndex={selectedIndex}
      rowIdPrefix="rca-entry-"
      gridRef={gridRef}
      scrollRef={scrollRef}
      testId="rca-table"
    >
      <div
        role="row"
        aria-rowindex={1}
        className="nm-header-row nm-result-header"
        style={{ gridTemplateColumns: RCA_GRID }}
      >
        {RCA_COLUMNS.map((column) => (
          <div key={column.key} role="columnheader" className="nm-hcell">
            {column.label}
          </div>
        ))}
      </div>
      <div role="rowgroup">
        {entries.map((entry, index) => (
          <RcaRow
            key={entry.incident_id}
            entry={entry}
            index={index}
            selected={index === selectedIndex}
            onOpen={onOpen}
          />
        ))}
      </div>
    </GridFrame>
  )
}
