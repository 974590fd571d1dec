import type { ReactNode } from 'react'
import { Paper, Stack, Text, Title } from '@mantine/core'

/** One half of the Backup screen: a title, what it does, then its controls. */
export function BackupPanel({
  title,
  description,
  children
}: {
  title: string
  description: string
  children: ReactNode
}) {
  return (
    <Paper withBorder p="md" h="100%">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h6">
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  )
}
