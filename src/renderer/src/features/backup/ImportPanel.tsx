import { useState } from 'react'
import { Button, Group, Select } from '@mantine/core'
import { IconFileImport } from '@tabler/icons-react'
import { CONFLICT_POLICIES, type ConflictPolicy, type ImportReport } from '../../../../shared/api'
import { bumpDataVersion } from '../../lib/dataVersion'
import { platform } from '../../lib/platform'
import { useAction } from '../../lib/useAction'
import { BackupPanel } from './BackupPanel'

const POLICY_LABELS: Record<ConflictPolicy, string> = {
  skip: 'Skip: keep what is stored',
  overwrite: 'Overwrite: take the file’s version',
  newer: 'Newer: keep the more recent one'
}

export function ImportPanel({ onReport }: { onReport: (report: ImportReport) => void }) {
  const [policy, setPolicy] = useState<ConflictPolicy>('skip')
  const { run, busy } = useAction(platform.importBackup, 'Import failed')

  const importFile = async () => {
    const report = await run(policy)
    if (!report) return
    onReport(report)
    if (report.added + report.updated > 0) bumpDataVersion()
  }

  return (
    <BackupPanel
      title="Import a backup"
      description="An incidents.json from Netmortem or the original Python tool (array, wrapped or keyed by id). The file is checked whole first: if any record is invalid, nothing is written."
    >
      <Group gap="sm" align="flex-end">
        <Select
          label="When an incident already exists"
          w={280}
          data={CONFLICT_POLICIES.map((value) => ({ value, label: POLICY_LABELS[value] }))}
          value={policy}
          onChange={(value) => value && setPolicy(value as ConflictPolicy)}
        />
        <Button
          leftSection={<IconFileImport size={14} />}
          loading={busy}
          onClick={() => void importFile()}
          data-testid="import-button"
        >
          Choose file and import…
        </Button>
      </Group>
    </BackupPanel>
  )
}
