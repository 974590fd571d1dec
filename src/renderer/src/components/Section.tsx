import type { ReactNode } from 'react'
import { Badge, Group, Paper, Text } from '@mantine/core'

/** A titled panel of the detail view; `aside` sits at the right of the title (counts, buttons). */
export function Section({
  title,
  aside,
  children,
  testId
}: {
  title: string
  aside?: ReactNode
  children: ReactNode
  testId?: string
}) {
  return (
    <Paper
      withBorder
      radius="sm"
      className="nm-section"
      data-testid={testId}
      component="section"
      aria-label={title}
    >
      <Group justify="space-between" gap="xs" px="sm" h={30} className="nm-section-title" wrap="nowrap">
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts={0.4}>
          {title}
        </Text>
        {aside}
      </Group>
      <div className="nm-section-body">{children}</div>
    </Paper>
  )
}

/** The quiet line a section shows when its field is empty. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" fs="italic">
      {children}
    </Text>
  )
}

/** How many entries a section holds, for its `aside`. */
export function Count({ value }: { value: number }) {
  return (
    <Badge size="xs" variant="default">
      {value}
    </Badge>
  )
}

/** A section of a list field: its count beside the title, `empty` in place of no entries. */
export function ListSection({
  title,
  testId,
  count,
  empty,
  children
}: {
  title: string
  testId: string
  count: number
  empty: string
  children: ReactNode
}) {
  return (
    <Section title={title} testId={testId} aside={<Count value={count} />}>
      {count === 0 ? <Empty>{empty}</Empty> : children}
    </Section>
  )
}
