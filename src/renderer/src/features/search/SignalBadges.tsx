import { Badge, Group, Tooltip } from '@mantine/core'
import type { SignalScores } from '../../../../shared/search'

const SIGNALS = [
  { key: 'keyword', label: 'keyword', color: 'blue', title: 'Found by its words (BM25)' },
  { key: 'expansion', label: 'synonyms', color: 'grape', title: 'Found by networking synonyms' },
  { key: 'vector', label: 'meaning', color: 'teal', title: 'Found by meaning (embedding)' }
] as const

function detailOf(signals: SignalScores, key: (typeof SIGNALS)[number]['key']): string | null {
  const signal = signals[key]
  if (!signal) return null
  const similarity =
    key === 'vector' && signals.vector ? ` · similarity ${signals.vector.similarity.toFixed(3)}` : ''
  return `rank ${signal.rank} · score ${signal.score.toFixed(3)}${similarity}`
}

/** Which of the three searches found a result, each with its rank and score on hover. */
export function SignalBadges({ signals }: { signals: SignalScores }) {
  return (
    <Group gap={3} wrap="nowrap" style={{ flex: 'none' }}>
      {SIGNALS.map((signal) => {
        const detail = detailOf(signals, signal.key)
        if (detail === null) return null
        return (
          <Tooltip key={signal.key} label={`${signal.title}: ${detail}`}>
            <Badge
              size="xs"
              variant="light"
              color={signal.color}
              tt="none"
              style={{ flex: 'none', overflow: 'visible' }}
              data-testid={`signal-${signal.key}`}
            >
              {signal.label}
            </Badge>
          </Tooltip>
        )
      })}
    </Group>
  )
}
