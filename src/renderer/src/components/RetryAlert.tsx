import { Alert, Box, Button } from '@mantine/core'
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react'
import { messageOf } from '../lib/apiError'

interface Props {
  title: string
  error: unknown
  onRetry: () => void
  testId: string
}

/** A failed load: what went wrong, in one line, and a way to try again. */
export function RetryAlert({ title, error, onRetry, testId }: Props) {
  return (
    <Box p="md">
      <Alert color="red" icon={<IconAlertTriangle size={16} />} title={title} data-testid={testId}>
        {messageOf(error)}
        <Box mt="sm">
          <Button variant="light" color="red" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
            Try again
          </Button>
        </Box>
      </Alert>
    </Box>
  )
}
