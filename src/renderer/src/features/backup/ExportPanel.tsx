import { useState } from 'react'
import { Alert, Button, Code } from '@mantine/core'
import { IconCircleCheck, IconFileExport } from '@tabler/icons-react'
import type { ExportResult } from '../../../../shared/api'
import { plural } from '../../lib/format'
import { platform } from '../../lib/platform'
import { useAction } from '../../lib/useAction'
import { BackupPanel } from './BackupPanel'

export function ExportPanel() {
  const [result, setResult] = useState<ExportResult | null>(null)
  const { run, busy } = useAction(platform.exportBackup, 'Export failed')

  const exportAll = async () => {
    const written = await run()
    if (written) setResult(written)
  }

  return (
    <BackupPanel
      title="Export a backup"
      description="Every incident, every field (unknown ones too), as one incidents.json that imports back into Netmortem or the Python tool."
    >
      <Button
        leftSection={<IconFileExport size={14} />}
        loading={busy}
        onClick={() => void exportAll()}
        style={{ alignSelf: 'flex-start' }}
        data-testid="export-button"
      >
        {platform.kind === 'desktop' ? 'Export to file…' : 'Download backup'}
      </Button>
      {result && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={16} />} data-testid="export-result">
          Exported {plural(result.exported, 'incident')} to <Code>{result.path}</Code>
        </Alert>
      )}
    </BackupPanel>
  )
}
