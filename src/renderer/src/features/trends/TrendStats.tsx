import type { ReactNode } from 'react'
import { Paper, SimpleGrid, Text } from '@mantine/core'
import type { Trends } from '../../../../shared/analysis'
import { humanize, plural } from '../../lib/format'
import { formatDuration } from './chartData'

function Stat({
  label,
  value,
  note,
  testId
}: {
  label: string
  value: ReactNode
  note?: ReactNode
  testId: string
}) {
  return (
    <Paper withBorder radius="sm" px="sm" py={8} data-testid={testId}>
      <Text size="11px" fw={700} tt="uppercase" c="dimmed" lts={0.4}>
        {label}
      </Text>
      <Text fz={22} fw={700} lh={1.25} className="nm-trends-stat-value" data-testid={`${testId}-value`}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed" truncate="end">
          {note}
        </Text>
      )}
    </Paper>
  )
}

/** A mean count: 12, 3.4, 0.25; under 0.01 as such. */
const rate = (n: number): string =>
  n >= 10 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n >= 0.01 || n === 0 ? n.toFixed(2) : '< 0.01'

/** The window in four figures: how many, how many still open, resolved, how long to resolve. */
export function TrendStats({ trends }: { trends: Trends }) {
  const top = trends.by_category[0]
  const measured = trends.mean_time_to_resolve_by_category.reduce((n, c) => n + c.resolved, 0)
  const perPeriod = trends.periods.length > 0 ? trends.total / trends.periods.length : 0
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
      <Stat
        label="Incidents"
        value={trends.total.toLocaleString('en-US')}
        note={`${rate(perPeriod)} per ${trends.bucket}${top ? ` · most: ${humanize(top.value)}` : ''}`}
        testId="trends-total"
      />
      <Stat
        label="Still open"
        value={trends.open.toLocaleString('en-US')}
        note={trends.total > 0 ? `${Math.round((trends.open / trends.total) * 100)}% of the window` : '—'}
        testId="trends-open"
      />
      <Stat
        label="Resolved"
        value={trends.resolved.toLocaleString('en-US')}
        note={trends.total > 0 ? `${Math.round((trends.resolved / trends.total) * 100)}% of the window` : '—'}
        testId="trends-resolved"
      />
      <Stat
        label="Mean time to resolve"
        value={
          trends.mean_time_to_resolve_hours === null ? '—' : formatDuration(trends.mean_time_to_resolve_hours)
        }
        note={
          trends.mean_time_to_resolve_hours === null
            ? 'nothing resolved in this window'
            : `over ${plural(measured, 'resolved incident')}`
        }
        testId="trends-mttr"
      />
    </SimpleGrid>
  )
}
