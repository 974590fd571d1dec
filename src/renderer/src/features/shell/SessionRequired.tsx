import { Center, Code, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconKey } from '@tabler/icons-react'

/** Shown instead of the workbench when the bridge does not know this page's session key. */
export function SessionRequired() {
  return (
    <Center h="100dvh" p="md">
      <Paper withBorder p="xl" maw={560} role="alert" data-testid="session-required">
        <Stack gap="sm" align="flex-start">
          <ThemeIcon size="lg" variant="light" color="orange">
            <IconKey size={20} />
          </ThemeIcon>
          <Title order={3}>This page has no session key</Title>
          <Text>
            Open the URL printed by <Code>netmortem serve</Code> (it carries this session&apos;s key).
          </Text>
          <Text size="sm" c="dimmed">
            The key changes each time the bridge starts, so a bookmark or an old tab stops working. Start the
            bridge again if it is not running, then open the URL it prints.
          </Text>
        </Stack>
      </Paper>
    </Center>
  )
}
