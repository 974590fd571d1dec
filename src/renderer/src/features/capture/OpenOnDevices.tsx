import { Anchor, Group, Paper, Stack, Text } from '@mantine/core'
import { SeverityBadge } from '../../components/SeverityBadge'
import { formatTime } from '../../lib/format'
import { hrefOf } from '../../lib/router'
import { useCall } from '../../lib/useCall'

const SHOWN = 8

/**
 * Open incidents on the first device being captured: the failure may already be recorded,
 * or be the same story as one still open.
 */
export function OpenOnDevices({ devices }: { devices: string[] }) {
  const device = devices[0]
  const { data } = useCall(
    'incidents.list',
    { device: device ?? '-', status: 'open', limit: SHOWN, sort: 'timestamp', direction: 'desc' },
    device !== undefined
  )
  return (
    <Paper withBorder p="sm" data-testid="open-on-devices">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts={0.4} mb={6}>
        Open on {device ?? 'these devices'}
      </Text>
      {!device || !data ? (
        <Text size="xs" c="dimmed">
          Add an affected device to see the incidents still open on it.
        </Text>
      ) : data.items.length === 0 ? (
        <Text size="xs" c="dimmed">
          Nothing open on {device}.
        </Text>
      ) : (
        <Stack gap={6}>
          {data.items.map((incident) => (
            <div key={incident.id}>
              <Group gap={6} wrap="nowrap">
                <SeverityBadge severity={incident.severity} size="xs" />
                <Anchor href={hrefOf({ page: 'incident', id: incident.id })} size="xs" className="nm-mono">
                  {incident.id}
                </Anchor>
                <Text size="xs" c="dimmed" className="nm-mono">
                  {formatTime(incident.timestamp)}
                </Text>
              </Group>
              <Text size="xs" truncate="end">
                {incident.description}
              </Text>
            </div>
          ))}
          {data.total > SHOWN && (
            <Text size="xs" c="dimmed">
              and {data.total - SHOWN} more
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  )
}
