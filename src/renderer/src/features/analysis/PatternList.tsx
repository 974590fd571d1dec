import { Badge, Group, Text } from '@mantine/core'
import type { Pattern, PatternKind } from '../../../../shared/analysis'

const KIND_LABEL: Record<PatternKind, string> = {
  root_cause: 'cause',
  validation_codes: 'validation',
  config_changes: 'change',
  devices: 'devices',
  category: 'category'
}

/** What the similar incidents have in common that backs the suggestion, strongest first. */
export function PatternList({ patterns }: { patterns: Pattern[] }) {
  return (
    <ul className="nm-analysis-patterns" data-testid="analysis-patterns">
      {patterns.map((pattern) => (
        <li key={`${pattern.kind}:${pattern.text}`} data-testid="analysis-pattern">
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Badge size="xs" variant="outline" color="gray" tt="none" w={72} style={{ flex: 'none' }}>
              {KIND_LABEL[pattern.kind]}
            </Badge>
            <Text size="xs" lh={1.4}>
              {pattern.text}
            </Text>
          </Group>
        </li>
      ))}
    </ul>
  )
}
