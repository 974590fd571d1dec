import type { ReactNode } from 'react'
import { Button, Stack, Text } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import type { Incident } from '../../../../shared/incident'
import { Empty, Section } from '../../components/Section'
import { formatTimeLong } from '../../lib/format'

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  )
}

export function ResolutionSection({ incident, onResolve }: { incident: Incident; onResolve: () => void }) {
  const resolved = Boolean(incident.resolved_at)
  return (
    <Section title="Root cause & resolution" testId="resolution">
      <Stack gap="xs">
        {incident.root_cause ? (
          <Field label="Root cause">{incident.root_cause}</Field>
        ) : (
          <Empty>No root cause yet.</Empty>
        )}
        {incident.resolution && <Field label="Resolution">{incident.resolution}</Field>}
        {resolved ? (
          <Field label="Resolved at">{formatTimeLong(incident.resolved_at)}</Field>
        ) : (
          <Button
            variant="light"
            color="teal"
            leftSection={<IconCircleCheck size={14} />}
            onClick={onResolve}
            style={{ alignSelf: 'flex-start' }}
          >
            Resolve…
          </Button>
        )}
      </Stack>
    </Section>
  )
}
