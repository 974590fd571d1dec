import { Progress, Table, Text } from '@mantine/core'
import type { Trends } from '../../../../shared/analysis'
import { Empty, Section } from '../../components/Section'
import { humanize } from '../../lib/format'
import { formatDuration } from './chartData'

/** Mean time to resolve per category, slowest first, as figures and bars. */
export function ResolveTimes({ trends }: { trends: Trends }) {
  const rows = [...trends.mean_time_to_resolve_by_category].sort((a, b) => b.hours - a.hours)
  const slowest = rows[0]?.hours ?? 0
  return (
    <Section title="Mean time to resolve by category" testId="trends-mttr-by-category">
      {rows.length === 0 ? (
        <Empty>No incident of this window has been resolved yet.</Empty>
      ) : (
        <Table fz="xs" verticalSpacing={4} horizontalSpacing={6} withRowBorders highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Category</Table.Th>
              <Table.Th ta="right">Resolved</Table.Th>
              <Table.Th ta="right">Mean</Table.Th>
              <Table.Th w="38%" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.value} data-testid={`mttr-${row.value}`}>
                <Table.Td>
                  <Text span size="xs" title={row.value}>
                    {humanize(row.value)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {row.resolved}
                </Table.Td>
                <Table.Td ta="right" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {formatDuration(row.hours)}
                </Table.Td>
                <Table.Td>
                  <Progress
                    value={slowest > 0 ? (row.hours / slowest) * 100 : 0}
                    size={6}
                    radius="xl"
                    color="indigo"
                    aria-hidden
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  )
}
