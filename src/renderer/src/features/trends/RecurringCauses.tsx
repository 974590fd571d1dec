import { Anchor, Badge, Group, Table, Text } from '@mantine/core'
import type { Trends } from '../../../../shared/analysis'
import { Count, Empty, Section } from '../../components/Section'
import { humanize } from '../../lib/format'
import { hrefOf } from '../../lib/router'

const SHOWN_IDS = 4

/** Root causes seen more than once in the window (grouped as in the vote), most frequent first. */
export function RecurringCauses({ trends }: { trends: Trends }) {
  const causes = trends.recurring_causes
  return (
    <Section title="Recurring root causes" testId="trends-recurring" aside={<Count value={causes.length} />}>
      {causes.length === 0 ? (
        <Empty>No root cause came back twice in this window.</Empty>
      ) : (
        <Table fz="xs" verticalSpacing={5} horizontalSpacing={6} withRowBorders highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th ta="right" w={44}>
                Seen
              </Table.Th>
              <Table.Th>Root cause</Table.Th>
              <Table.Th w="34%">Incidents</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {causes.map((cause) => (
              <Table.Tr key={cause.root_cause} data-testid="recurring-cause">
                <Table.Td ta="right">
                  <Badge size="sm" variant="light" color="orange">
                    {cause.count}×
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" lineClamp={2} title={cause.root_cause}>
                    {cause.root_cause}
                  </Text>
                  <Text size="11px" c="dimmed">
                    {cause.categories.map(humanize).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {cause.incidents.slice(0, SHOWN_IDS).map((id) => (
                      <Anchor key={id} href={hrefOf({ page: 'incident', id })} size="xs" ff="monospace">
                        {id}
                      </Anchor>
                    ))}
                    {cause.incidents.length > SHOWN_IDS && (
                      <Text span size="xs" c="dimmed">
                        +{cause.incidents.length - SHOWN_IDS} more
                      </Text>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  )
}
