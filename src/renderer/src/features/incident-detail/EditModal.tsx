import { useState } from 'react'
import { Autocomplete, Group, Modal, Select, TagsInput, Textarea } from '@mantine/core'
import { SEVERITIES, type Incident, type Severity } from '../../../../shared/incident'
import { ActionForm, FormActions } from '../../components/ActionForm'
import { mutate } from '../../lib/api'
import { notifySuccess } from '../../lib/notify'
import { useAction } from '../../lib/useAction'
import { useCall } from '../../lib/useCall'
import { categoryOptions } from '../../lib/categoryOptions'
import { editPatch, editValuesOf, type EditValues } from './editPatch'

interface Props {
  incident: Incident
  opened: boolean
  onClose: () => void
}

function EditForm({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const [values, setValues] = useState<EditValues>(() => editValuesOf(incident))
  const { data: facets } = useCall('incidents.facets', {})
  const set = <K extends keyof EditValues>(key: K, value: EditValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }))
  const categoryMissing = values.category.trim() === ''
  const { run, busy } = useAction(
    () => mutate('incidents.update', { id: incident.id, patch: editPatch(incident, values) }),
    'Could not save the incident'
  )

  const submit = async () => {
    if (categoryMissing) return
    if (Object.keys(editPatch(incident, values)).length === 0) return onClose()
    if (await run()) {
      notifySuccess(`${incident.id} is saved.`)
      onClose()
    }
  }

  return (
    <ActionForm onSubmit={submit}>
      <Group grow align="flex-start">
        <Select
          label="Severity"
          data={[...SEVERITIES]}
          value={values.severity}
          onChange={(value) => value && set('severity', value as Severity)}
        />
        <Autocomplete
          label="Category"
          data={categoryOptions(facets?.categories)}
          value={values.category}
          onChange={(value) => set('category', value)}
          error={categoryMissing ? 'A category is required' : undefined}
        />
      </Group>
      <TagsInput
        label="Tags"
        placeholder="Type a tag, press Enter"
        value={values.tags}
        onChange={(tags) => set('tags', tags)}
        clearable
      />
      <Textarea
        label="Description"
        autosize
        minRows={3}
        maxRows={12}
        value={values.description}
        onChange={(event) => set('description', event.currentTarget.value)}
      />
      <FormActions onCancel={onClose} busy={busy}>
        Save changes
      </FormActions>
    </ActionForm>
  )
}

export function EditModal({ incident, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Edit ${incident.id}`}>
      <EditForm incident={incident} onClose={onClose} />
    </Modal>
  )
}
