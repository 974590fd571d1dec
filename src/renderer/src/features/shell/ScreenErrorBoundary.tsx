import { Component, type ReactNode } from 'react'
import { Alert, Box, Button } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { messageOf } from '../../lib/apiError'

interface State {
  error: unknown
}

/**
 * Keeps a rendering bug in one screen from blanking the app: shows its one-line message
 * with a way back. (Error boundaries can only be classes in React.)
 */
export class ScreenErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error }
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <Box p="md">
        <Alert color="red" icon={<IconAlertTriangle size={16} />} title="This screen failed to show">
          {messageOf(this.state.error)}
          <Box mt="sm">
            <Button variant="light" color="red" onClick={() => this.setState({ error: null })}>
              Try again
            </Button>
          </Box>
        </Alert>
      </Box>
    )
  }
}
