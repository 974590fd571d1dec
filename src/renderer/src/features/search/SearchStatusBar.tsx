import { Group, Text, Tooltip } from '@mantine/core'
import { Shortcut } from '../../components/Shortcut'
import { plural } from '../../lib/format'
import { useCall } from '../../lib/useCall'

/** The keys of the screen, and the embedding model the meaning search runs on. */
export function SearchStatusBar() {
  const { data: model } = useCall('model.status', {})
  const partial = model !== undefined && model.embedded < model.total
  return (
    <Group gap="md" px="md" h={26} className="nm-status-bar" wrap="nowrap" justify="space-between">
      <Group gap="md" wrap="nowrap">
        <Shortcut keys={['Enter']} label="search" />
        <Shortcut keys={['↓']} label="to results" />
        <Shortcut keys={['j', 'k']} label="move" />
        <Shortcut keys={['Enter']} label="open" />
        <Shortcut keys={['/']} label="edit query" />
      </Group>
      {model && (
        <Tooltip label={`Embedding model ${model.id} (${model.source}, ${model.dimension} dimensions)`}>
          <Text size="xs" c={partial ? 'orange' : 'dimmed'} truncate="end" data-testid="model-status">
            meaning search: {model.embedded.toLocaleString('en-US')} of {plural(model.total, 'incident')}{' '}
            embedded
          </Text>
        </Tooltip>
      )}
    </Group>
  )
}
