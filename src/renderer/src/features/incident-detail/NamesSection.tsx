import { Badge, Group } from '@mantine/core'
import { ListSection } from '../../components/Section'

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
    <ListSection title={title} testId={testId} count={names.length} empty={empty}>
      <Group gap={4}>
        {names.map((name) => (
          <Badge key={name} variant="default" tt="none" fw={500} className={mono ? 'nm-mono' : undefined}>
            {name}
          </Badge>
        ))}
      </Group>
    </ListSection>
  )
}
