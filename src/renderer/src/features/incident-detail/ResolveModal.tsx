import { useState, type ReactNode } from 'react'
import { Modal, Text, Textarea } from '@mantine/core'
import type { Incident } from '../../../../shared/incident'
import { ActionForm, FormActions } from '../../components/ActionForm'
import { mutate } from '../../lib/api'
import { notifySuccess } from '../../lib/notify'
import { useAction } from '../../lib/useAction'

/** A suggested root cause to accept (the analysis panel's "Accept as root cause"). */
export interface Suggestion {
  rootCause: string
  /** Shown above the form: how sure the suggestion is. */
  intro: ReactNode
}

interface Props {
  incident: Incident
  opened: boolean
  onClose: () => void
  /** With a suggestion the form starts from it, and says it accepts rather than resolves. */
  suggestion?: Suggestion
}

/** What the dialog says when resolving by hand, and when accepting a suggested root cause. */
const WORDING = {
  resolve: {
    title: (id: string) => `Resolve ${id}`,
    form: undefined,
    rootCause: 'What actually went wrong; the next engineer will search for this.',
    hint: 'Ctrl+Enter to resolve',
    submit: 'Resolve incident',
    done: (id: string) => `${id} is resolved.`
  },
  accept: {
    title: (id: string) => `Accept the suggested root cause of ${id}`,
    form: 'Accept as root cause',
    rootCause: undefined,
    hint: 'Ctrl+Enter to accept',
    submit: 'Accept and resolve',
    done: (id: string) => `${id} is resolved with the suggested root cause.`
  }
}

function ResolveForm({ incident, onClose, suggestion }: Omit<Props, 'opened'>) {
  const words = WORDING[suggestion ? 'accept' : 'resolve']
  const [rootCause, setRootCause] = useState(suggestion?.rootCause ?? incident.root_cause ?? '')
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
      notifySuccess(words.done(incident.id))
      onClose()
    }
  }

  return (
    <ActionForm onSubmit={submit} ctrlEnter label={words.form}>
      {suggestion?.intro}
      <Textarea
        label="Root cause"
        description={words.rootCause}
        required
        autosize
        minRows={3}
        maxRows={10}
        data-autofocus
        data-testid="resolve-root-cause"
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
            {words.hint}
          </Text>
        }
      >
        {words.submit}
      </FormActions>
    </ActionForm>
  )
}

/** Resolves an incident: its root cause (required) and resolution; or accepts a suggested cause. */
export function ResolveModal({ incident, opened, onClose, suggestion }: Props) {
  const words = WORDING[suggestion ? 'accept' : 'resolve']
  return (
    <Modal opened={opened} onClose={onClose} title={words.title(incident.id)}>
      <ResolveForm incident={incident} onClose={onClose} suggestion={suggestion} />
    </Modal>
  )
}
