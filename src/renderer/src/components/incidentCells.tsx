import { Text } from '@mantine/core'
import type { Severity } from '../../../shared/incident'
import { formatTime } from '../lib/format'
import { SeverityBadge } from './SeverityBadge'

// The columns the search results and the RCA report both show of an incident, and their cells.

export const INCIDENT_COLUMN = { key: 'id', label: 'Incident', width: 'minmax(140px, 170px)' } as const
export const SEVERITY_COLUMN = { key: 'severity', label: 'Severity', width: '80px' } as const
export const CATEGORY_COLUMN = { key: 'category', label: 'Category', width: 'minmax(100px, 140px)' } as const

/** The incident's id and, under it, its time. */
export function IncidentCell({
  id,
  timestamp,
  bold = false
}: {
  id: string
  timestamp: string
  bold?: boolean
}) {
  return (
    <div role="gridcell" className="nm-rcell">
      <Text
        size="xs"
        ff="monospace"
        fw={bold ? 600 : undefined}
        truncate="end"
        title={id}
        data-testid="result-id"
      >
        {id}
      </Text>
      <Text size="11px" c="dimmed" ff="monospace">
        {formatTime(timestamp)}
      </Text>
    </div>
  )
}

export function SeverityCell({ severity }: { severity: Severity }) {
  return (
    <div role="gridcell" className="nm-rcell">
      <SeverityBadge severity={severity} size="xs" />
    </div>
  )
}

export function CategoryCell({ category }: { category: string }) {
  return (
    <div role="gridcell" className="nm-rcell" title={category}>
      <Text size="xs" truncate="end">
        {category}
      </Text>
    </div>
  )
}

/** Stands for an empty description. */
export function NoDescription() {
  return (
    <Text span size="xs" c="dimmed" fs="italic">
      no description
    </Text>
  )
}
