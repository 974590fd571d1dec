import { Accordion, Badge, Group, Table, Text } from '@mantine/core'
import type { Finding } from '../../../../shared/networkModel'
import { colorOfLevel } from '../../lib/colors'
import { plural } from '../../lib/format'
import { CopyAction } from '../incident-detail/CopyAction'
import type { FindingGroup } from './groupFindings'

const DEVICES_IN_TITLE = 4

function DeviceBadges({ devices }: { devices: string[] }) {
  if (devices.length === 0) {
    return (
      <Text span size="xs" c="dimmed">
        —
      </Text>
    )
  }
  return (
    <Group gap={4}>
      {devices.map((device) => (
        <Badge key={device} variant="default" tt="none" fw={500} size="sm" className="nm-mono">
          {device}
        </Badge>
      ))}
    </Group>
  )
}

function FindingRow({ finding }: { finding: Finding }) {
  return (
    <Table.Tr data-testid="finding-row">
      <Table.Td>{finding.message}</Table.Td>
      <Table.Td data-testid="finding-devices">
        <DeviceBadges devices={finding.devices} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Text span size="xs" ff="monospace" data-testid="finding-path">
            {finding.path || '/'}
          </Text>
          <CopyAction value={finding.path} label="Copy JSON pointer" />
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}

function GroupTitle({ group }: { group: FindingGroup }) {
  const shown = group.devices.slice(0, DEVICES_IN_TITLE)
  const more = group.devices.length - shown.length
  return (
    <Group gap="sm" wrap="nowrap" miw={0}>
      <Text size="sm" fw={700} ff="monospace">
        {group.code}
      </Text>
      <Badge size="xs" variant="light" color={colorOfLevel(group.severity)}>
        {group.severity}
      </Badge>
      <Badge size="xs" variant="default" data-testid="finding-count">
        {group.findings.length}
      </Badge>
      <Text size="xs" c="dimmed" ff="monospace" truncate="end" miw={0}>
        {shown.join(', ')}
        {more > 0 ? ` +${more}` : ''}
      </Text>
    </Group>
  )
}

/** The findings grouped by code, every group open: message, devices, and where in the model. */
export function FindingGroups({ groups }: { groups: FindingGroup[] }) {
  return (
    <Accordion
      multiple
      variant="contained"
      radius="sm"
      chevronPosition="left"
      defaultValue={groups.map((g) => `${g.severity}:${g.code}`)}
      data-testid="finding-groups"
      classNames={{ item: 'nm-finding-item', control: 'nm-finding-control', content: 'nm-finding-content' }}
    >
      {groups.map((group) => (
        <Accordion.Item
          key={`${group.severity}:${group.code}`}
          value={`${group.severity}:${group.code}`}
          data-testid={`finding-group-${group.code}`}
        >
          <Accordion.Control aria-label={`${group.code}: ${plural(group.findings.length, group.severity)}`}>
            <GroupTitle group={group} />
          </Accordion.Control>
          <Accordion.Panel>
            <Table fz="xs" verticalSpacing={5} horizontalSpacing="sm" withRowBorders highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Message</Table.Th>
                  <Table.Th w="32%">Devices</Table.Th>
                  <Table.Th w={190}>Path (JSON pointer)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.findings.map((finding, i) => (
                  <FindingRow key={`${finding.path}:${i}`} finding={finding} />
                ))}
              </Table.Tbody>
            </Table>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  )
}
