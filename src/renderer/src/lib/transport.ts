import type { ConflictPolicy, ExportResult, ImportReport, OperationName } from '../../../shared/api'
import type { Result } from '../../../shared/result'

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
}

export const failure = (message: string, code: 'IO_ERROR' | 'INTERNAL' = 'IO_ERROR'): Result<never> => ({
  ok: false,
  error: { code, message }
})
