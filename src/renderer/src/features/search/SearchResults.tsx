import { useEffect, useRef, type RefObject } from 'react'
import type { SearchResult } from '../../../../shared/search'
import { GridFrame } from '../../components/GridFrame'
import { RESULT_COLUMNS, RESULT_GRID } from './resultColumns'
import { ResultRow } from './ResultRow'

interface Props {
  results: SearchResult[]
  selectedIndex: number
  busy: boolean
  onOpen: (id: string) => void
  gridRef: RefObject<HTMLDivElement | null>
}

/** The results, best first: one dense row each, the selected one kept in view. */
export function SearchResults({ results, selectedIndex, busy, onOpen, gridRef }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (selectedIndex < 0) return
    scrollRef.current?.querySelector(`#search-result-${selectedIndex}`)?.scrollIntoView({ block: 'nearest' })
  }, [selectedIndex])

  return (
    <GridFrame
      label="Search results"
      rowCount={results.length}
      busy={busy}
      selectedIndex={selectedIndex}
      rowIdPrefix="search-result-"
      gridRef={gridRef}
      scrollRef={scrollRef}
      testId="search-results"
    >
      <div
        role="row"
        aria-rowindex={1}
        className="nm-header-row nm-result-header"
        style={{ gridTemplateColumns: RESULT_GRID }}
      >
        {RESULT_COLUMNS.map((column) => (
          <div key={column.key} role="columnheader" className="nm-hcell">
            {column.label}
          </div>
        ))}
      </div>
      <div role="rowgroup">
        {results.map((result, index) => (
          <ResultRow
            key={result.id}
            result={result}
            index={index}
            selected={index === selectedIndex}
            onOpen={onOpen}
          />
        ))}
      </div>
    </GridFrame>
  )
}
