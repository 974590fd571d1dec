import { MARK_END, MARK_START } from '../../../../shared/search'

export interface HighlightPart {
  text: string
  marked: boolean
}

/**
 * Splits a highlighted description into plain and matched runs, on the core's private-use
 * markers. Text only: it is rendered as React children, never as HTML. A stray or unbalanced
 * marker is dropped rather than shown.
 */
export function highlightParts(highlight: string): HighlightPart[] {
  const parts: HighlightPart[] = []
  let marked = false
  let run = ''
  const flush = () => {
    if (run) parts.push({ text: run, marked })
    run = ''
  }
  for (const char of highlight) {
    if (char === MARK_START || char === MARK_END) {
      flush()
      marked = char === MARK_START
    } else {
      run += char
    }
  }
  flush()
  return parts
}
