import { Badge, Group } from '@mantine/core'
import { Empty, Section } from '../../components/Section'

/** A list of names (affected devices, tags) as badges. */
export function NamesSection({
  title,
  names,
  empty,
  testId,
  mono = false
}: {
  title: string
  names: string[]
  empty: string
  testId: string
  mono?: boolean
}) {
  return (
    <Section
      title={title}
      testId={testId}
      aside={
        <Badge size="xs" variant="default">
          {names.length}
        </Badge>
      }
    >
      {names.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <Group gap={4}>
          {names.map((name) => (
            <Badge key={name} variant="default" tt="none" fw={500} className={mono ? 'nm-mono' : undefined}>
              {name}
            </Badge>
          ))}
        </Group>
      )}
    </Section>
  )
}
