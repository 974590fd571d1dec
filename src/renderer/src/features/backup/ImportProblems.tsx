import { Alert, ScrollArea, Table, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { ImportReport } from '../../../../shared/api'
import { plural } from '../../lib/format'

/** A refused import: every bad record, where and why, and the promise that nothing changed. */
const titleOf = (failed: number): string =>
  `Import refused: ${plural(failed, 'record')} ${failed === 1 ? 'is' : 'are'} invalid`

export function ImportProblems({ report }: { report: ImportReport }) {
  const listed = report.errors.length
  return (
    <>
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={16} />}
        title={titleOf(report.failed)}
        data-testid="import-refused"
      >
        Nothing was written: the database is exactly as it was. Fix the records below in the file and import
        it again.
      </Alert>
      <ScrollArea.Autosize mah={480} type="auto">
        <Table
          fz="xs"
          verticalSpacing={4}
          horizontalSpacing="sm"
          withTableBorder
          withColumnBorders
          stickyHeader
          highlightOnHover
          data-testid="import-errors"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>Record</Table.Th>
              <Table.Th w={220}>ID</Table.Th>
              <Table.Th w={170}>Field</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.errors.map((problem, i) => (
              <Table.Tr key={i} data-testid="import-error-row">
                <Table.Td className="nm-mono">{problem.index ?? '—'}</Table.Td>
                <Table.Td className="nm-mono">{problem.id ?? '—'}</Table.Td>
                <Table.Td className="nm-mono">{problem.field}</Table.Td>
                <Table.Td>{problem.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {report.more_errors ? (
        <Text size="xs" c="dimmed">
          … and {plural(report.more_errors, 'more problem')} not listed (the first {listed} are shown).
        </Text>
      ) : null}
    </>
  )
}
