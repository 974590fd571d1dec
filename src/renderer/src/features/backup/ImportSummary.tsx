import { Group, Paper, Text } from '@mantine/core'
import type { ImportReport } from '../../../../shared/api'

const TONES = { added: 'teal', updated: 'blue', skipped: 'gray', failed: 'red' } as const

function Count({ label, value }: { label: keyof typeof TONES; value: number }) {
  return (
    <Paper withBorder px="sm" py={6} miw={96} data-testid={`import-${label}`}>
      <Text size="10px" tt="uppercase" fw={700} c="dimmed" lts={0.4}>
        {label}
      </Text>
      <Text size="lg" fw={700} c={value > 0 ? TONES[label] : 'dimmed'} className="nm-mono">
        {value.toLocaleString('en-US')}
      </Text>
    </Paper>
  )
}

export function ImportSummary({ report }: { report: ImportReport }) {
  return (
    <Group gap="xs" data-testid="import-summary">
      <Count label="added" value={report.added} />
      <Count label="updated" value={report.updated} />
      <Count label="skipped" value={report.skipped} />
      <Count label="failed" value={report.failed} />
    </Group>
  )
}
