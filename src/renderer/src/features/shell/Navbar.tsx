import { Badge, Box, Group, Kbd, NavLink, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core'
import {
  IconChartBar,
  IconChecklist,
  IconDatabaseExport,
  IconList,
  IconPlus,
  IconBulb,
  IconReportAnalytics,
  IconSearch,
  IconTopologyStar3
} from '@tabler/icons-react'
import { useBackPage } from '../../lib/backRoute'
import { hrefOf, type Route } from '../../lib/router'
import { useCall } from '../../lib/useCall'
import { AppInfoFooter } from './AppInfoFooter'
import { ColorSchemeSwitch } from './ColorSchemeSwitch'

export function Navbar({ route }: { route: Route }) {
  const { data: facets } = useCall('incidents.facets', {})
  const backPage = useBackPage()
  // An open incident belongs to the screen it was opened from.
  const page = route.page === 'incident' ? backPage : route.page
  return (
    <Stack h="100%" gap={0} component="nav" aria-label="Main">
      <Group gap={8} px="sm" h={44} wrap="nowrap" className="nm-brand">
        <ThemeIcon size="md" variant="filled">
          <IconTopologyStar3 size={16} />
        </ThemeIcon>
        <Box>
          <Text fw={700} size="sm" lh={1.1}>
            Netmortem
          </Text>
          <Text size="10px" c="dimmed" lh={1.1}>
            incident workbench
          </Text>
        </Box>
      </Group>
      <Box p={6} style={{ flex: 1 }}>
        <NavLink
          href={hrefOf({ page: 'incidents' })}
          label="Incidents"
          active={page === 'incidents'}
          leftSection={<IconList size={16} />}
          rightSection={
            facets && (
              <Tooltip label="Open incidents" position="right">
                <Badge
                  size="xs"
                  variant="light"
                  data-testid="nav-open-count"
                  aria-label={`${facets.open} open`}
                >
                  {facets.open.toLocaleString('en-US')}
                </Badge>
              </Tooltip>
            )
          }
        />
        <NavLink
          href={hrefOf({ page: 'search' })}
          label="Search"
          active={page === 'search'}
          leftSection={<IconSearch size={16} />}
          rightSection={<Kbd size="xs">s</Kbd>}
        />
        <NavLink
          href={hrefOf({ page: 'rca' })}
          label="RCA report"
          active={page === 'rca'}
          leftSection={<IconReportAnalytics size={16} />}
        />
        <NavLink
          href={hrefOf({ page: 'trends' })}
          label="Trends"
          active={page === 'trends'}
          leftSection={<IconChartBar size={16} />}
        />
        <NavLink
          href={hrefOf({ page: 'learning' })}
          label="Learning"
          active={page === 'learning'}
          leftSection={<IconBulb size={16} />}
        />
        <NavLink
          href={hrefOf({ page: 'preflight' })}
          label="Pre-flight"
          active={page === 'preflight'}
          leftSection={<IconChecklist size={16} />}
        />
        <NavLink
          href={hrefOf({ page: 'capture' })}
          label="Capture"
          active={page === 'capture'}
          leftSection={<IconPlus size={16} />}
          rightSection={<Kbd size="xs">n</Kbd>}
        />
        <NavLink
          href={hrefOf({ page: 'backup' })}
          label="Backup"
          active={page === 'backup'}
          leftSection={<IconDatabaseExport size={16} />}
        />
      </Box>
      <Stack gap={6} p="sm" className="nm-navbar-footer">
        <ColorSchemeSwitch />
        <AppInfoFooter />
      </Stack>
    </Stack>
  )
}
