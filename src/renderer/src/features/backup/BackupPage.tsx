import { useState } from 'react'
import { SimpleGrid, Stack, Text } from '@mantine/core'
import type { ImportReport } from '../../../../shared/api'
import { PageHeader } from '../../components/PageHeader'
import { ExportPanel } from './ExportPanel'
import { ImportPanel } from './ImportPanel'
import { ImportResult } from './ImportResult'

export function BackupPage() {
  const [report, setReport] = useState<ImportReport | null>(null)
  return (
    <div className="nm-page">
      <PageHeader title="Backup">
        <Text size="xs" c="dimmed">
          incidents.json in and out
        </Text>
      </PageHeader>
      <div className="nm-scroll-body">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <ImportPanel onReport={setReport} />
            <ExportPanel />
          </SimpleGrid>
          {report && <ImportResult report={report} />}
        </Stack>
      </div>
    </div>
  )
}
