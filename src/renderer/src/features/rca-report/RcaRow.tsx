import { memo } from 'react'
import { Badge, Progress, Stack, Text, Tooltip } from '@mantine/core'
import type { RcaReportEntry } from '../../../../shared/analysis'
import { CategoryCell, IncidentCell, NoDescription, SeverityCell } from '../../components/incidentCells'
import { ResultGridRow } from '../../components/ResultGrid'
import { ConfidenceBadge } from '../analysis/ConfidenceBadge'
import { LEVEL_COLOR } from '../analysis/confidence'
import { RCA_GRID, RCA_ROW_ID } from './rcaColumns'

interface Props {
  entry: RcaReportEntry
  index: number
  selected: boolean
  onOpen: (id: string) => void
}

export const RcaRow = memo(function RcaRow({ entry, index, selected, onOpen }: Props) {
  const level = entry.confidence_level
  return (
    <ResultGridRow
      rowIdPrefix={RCA_ROW_ID}
      index={index}
      selected={selected}
      template={RCA_GRID}
      onOpen={() => onOpen(entry.incident_id)}
      data-testid={`rca-entry-${entry.incident_id}`}
      data-level={level}
      data-confidence={entry.confidence}
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
      <IncidentCell id={entry.incident_id} timestamp={entry.timestamp} bold />
      <SeverityCell severity={entry.severity} />
      <CategoryCell category={entry.category} />
      <div role="gridcell" className="nm-rcell">
        <div className="nm-result-text" title={entry.description}>
          {entry.description || <NoDescription />}
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
    </ResultGridRow>
  )
})
