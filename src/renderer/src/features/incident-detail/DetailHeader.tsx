import { ActionIcon, Badge, Button, Group, Text, Title, Tooltip } from '@mantine/core'
import { IconArrowLeft, IconBraces, IconCircleCheck, IconPencil, IconTrash } from '@tabler/icons-react'
import { statusOf, type Incident } from '../../../../shared/incident'
import { SeverityBadge } from '../../components/SeverityBadge'
import { StatusBadge } from '../../components/StatusBadge'

interface Props {
  incident: Incident
  raw: boolean
  onBack: () => void
  backLabel: string
  onToggleRaw: () => void
  onResolve: () => void
  onEdit: () => void
  onDelete: () => void
}

export function DetailHeader({
  incident,
  raw,
  onBack,
  backLabel,
  onToggleRaw,
  onResolve,
  onEdit,
  onDelete
}: Props) {
  const status = statusOf(incident)
  return (
    <Group className="nm-page-header" justify="space-between" wrap="nowrap" gap="sm" px="md" h={44}>
      <Group gap="xs" wrap="nowrap" miw={0}>
        <Tooltip label={`${backLabel} (Esc)`}>
          <ActionIcon aria-label={backLabel} onClick={onBack} color="gray">
            <IconArrowLeft size={16} />
          </ActionIcon>
        </Tooltip>
        <Title
          order={1}
          size="h5"
          className="nm-mono"
          data-testid="detail-id"
          style={{ whiteSpace: 'nowrap' }}
        >
          {incident.id}
        </Title>
        <SeverityBadge severity={incident.severity} data-testid="detail-severity" style={{ flex: 'none' }} />
        <StatusBadge status={status} data-testid="detail-status" style={{ flex: 'none' }} />
        <Badge variant="outline" color="gray" tt="none" style={{ flex: 'none' }}>
          {incident.category}
        </Badge>
        <Text size="xs" c="dimmed" truncate="end" visibleFrom="xl">
          {incident.description}
        </Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <Button
          variant={raw ? 'filled' : 'default'}
          aria-pressed={raw}
          leftSection={<IconBraces size={14} />}
          onClick={onToggleRaw}
        >
          Raw JSON
        </Button>
        {status === 'open' && (
          <Button color="teal" leftSection={<IconCircleCheck size={14} />} onClick={onResolve}>
            Resolve
          </Button>
        )}
        <Button variant="default" leftSection={<IconPencil size={14} />} onClick={onEdit}>
          Edit
        </Button>
        <Button variant="light" color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
          Delete
        </Button>
      </Group>
    </Group>
  )
}
