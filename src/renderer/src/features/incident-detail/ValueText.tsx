import { Badge, Group, Text } from '@mantine/core'
import { colorOfLevel } from '../../lib/colors'

/** One field of a free-form object as text: lists of names as badges, objects as JSON. */
export function ValueText({ field, value }: { field: string; value: unknown }) {
  if (value === null || value === undefined) {
    return (
      <Text span size="xs" c="dimmed">
        —
      </Text>
    )
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return (
      <Group gap={4}>
        {value.map((item, i) => (
          <Badge key={`${item}-${i}`} size="xs" variant="outline" color="gray" tt="none" className="nm-mono">
            {item}
          </Badge>
        ))}
      </Group>
    )
  }
  if (typeof value === 'string' && (field === 'severity' || field === 'level' || field === 'type')) {
    return (
      <Badge size="xs" variant="light" color={colorOfLevel(value)} tt="none">
        {value}
      </Badge>
    )
  }
  if (typeof value === 'object') {
    return <code className="nm-inline-json">{JSON.stringify(value)}</code>
  }
  return <span className={field === 'code' ? 'nm-mono' : undefined}>{String(value)}</span>
}
