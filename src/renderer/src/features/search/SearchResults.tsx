import { useEffect, useRef, type RefObject } from 'react'
import type { SearchResult } from '../../../../shared/search'
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
    <div
      ref={gridRef}
      role="grid"
      aria-label="Search results"
      aria-rowcount={results.length + 1}
      aria-busy={busy}
      aria-activedescendant={selectedIndex >= 0 ? `search-result-${selectedIndex}` : undefined}
      tabIndex={0}
      className="nm-grid"
      data-testid="search-results"
    >
      <div ref={scrollRef} className="nm-grid-scroll">
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
      </div>
    </div>
  )
}
