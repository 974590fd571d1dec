import './mantine.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { App } from './App'
import { notifyError } from './lib/notify'
import { theme } from './theme'

// Anything a handler forgot to catch still ends as one line in a notification.
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault()
  notifyError(event.reason)
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="bottom-right" limit={4} />
      <App />
    </MantineProvider>
  </StrictMode>
)
