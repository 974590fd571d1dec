import { Suspense, lazy, useEffect } from 'react'
import { AppShell, Center, Loader } from '@mantine/core'
import { useStore } from './lib/store'
import { sessionStore } from './lib/session'
import { rememberListPage } from './lib/backRoute'
import { useRoute, type Route } from './lib/router'
import { Navbar } from './features/shell/Navbar'
import { SessionRequired } from './features/shell/SessionRequired'
import { ScreenErrorBoundary } from './features/shell/ScreenErrorBoundary'
import { useGlobalKeys } from './features/shell/useGlobalKeys'
import { IncidentsPage } from './features/incidents/IncidentsPage'
import { IncidentDetailPage } from './features/incident-detail/IncidentDetailPage'
import { SearchPage } from './features/search/SearchPage'
import { PreflightPage } from './features/preflight/PreflightPage'
import { CapturePage } from './features/capture/CapturePage'
import { BackupPage } from './features/backup/BackupPage'
import { RcaReportPage } from './features/rca-report/RcaReportPage'
import { LearningPage } from './features/learning/LearningPage'

// The trends screen draws with recharts (half the bundle): loaded when first opened.
const TrendsPage = lazy(() => import('./features/trends/TrendsPage').then((m) => ({ default: m.TrendsPage })))

function Screen({ route }: { route: Route }) {
  switch (route.page) {
    case 'incident':
      return <IncidentDetailPage id={route.id} />
    case 'search':
      return <SearchPage />
    case 'preflight':
      return <PreflightPage />
    case 'capture':
      return <CapturePage />
    case 'backup':
      return <BackupPage />
    case 'rca':
      return <RcaReportPage />
    case 'trends':
      return <TrendsPage />
    case 'learning':
      return <LearningPage />
    default:
      return <IncidentsPage />
  }
}

export function App() {
  const { authorized } = useStore(sessionStore)
  const route = useRoute()
  useGlobalKeys(route)
  useEffect(() => rememberListPage(route), [route])
  if (!authorized) return <SessionRequired />
  return (
    <AppShell navbar={{ width: 208, breakpoint: 0 }} padding={0}>
      <AppShell.Navbar>
        <Navbar route={route} />
      </AppShell.Navbar>
      <AppShell.Main className="nm-main">
        <ScreenErrorBoundary key={route.page === 'incident' ? `incident:${route.id}` : route.page}>
          <Suspense
            fallback={
              <Center h="100%">
                <Loader size="sm" />
              </Center>
            }
          >
            <Screen route={route} />
          </Suspense>
        </ScreenErrorBoundary>
      </AppShell.Main>
    </AppShell>
  )
}
