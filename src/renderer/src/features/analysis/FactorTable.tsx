import { Progress, Table, Text, Tooltip } from '@mantine/core'
import type { ConfidenceFactor, ConfidenceLevel } from '../../../../shared/analysis'
import { FACTOR_LABEL, LEVEL_COLOR, formatConfidence } from './confidence'

const HINT: Record<ConfidenceFactor['name'], string> = {
  similar: 'Incidents whose fused search score reaches the similarity threshold.',
  resolved: 'Similar incidents resolved with a written root cause: they vote for the suggestion.',
  patterns: 'What the similar incidents share that singles out the suggestion.'
}

/** How the confidence adds up: each factor's count, how far it is to full, and what it adds. */
export function FactorTable({
  factors,
  confidence,
  level
}: {
  factors: ConfidenceFactor[]
  confidence: number
  level: ConfidenceLevel
}) {
  return (
    <Table
      fz="xs"
      verticalSpacing={3}
      horizontalSpacing={6}
      withRowBorders
      data-testid="analysis-factors"
      className="nm-analysis-factors"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Factor</Table.Th>
          <Table.Th ta="right">Count</Table.Th>
          <Table.Th w="36%">Contribution</Table.Th>
          <Table.Th ta="right">Adds</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {factors.map((factor) => (
          <Table.Tr key={factor.name} data-testid={`analysis-factor-${factor.name}`}>
            <Table.Td>
              <Tooltip label={HINT[factor.name]} multiline w={260}>
                <Text span size="xs" style={{ whiteSpace: 'nowrap' }}>
                  {FACTOR_LABEL[factor.name]}
                </Text>
              </Tooltip>
            </Table.Td>
            <Table.Td ta="right" ff="monospace" data-testid="factor-count">
              {factor.count}/{factor.full_at}
            </Table.Td>
            <Table.Td>
              <Progress
                value={factor.weight > 0 ? (factor.value / factor.weight) * 100 : 0}
                color={LEVEL_COLOR[level]}
                size={6}
                radius="xl"
                aria-label={`${FACTOR_LABEL[factor.name]}: ${factor.value} of ${factor.weight}`}
              />
            </Table.Td>
            <Table.Td ta="right" ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="factor-value">
              {formatConfidence(factor.value)}
              <Text span size="xs" c="dimmed" ff="monospace">
                {' '}
                of {factor.weight}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th colSpan={3}>Confidence</Table.Th>
          <Table.Th ta="right" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            {formatConfidence(confidence)}
            <Text span size="xs" c="dimmed" ff="monospace">
              {' '}
              of 1
            </Text>
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  )
}
