import { Table } from '@mantine/core'
import { Section } from '../../components/Section'
import { JsonTree } from './JsonTree'

export function OtherFieldsSection({ fields }: { fields: [string, unknown][] }) {
  if (fields.length === 0) return null
  return (
    <Section title="Other fields" testId="other-fields">
      <Table fz="xs" verticalSpacing={4} horizontalSpacing="xs" withRowBorders>
        <Table.Tbody>
          {fields.map(([key, value]) => (
            <Table.Tr key={key}>
              <Table.Th w="30%" className="nm-mono">
                {key}
              </Table.Th>
              <Table.Td>
                {value !== null && typeof value === 'object' ? (
                  <JsonTree value={value} openDepth={1} label={key} />
                ) : (
                  <span className="nm-mono">{JSON.stringify(value)}</span>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  )
}
