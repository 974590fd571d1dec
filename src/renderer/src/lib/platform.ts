import type {
  ConflictPolicy,
  ExportResult,
  ImportReport,
  TestsExportChoice,
  TestsFolderChoice
} from '../../../shared/api'
import type { ExportTestsPreview, ExportTestsResult } from '../../../shared/testgen'
import { unwrap } from './apiError'
import { bridgeTransport } from './bridgeTransport'
import { desktopTransport } from './desktopTransport'
import { markUnauthorized, takeBridgeToken } from './session'
import type { Transport } from './transport'

/** Chosen once at startup: the desktop preload when present, else the browser bridge. */
function chooseTransport(): Transport {
  if (window.netmortem) return desktopTransport(window.netmortem)
  const token = takeBridgeToken()
  if (!token) markUnauthorized()
  return bridgeTransport(token ?? '')
}

export const transport: Transport = chooseTransport()

/** What differs between the desktop app and the browser, behind one surface. */
export const platform = {
  kind: transport.kind,
  /** Asks for a backup file and imports it; null when the user cancelled. Throws ApiCallError. */
  importBackup: async (onConflict: ConflictPolicy): Promise<ImportReport | null> =>
    unwrap(await transport.importBackup(onConflict)),
  /** Saves every incident to a backup file; null when the user cancelled. Throws ApiCallError. */
  exportBackup: async (): Promise<ExportResult | null> => unwrap(await transport.exportBackup()),
  /** How the test export folder is chosen: the native dialog, or a typed absolute path. */
  testsFolderInput: transport.kind === 'desktop' ? ('dialog' as const) : ('path' as const),
  /** Chooses the test export folder (dialog, or `typedPath`) and previews; null when cancelled. */
  chooseTestsFolder: async (
    choice: TestsExportChoice,
    typedPath?: string
  ): Promise<TestsFolderChoice | null> => unwrap(await transport.chooseTestsFolder(choice, typedPath)),
  /** What exporting into a chosen folder would do, file by file. Throws ApiCallError. */
  previewTests: async (folder: string, choice: TestsExportChoice): Promise<ExportTestsPreview> =>
    unwrap(await transport.previewTests(folder, choice)),
  /** Exports into a chosen folder. Throws ApiCallError. */
  exportTests: async (folder: string, choice: TestsExportChoice): Promise<ExportTestsResult> =>
    unwrap(await transport.exportTests(folder, choice))
}
