import { useRef, useState } from 'react'
import type { TestsExportChoice } from '../../../../shared/api'
import type { ExportTestsPreview, ExportTestsResult } from '../../../../shared/testgen'
import { platform } from '../../lib/platform'

/** Which step failed, so that the screen can show it in place and try that step again. */
export type ExportStep = 'choose' | 'preview' | 'export'

export interface TestsExportState {
  /** The chosen folder: main's handle (desktop) or the previewed path (browser). */
  folder?: string
  preview?: ExportTestsPreview
  result?: ExportTestsResult
  overwriteEdited: boolean
  busy: ExportStep | null
  failure?: { step: ExportStep; error: unknown }
}

/**
 * The export of regression tests as a screen walks it: choose a folder (which previews), preview
 * again (after editing files, or with "overwrite my edits"), export, read the result. Answers
 * to an earlier request than the last are dropped.
 */
export function useTestsExport(ids: string[] | undefined) {
  const [state, setState] = useState<TestsExportState>({ overwriteEdited: false, busy: null })
  const latest = useRef(0)

  const choiceOf = (overwriteEdited: boolean): TestsExportChoice => ({
    ...(ids?.length ? { ids } : {}),
    overwriteEdited
  })

  /** Runs one step; its answer lands only when no later step started meanwhile. */
  const step = async <T>(
    which: ExportStep,
    work: () => Promise<T>,
    land: (value: T, s: TestsExportState) => TestsExportState
  ): Promise<void> => {
    const ticket = ++latest.current
    setState((s) => ({ ...s, busy: which, failure: undefined }))
    try {
      const value = await work()
      if (ticket === latest.current) setState((s) => ({ ...land(value, s), busy: null }))
    } catch (error) {
      if (ticket === latest.current) setState((s) => ({ ...s, busy: null, failure: { step: which, error } }))
    }
  }

  /** The folder dialog (desktop) or the typed path (browser), then its preview. */
  const choose = (typedPath?: string) =>
    step(
      'choose',
      () => platform.chooseTestsFolder(choiceOf(state.overwriteEdited), typedPath),
      (chosen, s) =>
        chosen ? { ...s, folder: chosen.folder, preview: chosen.preview, result: undefined } : s
    )

  const preview = (overwriteEdited = state.overwriteEdited) => {
    const folder = state.folder
    if (folder === undefined) return Promise.resolve()
    return step(
      'preview',
      () => platform.previewTests(folder, choiceOf(overwriteEdited)),
      (value, s) => ({ ...s, preview: value, result: undefined })
    )
  }

  const setOverwriteEdited = (overwriteEdited: boolean) => {
    setState((s) => ({ ...s, overwriteEdited }))
    void preview(overwriteEdited)
  }

  const exportNow = () => {
    const folder = state.folder
    if (folder === undefined) return Promise.resolve()
    return step(
      'export',
      () => platform.exportTests(folder, choiceOf(state.overwriteEdited)),
      (value, s) => ({ ...s, result: value })
    )
  }

  return { state, choose, preview, setOverwriteEdited, exportNow }
}
