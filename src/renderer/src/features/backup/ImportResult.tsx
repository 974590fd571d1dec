import { Alert, Paper, Stack } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import type { ImportReport } from '../../../../shared/api'
import { plural } from '../../lib/format'
import { ImportProblems } from './ImportProblems'
import { ImportSummary } from './ImportSummary'

function importedSentence(report: ImportReport): string {
  const from = report.shape ? ` from a ${report.shape} incidents.json` : ''
  const skipped =
    report.skipped > 0 ? `; ${plural(report.skipped, 'incident')} already stored left as they were` : ''
  return `Imported ${plural(report.added + report.updated, 'incident')}${from}${skipped}.`
}

/** What an import did: the counts, then either a confirmation or every bad record. */
export function ImportResult({ report }: { report: ImportReport }) {
  return (
    <Paper withBorder p="md" data-testid="import-result">
      <Stack gap="sm">
        <ImportSummary report={report} />
        {report.failed > 0 ? (
          <ImportProblems report={report} />
        ) : (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={16} />} data-testid="import-ok">
            {importedSentence(report)}
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}
