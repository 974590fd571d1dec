import { Button, Center, Stack, Text } from '@mantine/core'
import { IconDatabaseImport, IconFilterOff, IconPlus } from '@tabler/icons-react'
import { navigate } from '../../lib/router'
import { clearFilters } from './listState'

/** What the table says when there is nothing to show, and the way out. */
export function EmptyTable({ filtered }: { filtered: boolean }) {
  return (
    <Center className="nm-empty" data-testid="incidents-empty">
      <Stack align="center" gap="xs">
        <Text size="sm" fw={600}>
          {filtered ? 'No incident matches these filters' : 'No incidents yet'}
        </Text>
        {filtered ? (
          <Button variant="light" leftSection={<IconFilterOff size={14} />} onClick={clearFilters}>
            Clear filters
          </Button>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              Import a backup of incidents.json, or capture the failure you are looking at.
            </Text>
            <Stack gap={6} align="center" style={{ flexDirection: 'row' }}>
              <Button
                variant="light"
                leftSection={<IconDatabaseImport size={14} />}
                onClick={() => navigate({ page: 'backup' })}
              >
                Import a backup
              </Button>
              <Button
                variant="light"
                leftSection={<IconPlus size={14} />}
                onClick={() => navigate({ page: 'capture' })}
              >
                Capture
              </Button>
            </Stack>
          </>
        )}
      </Stack>
    </Center>
  )
}
