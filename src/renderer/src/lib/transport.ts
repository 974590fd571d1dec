import type {
  ConflictPolicy,
  ExportResult,
  ImportReport,
  OperationName,
  TestsExportChoice,
  TestsFolderChoice
} from '../../../shared/api'
import type { Result } from '../../../shared/result'
import type { ExportTestsPreview, ExportTestsResult } from '../../../shared/testgen'

/**
 * How the renderer reaches the core: the desktop preload or the browser bridge. Features
 * never see which one; they use lib/api.ts and lib/platform.ts.
 */
export interface Transport {
  kind: 'desktop' | 'browser'
  invoke: (name: OperationName, input: unknown) => Promise<Result<unknown>>
  /** Lets the user pick a backup file and imports it; null when they cancelled. */
  importBackup: (onConflict: ConflictPolicy) => Promise<Result<ImportReport | null>>
  /** Writes every incident to a backup file; `path` is where (or the download's file name). */
  exportBackup: () => Promise<Result<ExportResult | null>>
  /**
   * Chooses the folder to export regression tests to and previews the export: the desktop app's
   * folder dialog (`typedPath` unused), or the path the user typed in the browser. Null when
   * the user cancelled the dialog.
   */
  chooseTestsFolder: (
    choice: TestsExportChoice,
    typedPath?: string
  ) => Promise<Result<TestsFolderChoice | null>>
  /** Previews the export into a folder chooseTestsFolder returned (its `folder`). */
  previewTests: (folder: string, choice: TestsExportChoice) => Promise<Result<ExportTestsPreview>>
  /** Exports into a folder chooseTestsFolder returned (its `folder`). */
  exportTests: (folder: string, choice: TestsExportChoice) => Promise<Result<ExportTestsResult>>
}

export const failure = (message: string, code: 'IO_ERROR' | 'INTERNAL' = 'IO_ERROR'): Result<never> => ({
  ok: false,
  error: { code, message }
})
