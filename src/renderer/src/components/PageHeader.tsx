import type { ReactNode } from 'react'
import { Group, Title } from '@mantine/core'

/** The bar at the top of every screen: a title, what it is about, and its actions. */
export function PageHeader({
  title,
  children,
  actions
}: {
  title: ReactNode
  children?: ReactNode
  actions?: ReactNode
}) {
  return (
    <Group className="nm-page-header" justify="space-between" wrap="nowrap" gap="sm" px="md" h={44}>
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Title order={1} size="h5" style={{ whiteSpace: 'nowrap' }}>
          {title}
        </Title>
        {children}
      </Group>
      {actions && (
        <Group gap={6} wrap="nowrap">
          {actions}
        </Group>
      )}
    </Group>
  )
}
