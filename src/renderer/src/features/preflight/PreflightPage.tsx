import { useState } from 'react'
import { Alert, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { PageHeader } from '../../components/PageHeader'
import { Shortcut } from '../../components/Shortcut'
import { messageOf } from '../../lib/apiError'
import { useStore } from '../../lib/store'
import { FindingGroups } from './FindingGroups'
import { ModelPanel } from './ModelPanel'
import { ResultBanner } from './ResultBanner'
import { groupFindings } from './groupFindings'
import { preflightState, setLoaded, setProblem, setResult, setRunProblem } from './preflightState'
import { readModel, type LoadedModel } from './readModel'
import { runPreflight } from './runPreflight'
import { useFileDrop } from './useFileDrop'

export function PreflightPage() {
  const state = useStore(preflightState)
  const [busy, setBusy] = useState(false)

  const check = async (loaded: LoadedModel) => {
    const capture = preflightState.get().capture
    setBusy(true)
    try {
      setResult(await runPreflight(loaded.model, capture), capture)
    } catch (err) {
      setRunProblem(`${loaded.fileName} could not be checked: ${messageOf(err)}`)
    } finally {
      setBusy(false)
    }
  }

  const openFile = async (file: File) => {
    const read = await readModel(file)
    if (!read.ok) return setProblem(read.message)
    setLoaded(read.loaded)
    await check(read.loaded)
  }

  const drop = useFileDrop((file) => void openFile(file))
  const result = state.result
  return (
    <div className="nm-page">
      <PageHeader title="Pre-flight">
        <Text size="xs" c="dimmed">
          Check a network model before you deploy it
        </Text>
      </PageHeader>
      <div className="nm-scroll-body" {...drop.handlers}>
        <Stack gap="sm" maw={1200}>
          <ModelPanel
            loaded={state.loaded}
            capture={state.capture}
            busy={busy}
            dragging={drop.dragging}
            onFile={(file) => void openFile(file)}
            onRunAgain={() => state.loaded && void check(state.loaded)}
          />
          {state.problem && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle size={16} />}
              title="Cannot check this file"
              data-testid="preflight-problem"
            >
              {state.problem}
            </Alert>
          )}
          {result && (
            <>
              <ResultBanner result={result} captured={state.resultCaptured} />
              {result.errors.length + result.warnings.length > 0 && (
                <FindingGroups key={state.run} groups={groupFindings(result.errors, result.warnings)} />
              )}
            </>
          )}
          <Group gap="md">
            <Shortcut keys={['o']} label="open a model" />
            {state.loaded && <Shortcut keys={['r']} label="run again" />}
          </Group>
        </Stack>
      </div>
    </div>
  )
}
