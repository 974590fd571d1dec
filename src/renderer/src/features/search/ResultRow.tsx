import { memo } from 'react'
import { Text } from '@mantine/core'
import type { SearchResult } from '../../../../shared/search'
import { SeverityBadge } from '../../components/SeverityBadge'
import { StatusBadge } from '../../components/StatusBadge'
import { formatTime } from '../../lib/format'
import { Highlighted } from './Highlighted'
import { RESULT_GRID } from './resultColumns'
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
    <div
      role="row"
      id={`search-result-${index}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid={`search-result-${result.id}`}
      className="nm-result-row"
      style={{ gridTemplateColumns: RESULT_GRID }}
      onClick={() => onOpen(result.id)}
    >
      <div role="gridcell" className="nm-rcell">
        <ScoreBar score={result.score} />
      </div>
      <div role="gridcell" className="nm-rcell">
        <SignalBadges signals={result.signals} />
      </div>
      <div role="gridcell" className="nm-rcell">
        <Text size="xs" ff="monospace" truncate="end" title={result.id} data-testid="result-id">
          {result.id}
        </Text>
        <Text size="11px" c="dimmed" ff="monospace">
          {formatTime(result.timestamp)}
        </Text>
      </div>
      <div role="gridcell" className="nm-rcell">
        <SeverityBadge severity={result.severity} size="xs" />
      </div>
      <div role="gridcell" className="nm-rcell">
        <StatusBadge status={result.status} size="xs" />
      </div>
      <div role="gridcell" className="nm-rcell" title={result.category}>
        <Text size="xs" truncate="end">
          {result.category}
        </Text>
      </div>
      <div role="gridcell" className="nm-rcell">
        <div className="nm-result-text" data-testid="result-highlight">
          {result.highlight ? (
            <Highlighted text={result.highlight} />
          ) : (
            <Text span size="xs" c="dimmed" fs="italic">
              no description
            </Text>
          )}
        </div>
        {result.matched_terms.length > 0 && (
          <Text size="11px" c="dimmed" truncate="end" data-testid="result-terms">
            matched <span className="nm-mono">{result.matched_terms.join(' · ')}</span>
          </Text>
        )}
      </div>
    </div>
  )
})
