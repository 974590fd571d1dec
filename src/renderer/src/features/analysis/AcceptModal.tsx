import { useState } from 'react'
import { Group, Modal, Text, Textarea } from '@mantine/core'
import type { Analysis } from '../../../../shared/analysis'
import { ActionForm, FormActions } from '../../components/ActionForm'
import { mutate } from '../../lib/api'
import { notifySuccess } from '../../lib/notify'
import { useAction } from '../../lib/useAction'
import { ConfidenceBadge } from './ConfidenceBadge'
import { LEVEL_ADVICE } from './confidence'

interface Props {
  incidentId: string
  analysis: Analysis
  opened: boolean
  onClose: () => void
}

function AcceptForm({ incidentId, analysis, onClose }: Omit<Props, 'opened'>) {
  const [rootCause, setRootCause] = useState(analysis.suggested_cause ?? '')
  const missing = rootCause.trim() === ''
  const { run, busy } = useAction(
    () => mutate('incidents.resolve', { id: incidentId, root_cause: rootCause.trim() }),
    'Could not resolve the incident'
  )

  const submit = async () => {
    if (missing) return
    if (await run()) {
      notifySuccess(`${incidentId} is resolved with the suggested root cause.`)
      onClose()
    }
  }

  return (
    <ActionForm onSubmit={submit} ctrlEnter label="Accept as root cause">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ConfidenceBadge level={analysis.confidence_level} confidence={analysis.confidence} />
        <Text size="xs" c="dimmed">
          {LEVEL_ADVICE[analysis.confidence_level]} The incident is resolved with this root cause; edit it
          first if it needs to say more.
        </Text>
      </Group>
      <Textarea
        label="Root cause"
        required
        autosize
        minRows={3}
        maxRows={10}
        data-autofocus
        data-testid="accept-root-cause"
        value={rootCause}
        onChange={(event) => setRootCause(event.currentTarget.value)}
        error={missing ? 'A root cause is required' : undefined}
      />
      <FormActions
        onCancel={onClose}
        busy={busy}
        color="teal"
        hint={
          <Text size="xs" c="dimmed">
            Ctrl+Enter to accept
          </Text>
        }
      >
        Accept and resolve
      </FormActions>
    </ActionForm>
  )
}

/** The confirm of "Accept as root cause": the suggested cause, editable, resolves the incident. */
export function AcceptModal({ incidentId, analysis, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Accept the suggested root cause of ${incidentId}`}>
      <AcceptForm incidentId={incidentId} analysis={analysis} onClose={onClose} />
    </Modal>
  )
}
