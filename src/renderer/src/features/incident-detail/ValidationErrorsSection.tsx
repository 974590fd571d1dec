import { Table } from '@mantine/core'
import { ListSection } from '../../components/Section'
import { ValueText } from './ValueText'
import { validationColumns } from './validationColumns'

export function ValidationErrorsSection({ errors }: { errors: Record<string, unknown>[] }) {
  const columns = validationColumns(errors)
  return (
    <ListSection
      title="Validation errors"
      testId="validation-errors"
      count={errors.length}
      empty="No validation errors were recorded."
    >
      <Table.ScrollContainer minWidth={400} type="native">
        <Table fz="xs" verticalSpacing={4} horizontalSpacing="xs" striped withRowBorders highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={28}>#</Table.Th>
              {columns.map((column) => (
                <Table.Th key={column}>{column}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((row, i) => (
              <Table.Tr key={i}>
                <Table.Td c="dimmed">{i + 1}</Table.Td>
                {columns.map((column) => (
                  <Table.Td key={column}>
                    <ValueText field={column} value={row[column]} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </ListSection>
  )
}
