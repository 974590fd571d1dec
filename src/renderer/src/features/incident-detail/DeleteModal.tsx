import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import type { Incident } from '../../../../shared/incident'
import { mutate } from '../../lib/api'
import { notifySuccess } from '../../lib/notify'
import { useAction } from '../../lib/useAction'

interface Props {
  incident: Incident
  opened: boolean
  onClose: () => void
  onDeleted: () => void
}

export function DeleteModal({ incident, opened, onClose, onDeleted }: Props) {
  const { run, busy } = useAction(
    () => mutate('incidents.delete', { id: incident.id }),
    'Could not delete the incident'
  )
  const confirm = async () => {
    if (await run()) {
      notifySuccess(`${incident.id} was deleted.`)
      onDeleted()
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title="Delete incident?" size="md">
      <Stack gap="sm">
        <Text size="sm">
          Delete <b className="nm-mono">{incident.id}</b> and everything recorded with it? This cannot be
          undone; export a backup first if you may want it back.
        </Text>
        <Group justify="flex-end" gap={6}>
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()} data-testid="confirm-delete">
            Delete incident
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
