import type { Severity, Status } from '../../../shared/incident'

export const SEVERITY_COLOR: Record<Severity, string> = {
  critical: 'red',
  high: 'orange',
  medium: 'yellow',
  low: 'gray'
}

export const STATUS_COLOR: Record<Status, string> = { open: 'blue', resolved: 'teal' }

/** Colour of a free-form severity word found in validation errors (error, warning, ...). */
export function colorOfLevel(level: string): string {
  const word = level.toLowerCase()
  if (word in SEVERITY_COLOR) return SEVERITY_COLOR[word as Severity]
  if (['error', 'fatal', 'fail', 'failed'].includes(word)) return 'red'
  if (['warning', 'warn'].includes(word)) return 'orange'
  if (['info', 'notice'].includes(word)) return 'blue'
  return 'gray'
}
