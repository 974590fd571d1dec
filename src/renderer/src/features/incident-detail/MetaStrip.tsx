import { Group, Text } from '@mantine/core'
import type { Incident } from '../../../../shared/incident'
import { formatTimeLong } from '../../lib/format'

function Meta({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="10px" tt="uppercase" fw={700} c="dimmed" lts={0.4}>
        {label}
      </Text>
      <Text size="xs" className="nm-mono" data-testid={testId}>
        {value}
      </Text>
    </div>
  )
}

/** The facts of an incident in one line, under its title. */
export function MetaStrip({ incident }: { incident: Incident }) {
  return (
    <Group gap="xl" px="md" py={6} className="nm-meta-strip" wrap="wrap">
      <Meta label="Time" value={formatTimeLong(incident.timestamp)} testId="detail-timestamp" />
      <Meta label="Resolved" value={formatTimeLong(incident.resolved_at)} testId="detail-resolved-at" />
      <Meta label="Category" value={incident.category} testId="detail-category" />
      <Meta label="Devices" value={String(incident.affected_devices.length)} />
      <Meta label="Validation errors" value={String(incident.validation_errors.length)} />
      <Meta label="Config changes" value={String(incident.config_changes.length)} />
    </Group>
  )
}
