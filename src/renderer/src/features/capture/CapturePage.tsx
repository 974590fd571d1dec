import { useState } from 'react'
import { Autocomplete, Group, Input, Paper, SegmentedControl, TagsInput, Text, Textarea } from '@mantine/core'
import { IconDeviceFloppy } from '@tabler/icons-react'
import { SEVERITIES, type Severity } from '../../../../shared/incident'
import { ActionForm, FormActions } from '../../components/ActionForm'
import { PageHeader } from '../../components/PageHeader'
import { Shortcut } from '../../components/Shortcut'
import { mutate } from '../../lib/api'
import { notifySuccess } from '../../lib/notify'
import { navigate } from '../../lib/router'
import { useAction } from '../../lib/useAction'
import { useCall } from '../../lib/useCall'
import { categoryOptions } from '../../lib/categoryOptions'
import { select } from '../incidents/listState'
import { OpenOnDevices } from './OpenOnDevices'
import { INITIAL_VALUES, checkCapture, type CaptureErrors, type CaptureValues } from './captureForm'

const EXAMPLE =
  '[{"code": "BGP_NEIGHBOR_DOWN", "severity": "error", "message": "...", "devices": ["edge-1"]}]'

export function CapturePage() {
  const [values, setValues] = useState<CaptureValues>(INITIAL_VALUES)
  const [errors, setErrors] = useState<CaptureErrors>({})
  const { data: facets } = useCall('incidents.facets', {})
  const { run, busy } = useAction(mutate<'incidents.capture'>, 'Could not capture the incident')

  const set = <K extends keyof CaptureValues>(key: K, value: CaptureValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }))
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }))
  }

  const submit = async () => {
    const checked = checkCapture(values)
    setErrors(checked.errors)
    if (!checked.input) return
    const incident = await run('incidents.capture', checked.input)
    if (!incident) return
    notifySuccess(`Captured ${incident.id}.`)
    select(incident.id)
    navigate({ page: 'incident', id: incident.id })
  }

  return (
    <div className="nm-page">
      <PageHeader title="Capture an incident">
        <Text size="xs" c="dimmed">
          Record a failure while it is in front of you; resolve it later.
        </Text>
      </PageHeader>
      <div className="nm-scroll-body">
        <div className="nm-capture-grid">
          <Paper withBorder p="md">
            <ActionForm onSubmit={submit} ctrlEnter label="Capture an incident">
              <Textarea
                label="Description"
                description="What happened, in your words: symptom, scope, what you were deploying."
                required
                autosize
                minRows={3}
                maxRows={12}
                autoFocus
                value={values.description}
                onChange={(event) => set('description', event.currentTarget.value)}
                error={errors.description}
              />
              <Group grow align="flex-start">
                <Input.Wrapper label="Severity" id="capture-severity">
                  <SegmentedControl
                    aria-label="Severity"
                    fullWidth
                    data={[...SEVERITIES]}
                    value={values.severity}
                    onChange={(value) => set('severity', value as Severity)}
                  />
                </Input.Wrapper>
                <Autocomplete
                  label="Category"
                  placeholder="deployment_failure, config_error, … or your own"
                  data={categoryOptions(facets?.categories)}
                  value={values.category}
                  onChange={(value) => set('category', value)}
                  error={errors.category}
                />
              </Group>
              <TagsInput
                label="Affected devices"
                description="Host names; Enter or comma after each."
                placeholder="core-rtr-01"
                data={facets?.devices.map((d) => d.value) ?? []}
                limit={50}
                splitChars={[',', ' ']}
                clearable
                value={values.affected_devices}
                onChange={(devices) => set('affected_devices', devices)}
              />
              <TagsInput
                label="Tags"
                placeholder="Optional"
                clearable
                value={values.tags}
                onChange={(tags) => set('tags', tags)}
              />
              <Textarea
                label="Validation errors"
                description="Optional: the pre-flight findings as a JSON array of objects."
                placeholder={EXAMPLE}
                autosize
                minRows={3}
                maxRows={14}
                classNames={{ input: 'nm-mono' }}
                value={values.validation_errors}
                onChange={(event) => set('validation_errors', event.currentTarget.value)}
                onBlur={() =>
                  setErrors((e) => ({
                    ...e,
                    validation_errors: checkCapture(values).errors.validation_errors
                  }))
                }
                error={errors.validation_errors}
              />
              <FormActions
                onCancel={() => navigate({ page: 'incidents' })}
                busy={busy}
                leftSection={<IconDeviceFloppy size={14} />}
                hint={<Shortcut keys={['Ctrl', 'Enter']} label="capture" />}
              >
                Capture incident
              </FormActions>
            </ActionForm>
          </Paper>
          <OpenOnDevices devices={values.affected_devices} />
        </div>
      </div>
    </div>
  )
}
