import { useState } from 'react'
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import type { Incident } from '../../../../shared/incident'
import { mutate } from '../../lib/api'
import { notifySuccess } from '../../lib/notify'
import { useAction } from '../../lib/useAction'

interface Props {
  incident: Incident
  opened: boolean
  onClose: () => void
}

function ResolveForm({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const [rootCause, setRootCause] = useState(incident.root_cause ?? '')
  const [resolution, setResolution] = useState(incident.resolution ?? '')
  const [touched, setTouched] = useState(false)
  const missing = rootCause.trim() === ''
  const { run, busy } = useAction(
    () =>
      mutate('incidents.resolve', {
        id: incident.id,
        root_cause: rootCause,
        resolution: resolution.trim() || null
      }),
    'Could not resolve the incident'
  )

  const submit = async () => {
    setTouched(true)
    if (missing) return
    if (await run()) {
      notifySuccess(`${incident.id} is resolved.`)
      onClose()
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit()
      }}
    >
      <Stack gap="sm">
        <Textarea
          label="Root cause"
          description="What actually went wrong; the next engineer will search for this."
          required
          autosize
          minRows={3}
          maxRows={10}
          data-autofocus
          value={rootCause}
          onChange={(event) => setRootCause(event.currentTarget.value)}
          onBlur={() => setTouched(true)}
          error={touched && missing ? 'A root cause is required' : undefined}
        />
        <Textarea
          label="Resolution"
          description="Optional: what fixed it."
          autosize
          minRows={2}
          maxRows={8}
          value={resolution}
          onChange={(event) => setResolution(event.currentTarget.value)}
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Ctrl+Enter to resolve
          </Text>
          <Group gap={6}>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="teal" loading={busy}>
              Resolve incident
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  )
}

export function ResolveModal({ incident, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Resolve ${incident.id}`}>
      <ResolveForm incident={incident} onClose={onClose} />
    </Modal>
  )
}
