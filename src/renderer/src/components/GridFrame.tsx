import type { ReactNode, RefObject } from 'react'

interface Props {
  label: string
  /** Data rows; the header row is counted on top. */
  rowCount: number
  busy: boolean
  selectedIndex: number
  /** The rows' DOM ids are this and their index: the selected one is the active descendant. */
  rowIdPrefix: string
  /** Takes the focus: the list's keys move the selection, never the browser's focus. */
  gridRef: RefObject<HTMLDivElement | null>
  scrollRef: RefObject<HTMLDivElement | null>
  testId: string
  scrollTestId?: string
  /** The header row and the rowgroup. */
  children: ReactNode
}

/** A focusable ARIA grid around a scrolling body: the frame of the incident table and of ResultGrid. */
export function GridFrame({
  label,
  rowCount,
  busy,
  selectedIndex,
  rowIdPrefix,
  gridRef,
  scrollRef,
  testId,
  scrollTestId,
  children
}: Props) {
  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-busy={busy}
      aria-activedescendant={selectedIndex >= 0 ? `${rowIdPrefix}${selectedIndex}` : undefined}
      tabIndex={0}
      className="nm-grid"
      data-testid={testId}
    >
      <div ref={scrollRef} className="nm-grid-scroll" data-testid={scrollTestId}>
        {children}
      </div>
    </div>
  )
}
