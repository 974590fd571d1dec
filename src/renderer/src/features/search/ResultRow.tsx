import { memo } from 'react'
import { Text } from '@mantine/core'
import type { SearchResult } from '../../../../shared/search'
import { CategoryCell, IncidentCell, NoDescription, SeverityCell } from '../../components/incidentCells'
import { ResultGridRow } from '../../components/ResultGrid'
import { StatusBadge } from '../../components/StatusBadge'
import { Highlighted } from './Highlighted'
import { RESULT_GRID, RESULT_ROW_ID } from './resultColumns'
import { ScoreBar } from './ScoreBar'
import { SignalBadges } from './SignalBadges'

interface Props {
  result: SearchResult
  index: number
  selected: boolean
  onOpen: (id: string) => void
}

export const ResultRow = memo(function ResultRow({ result, index, selected, onOpen }: Props) {
  return (
    <ResultGridRow
      rowIdPrefix={RESULT_ROW_ID}
      index={index}
      selected={selected}
      template={RESULT_GRID}
      onOpen={() => onOpen(result.id)}
      data-testid={`search-result-${result.id}`}
    >
      <div role="gridcell" className="nm-rcell">
        <ScoreBar score={result.score} />
      </div>
      <div role="gridcell" className="nm-rcell">
        <SignalBadges signals={result.signals} />
      </div>
      <IncidentCell id={result.id} timestamp={result.timestamp} />
      <SeverityCell severity={result.severity} />
      <div role="gridcell" className="nm-rcell">
        <StatusBadge status={result.status} size="xs" />
      </div>
      <CategoryCell category={result.category} />
      <div role="gridcell" className="nm-rcell">
        <div className="nm-result-text" data-testid="result-highlight">
          {result.highlight ? <Highlighted text={result.highlight} /> : <NoDescription />}
        </div>
        {result.matched_terms.length > 0 && (
          <Text size="11px" c="dimmed" truncate="end" data-testid="result-terms">
            matched <span className="nm-mono">{result.matched_terms.join(' · ')}</span>
          </Text>
        )}
      </div>
    </ResultGridRow>
  )
})
