import { useState } from 'react'
import { Modal, Text, Textarea } from '@mantine/core'
import type { Incident } from '../../../../shared/incident'
import { ActionForm, FormActions } from '../../components/ActionForm'
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
    <ActionForm onSubmit={submit} ctrlEnter>
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
      <FormActions
        onCancel={onClose}
        busy={busy}
        color="teal"
        hint={
          <Text size="xs" c="dimmed">
            Ctrl+Enter to resolve
          </Text>
        }
      >
        Resolve incident
      </FormActions>
    </ActionForm>
  )
}

export function ResolveModal({ incident, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Resolve ${incident.id}`}>
      <ResolveForm incident={incident} onClose={onClose} />
    </Modal>
  )
}
