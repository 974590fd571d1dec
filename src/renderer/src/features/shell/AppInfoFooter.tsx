import { Text, Tooltip } from '@mantine/core'
import { useCall } from '../../lib/useCall'

/** Version and database of the running core: what to quote in a bug report. */
export function AppInfoFooter() {
  const { data } = useCall('app.info', {})
  if (!data) return null
  const file = data.dbPath.split(/[\\/]/).pop() ?? data.dbPath
  return (
    <Tooltip label={data.dbPath} position="top-start" multiline maw={360}>
      <Text size="xs" c="dimmed" truncate="end" data-testid="app-info">
        v{data.version} · {file} · schema {data.schemaVersion}
      </Text>
    </Tooltip>
  )
}
