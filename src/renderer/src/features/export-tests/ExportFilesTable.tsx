import { Badge, ScrollArea, Table, Text } from '@mantine/core'
import type { ExportedFile, PlannedFile } from '../../../../shared/testgen'
import { ACTIONS } from './exportActions'

const KIND_LABEL: Record<PlannedFile['kind'], string> = {
  pytest: 'pytest',
  pyats: 'pyATS',
  helper: 'helper',
  conftest: 'conftest'
}

/**
 * The files of an export, one row each: the file, its incident, what will happen (a preview) or
 * what happened (a result), and why.
 */
export function ExportFilesTable({
  files,
  done = false,
  testId
}: {
  files: readonly (PlannedFile | ExportedFile)[]
  done?: boolean
  testId: string
}) {
  return (
    <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
      <Table striped withTableBorder stickyHeader fz="xs" verticalSpacing={4} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Incident</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>{done ? 'Done' : 'What will happen'}</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((file) => {
            const action = ACTIONS[file.action]
            return (
              <Table.Tr
                key={file.path}
                data-testid={`export-file-${file.relative}`}
                data-action={file.action}
                data-status={'status' in file ? file.status : undefined}
              >
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {file.relative}
                </Table.Td>
                <Table.Td ff="monospace">
                  {file.incident_id ?? (
                    <Text span size="xs" c="dimmed">
                      shared
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{KIND_LABEL[file.kind]}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge size="xs" variant="light" color={action.color} data-testid="export-action">
                    {done ? action.did : action.will}
                  </Badge>
                </Table.Td>
                <Table.Td c="dimmed">{file.reason}</Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  )
}
