import { Fragment, useEffect, useRef, type ReactNode, type RefObject } from 'react'
import { GridFrame } from './GridFrame'

/** A column of a grid: its header and its width in the CSS grid template. */
export interface GridColumn {
  key: string
  label: string
  width: string
}

/** The CSS grid template of some columns: their widths, in order. */
export const gridTemplate = (columns: readonly GridColumn[]): string => columns.map((c) => c.width).join(' ')

interface Props<T> {
  label: string
  testId: string
  /** The rows' DOM ids are this and their index (ResultGridRow's `rowIdPrefix`). */
  rowIdPrefix: string
  columns: readonly GridColumn[]
  items: readonly T[]
  keyOf: (item: T) => string
  selectedIndex: number
  busy: boolean
  gridRef: RefObject<HTMLDivElement | null>
  /** One item's row: a ResultGridRow. */
  renderRow: (item: T, index: number, selected: boolean) => ReactNode
}

/**
 * A list short enough to render whole (the search results, the RCA report), in rows of one or
 * two lines under a header of `columns`; the selected row is kept in view. The incident table,
 * thousands of rows of one line, is a virtual list in the same GridFrame.
 */
export function ResultGrid<T>({
  label,
  testId,
  rowIdPrefix,
  columns,
  items,
  keyOf,
  selectedIndex,
  busy,
  gridRef,
  renderRow
}: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (selectedIndex < 0) return
    scrollRef.current?.querySelector(`#${rowIdPrefix}${selectedIndex}`)?.scrollIntoView({ block: 'nearest' })
  }, [selectedIndex, rowIdPrefix])

  return (
    <GridFrame
      label={label}
      rowCount={items.length}
      busy={busy}
      selectedIndex={selectedIndex}
      rowIdPrefix={rowIdPrefix}
      gridRef={gridRef}
      scrollRef={scrollRef}
      testId={testId}
    >
      <div
        role="row"
        aria-rowindex={1}
        className="nm-header-row nm-result-header"
        style={{ gridTemplateColumns: gridTemplate(columns) }}
      >
        {columns.map((column) => (
          <div key={column.key} role="columnheader" className="nm-hcell">
            {column.label}
          </div>
        ))}
      </div>
      <div role="rowgroup">
        {items.map((item, index) => (
          <Fragment key={keyOf(item)}>{renderRow(item, index, index === selectedIndex)}</Fragment>
        ))}
      </div>
    </GridFrame>
  )
}

interface RowProps {
  rowIdPrefix: string
  index: number
  selected: boolean
  /** The grid template of the columns (gridTemplate). */
  template: string
  onOpen: () => void
  children: ReactNode
  /** data-testid and any other data attribute. */
  [data: `data-${string}`]: string | number
}

/** A row of a ResultGrid: its cells are the children, a click opens it. */
export function ResultGridRow({
  rowIdPrefix,
  index,
  selected,
  template,
  onOpen,
  children,
  ...data
}: RowProps) {
  return (
    <div
      role="row"
      id={`${rowIdPrefix}${index}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className="nm-result-row"
      style={{ gridTemplateColumns: template }}
      onClick={onOpen}
      {...data}
    >
      {children}
    </div>
  )
}
