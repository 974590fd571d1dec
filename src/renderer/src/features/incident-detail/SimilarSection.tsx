import { Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core'
import type { SearchResult } from '../../../../shared/search'
import { Count, Empty, Section } from '../../components/Section'
import { SeverityBadge } from '../../components/SeverityBadge'
import { StatusBadge } from '../../components/StatusBadge'
import { formatTime } from '../../lib/format'
import { hrefOf } from '../../lib/router'
import { useCall } from '../../lib/useCall'
import { ScoreBar } from '../search/ScoreBar'
import { SignalBadges } from '../search/SignalBadges'

const SHOWN = 5

function SimilarItem({ result }: { result: SearchResult }) {
  return (
    <UnstyledButton
      component="a"
      href={hrefOf({ page: 'incident', id: result.id })}
      className="nm-similar-item"
      data-testid={`similar-${result.id}`}
      aria-label={`${result.id}: ${result.description}`}
    >
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Group gap={6} wrap="nowrap" miw={0}>
          <Text size="xs" fw={700} ff="monospace" truncate="end">
            {result.id}
          </Text>
          <SeverityBadge severity={result.severity} size="xs" style={{ flex: 'none' }} />
          <StatusBadge status={result.status} size="xs" style={{ flex: 'none' }} />
        </Group>
        <ScoreBar score={result.score} />
      </Group>
      <Text size="xs" lineClamp={2} mt={3}>
        {result.description || '(no description)'}
      </Text>
      {result.status === 'resolved' ? (
        <Text
          size="xs"
          c="teal"
          truncate="end"
          mt={3}
          title={result.root_cause ?? undefined}
          data-testid="similar-root-cause"
        >
          <Text span size="xs" fw={700}>
            Root cause:
          </Text>{' '}
          {result.root_cause ?? 'not recorded'}
        </Text>
      ) : (
        <Text size="xs" c="dimmed" fs="italic" mt={3}>
          Still open: no root cause yet
        </Text>
      )}
      <Group gap={6} wrap="nowrap" justify="space-between" mt={4}>
        <SignalBadges signals={result.signals} />
        <Text size="11px" c="dimmed" ff="monospace">
          {formatTime(result.timestamp)}
        </Text>
      </Group>
    </UnstyledButton>
  )
}

/**
 * Past incidents most like this one, by words, synonyms and meaning: the resolved ones say
 * what the cause was. Loads again when the incident (or any data) changes.
 */
export function SimilarSection({ id }: { id: string }) {
  const { data, error, loading } = useCall('search.similar', { id, limit: SHOWN })
  const results = data?.results ?? []
  return (
    <Section
      title="Similar incidents"
      testId="similar-incidents"
      aside={loading ? <Loader size={12} /> : <Count value={results.length} />}
    >
      {error ? (
        <Empty>Similar incidents could not be loaded.</Empty>
      ) : !data ? (
        <Empty>Looking for similar incidents…</Empty>
      ) : results.length === 0 ? (
        <Empty>No other incident is like this one yet.</Empty>
      ) : (
        <Stack gap={0} className="nm-similar-list">
          {results.map((result) => (
            <SimilarItem key={result.id} result={result} />
          ))}
        </Stack>
      )}
    </Section>
  )
}
