import { useState } from 'react'
import { Alert, Button, Checkbox, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import {
  IconCircleCheck,
  IconFileExport,
  IconFolderOpen,
  IconInfoCircle,
  IconRefresh
} from '@tabler/icons-react'
import type { ExportTestsPreview, ExportTestsResult } from '../../../../shared/testgen'
import { ActionForm, FormActions } from '../../components/ActionForm'
import { RetryAlert } from '../../components/RetryAlert'
import { Shortcut } from '../../components/Shortcut'
import { messageOf } from '../../lib/apiError'
import { plural } from '../../lib/format'
import { platform } from '../../lib/platform'
import { ExportFilesTable } from './ExportFilesTable'
import { countPlan } from './exportActions'
import { useTestsExport, type ExportStep } from './useTestsExport'

const FAILED: Record<ExportStep, string> = {
  choose: 'Cannot export to this folder',
  preview: 'Cannot preview the export',
  export: 'The export failed'
}

/** The browser's folder: an absolute path typed in, previewed on Enter. */
function FolderPath({
  onPreview,
  busy,
  error,
  previewed,
  path,
  setPath
}: {
  onPreview: (path: string) => Promise<void>
  busy: boolean
  error: unknown
  previewed: string | undefined
  path: string
  setPath: (path: string) => void
}) {
  return (
    <ActionForm onSubmit={() => onPreview(path)} label="Export folder">
      <Group gap="xs" align="start" wrap="nowrap">
        <TextInput
          label="Folder"
          description="The absolute path of your checkout; the tests go to tests/regression in it. A missing last folder is made."
          placeholder="/home/you/src/network-configs"
          size="xs"
          style={{ flex: 1 }}
          styles={{ input: { fontFamily: 'var(--nm-font-mono)' } }}
          data-autofocus
          spellCheck={false}
          autoComplete="off"
          value={path}
          onChange={(event) => setPath(event.currentTarget.value)}
          error={error ? messageOf(error) : undefined}
          data-testid="export-folder-input"
        />
        <Button
          type="submit"
          size="xs"
          mt={38}
          variant={previewed === path.trim() ? 'default' : 'filled'}
          loading={busy}
          leftSection={<IconRefresh size={14} />}
          data-testid="export-preview-button"
        >
          Preview
        </Button>
      </Group>
    </ActionForm>
  )
}

/** The desktop app's folder: main's folder dialog. */
function FolderDialog({ onChoose, busy, dir }: { onChoose: () => void; busy: boolean; dir?: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant={dir ? 'default' : 'filled'}
        leftSection={<IconFolderOpen size={14} />}
        loading={busy}
        onClick={onChoose}
        data-autofocus
        data-testid="export-choose-folder"
      >
        {dir ? 'Choose another folder…' : 'Choose folder…'}
      </Button>
      <Text size="xs" c="dimmed">
        The tests go to tests/regression in it.
      </Text>
    </Group>
  )
}

function PreviewSummary({ preview }: { preview: ExportTestsPreview }) {
  const counts = countPlan(preview.files)
  const parts = [
    counts.create && `${counts.create} new`,
    counts.update && `${counts.update} to update`,
    counts.overwrite && `${counts.overwrite} replacing your edits`
  ].filter(Boolean)
  return (
    <Text size="xs" data-testid="export-summary">
      {counts.write ? `Will write ${plural(counts.write, 'file')} (${parts.join(', ')})` : 'Nothing to write'}{' '}
      · {counts.unchanged} unchanged · {counts.skip} skipped · {plural(preview.selected.length, 'incident')}
    </Text>
  )
}

function PreviewView({
  preview,
  stale,
  overwriteEdited,
  setOverwriteEdited,
  onRefresh,
  refreshing,
  onExport,
  exporting,
  onCancel
}: {
  preview: ExportTestsPreview
  stale: boolean
  overwriteEdited: boolean
  setOverwriteEdited: (value: boolean) => void
  /** Previews the folder again (the browser's Preview button does it there). */
  onRefresh?: () => void
  refreshing: boolean
  onExport: () => Promise<void>
  exporting: boolean
  onCancel: () => void
}) {
  const counts = countPlan(preview.files)
  return (
    <Stack gap="xs" data-testid="export-preview" data-stale={stale}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" miw={0}>
          Into <Code data-testid="export-dir">{preview.dir}</Code>
          {!preview.exists && ' (made on export)'} ·{' '}
          {preview.git.work_tree ? 'in a git work tree' : 'not in a git work tree'}
        </Text>
        {onRefresh && (
          <Button
            size="compact-xs"
            variant="default"
            leftSection={<IconRefresh size={12} />}
            loading={refreshing}
            onClick={onRefresh}
            data-testid="export-refresh"
          >
            Check the folder again
          </Button>
        )}
      </Group>
      {stale && (
        <Alert color="yellow" p="xs" icon={<IconInfoCircle size={16} />} data-testid="export-stale">
          The folder changed: preview it before exporting.
        </Alert>
      )}
      <PreviewSummary preview={preview} />
      {preview.files.length === 0 ? (
        <Text size="xs" c="dimmed" fs="italic">
          No incident wants a test: none has pre-flight findings, a routing issue or outage category, or a
          stored test.
        </Text>
      ) : (
        <ExportFilesTable files={preview.files} testId="export-preview-table" />
      )}
      <Checkbox
        size="xs"
        label="Overwrite my edits"
        description="Replace files you edited since they were exported. Files Netmortem did not write are never replaced."
        checked={overwriteEdited}
        disabled={counts.edited === 0 && !overwriteEdited}
        onChange={(event) => setOverwriteEdited(event.currentTarget.checked)}
        data-testid="export-overwrite-edited"
      />
      <ActionForm onSubmit={onExport} label="Confirm the export">
        <FormActions
          onCancel={onCancel}
          busy={exporting}
          disabled={stale || refreshing || preview.files.length === 0}
          leftSection={<IconFileExport size={14} />}
          hint={<Shortcut keys={['Esc']} label="cancel" />}
          testId="export-confirm"
        >
          {counts.write ? `Write ${plural(counts.write, 'file')}` : 'Export (nothing to write)'}
        </FormActions>
      </ActionForm>
    </Stack>
  )
}

function GitReport({ result }: { result: ExportTestsResult }) {
  const { git } = result
  const relative = (path: string) => result.files.find((f) => f.path === path)?.relative ?? path
  if (!git.work_tree) {
    return (
      <Text size="xs" data-testid="export-git" data-work-tree="false">
        Not in a git work tree (or git is not installed): commit the tests by hand.
      </Text>
    )
  }
  const lines = [
    ['New to git', git.new],
    ['Changed', git.changed],
    ['Ignored by git', git.ignored]
  ] as const
  return (
    <Stack gap={2} data-testid="export-git" data-work-tree="true">
      <Text size="xs">In a git work tree. Netmortem never stages or commits.</Text>
      {lines.map(
        ([label, files]) =>
          files.length > 0 && (
            <Text key={label} size="xs" data-testid={`export-git-${label.split(' ')[0]!.toLowerCase()}`}>
              {label}:{' '}
              {files.map((f, i) => (
                <span key={f}>
                  {i > 0 && ', '}
                  <Code>{relative(f)}</Code>
                </span>
              ))}
            </Text>
          )
      )}
      {git.new.length === 0 && git.changed.length === 0 && (
        <Text size="xs" c="dimmed">
          Nothing to commit in tests/regression.
        </Text>
      )}
    </Stack>
  )
}

function ResultView({
  result,
  onAgain,
  onClose
}: {
  result: ExportTestsResult
  onAgain: () => void
  onClose: () => void
}) {
  return (
    <Stack gap="xs">
      <Alert
        color={result.skipped.length ? 'yellow' : 'teal'}
        variant="light"
        p="xs"
        icon={<IconCircleCheck size={16} />}
        title="Exported"
        data-testid="export-result"
      >
        <Text size="xs">
          Wrote {plural(result.written.length, 'file')} into <Code>{result.dir}</Code> ·{' '}
          {result.unchanged.length} unchanged · {result.skipped.length} skipped
        </Text>
      </Alert>
      <ExportFilesTable files={result.files} done testId="export-result-table" />
      <GitReport result={result} />
      <Group justify="flex-end" gap={6}>
        <Button variant="default" onClick={onAgain} data-testid="export-again">
          Preview again
        </Button>
        <Button onClick={onClose} data-autofocus data-testid="export-close">
          Close
        </Button>
      </Group>
    </Stack>
  )
}

/** The steps of an export: folder, preview, confirm, result. Mounted while the modal is open. */
function ExportFlow({ ids, onClose }: { ids?: string[]; onClose: () => void }) {
  const { state, choose, preview, setOverwriteEdited, exportNow } = useTestsExport(ids)
  const [path, setPath] = useState('')
  const byPath = platform.testsFolderInput === 'path'
  const { failure } = state
  // In the browser, a preview is of the path previewed: editing the path makes it stale.
  const stale = byPath && state.folder !== undefined && path.trim() !== state.folder
  return (
    <Stack gap="sm" data-testid="export-tests">
      <Text size="xs" c="dimmed" data-testid="export-scope">
        {ids?.length === 1
          ? `The regression test of ${ids[0]}, with the files it needs.`
          : 'Every incident a test fits: pre-flight findings, a routing issue or outage, or a stored test.'}{' '}
        Nothing is written until you confirm; files you edited are kept unless you say otherwise.
      </Text>
      {byPath ? (
        <FolderPath
          onPreview={(typed) => choose(typed.trim())}
          busy={state.busy === 'choose'}
          error={failure?.step === 'choose' ? failure.error : undefined}
          previewed={state.folder}
          path={path}
          setPath={setPath}
        />
      ) : (
        <FolderDialog
          onChoose={() => void choose()}
          busy={state.busy === 'choose'}
          dir={state.preview?.dir}
        />
      )}
      {failure && !(byPath && failure.step === 'choose') && (
        <RetryAlert
          title={FAILED[failure.step]}
          error={failure.error}
          onRetry={() =>
            void (failure.step === 'choose' ? choose() : failure.step === 'preview' ? preview() : exportNow())
          }
          testId="export-error"
        />
      )}
      {state.result ? (
        <ResultView result={state.result} onAgain={() => void preview()} onClose={onClose} />
      ) : (
        state.preview && (
          <PreviewView
            preview={state.preview}
            stale={stale}
            overwriteEdited={state.overwriteEdited}
            setOverwriteEdited={setOverwriteEdited}
            onRefresh={byPath ? undefined : () => void preview()}
            refreshing={state.busy === 'preview'}
            onExport={exportNow}
            exporting={state.busy === 'export'}
            onCancel={onClose}
          />
        )
      )}
    </Stack>
  )
}

/** Export regression tests into a folder, with a preview of what will be written. */
export function ExportTestsModal({
  ids,
  opened,
  onClose
}: {
  /** The incidents whose tests to export; none means every incident a test fits. */
  ids?: string[]
  opened: boolean
  onClose: () => void
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Export regression tests" size="80rem">
      <ExportFlow ids={ids} onClose={onClose} />
    </Modal>
  )
}
