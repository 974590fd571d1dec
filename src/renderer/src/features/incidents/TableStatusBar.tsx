import { Group } from '@mantine/core'
import { Shortcut } from '../../components/Shortcut'

export function TableStatusBar() {
  return (
    <Group gap="md" px="md" h={26} className="nm-status-bar" wrap="nowrap">
      <Shortcut keys={['↑', '↓']} label="or" />
      <Shortcut keys={['j', 'k']} label="move" />
      <Shortcut keys={['Enter']} label="open" />
      <Shortcut keys={['/']} label="filter" />
      <Shortcut keys={['n']} label="capture" />
      <Shortcut keys={['Home', 'End']} label="first / last" />
    </Group>
  )
}
