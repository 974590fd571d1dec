import type { ReactNode } from 'react'
import { Group, Paper, Text } from '@mantine/core'

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
