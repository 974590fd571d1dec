import { memo } from 'react'
import { Badge, Progress, Stack, Text, Tooltip } from '@mantine/core'
import type { RcaReportEntry } from '../../../../shared/analysis'
import { SeverityBadge } from '../../components/SeverityBadge'
import { formatTime } from '../../lib/format'
import { ConfidenceBadge } from '../analysis/ConfidenceBadge'
import { LEVEL_COLOR } from '../analysis/confidence'
import { RCA_GRID } from './rcaColumns'

interface Props {
  entry: RcaReportEntry
  index: number
  selected: boolean
  onOpen: (id: string) => void
}

export const RcaRow = memo(function RcaRow({ entry, index, selected, onOpen }: Props) {
  const level = entry.confidence_level
  return (
    <div
      role="row"
      id={`rca-entry-${index}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid={`rca-entry-${entry.incident_id}`}
      data-level={level}
      data-confidence={entry.confidence}
      className="nm-result-row"
      style={{ gridTemplateColumns: RCA_GRID }}
      onClick={() => onOpen(entry.incident_id)}
    >
      <div role="gridcell" className="nm-rcell">
        <Stack gap={4} align="flex-start">
          <ConfidenceBadge level={level} confidence={entry.confidence} size="sm" w={104} />
          <Progress
            value={entry.confidence * 100}
            color={LEVEL_COLOR[level]}
            size={4}
            w={104}
            radius="xl"
            aria-hidden
          />
        </Stack>
      </div>
      <div role="gridcell" className="nm-rcell">
        <Text size="xs" ff="monospace" fw={600} truncate="end" title={entry.incident_id}>
          {entry.incident_id}
        </Text>
        <Text size="11px" c="dimmed" ff="monospace">
          {formatTime(entry.timestamp)}
        </Text>
      </div>
      <div role="gridcell" className="nm-rcell">
        <SeverityBadge severity={entry.severity} size="xs" />
      </div>
      <div role="gridcell" className="nm-rcell" title={entry.category}>
        <Text size="xs" truncate="end">
          {entry.category}
        </Text>
      </div>
      <div role="gridcell" className="nm-rcell">
        <div className="nm-result-text" title={entry.description}>
          {entry.description || (
            <Text span size="xs" c="dimmed" fs="italic">
              no description
            </Text>
          )}
        </div>
      </div>
      <div role="gridcell" className="nm-rcell" data-testid="rca-suggestion">
        {entry.suggested_cause ? (
          <div className="nm-result-text" title={entry.suggested_root_cause}>
            {entry.suggested_cause}
          </div>
        ) : (
          <Text size="xs" c="dimmed" fs="italic" lineClamp={2} title={entry.suggested_root_cause}>
            No suggestion: {entry.similar_count > 0 ? 'no similar resolved incident' : 'no similar incident'}
          </Text>
        )}
      </div>
      <div role="gridcell" className="nm-rcell" data-testid="rca-similar-count">
        <Tooltip
          label={entry.similar_incidents.join(', ') || 'No incident scored high enough'}
          disabled={entry.similar_count === 0}
        >
          <Badge
            size="sm"
            variant={entry.similar_count > 0 ? 'light' : 'default'}
            color="gray"
            style={{ alignSelf: 'flex-start' }}
          >
            {entry.similar_count}
          </Badge>
        </Tooltip>
      </div>
    </div>
  )
})
