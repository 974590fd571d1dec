import type { ConflictPolicy, ExportResult, ImportReport } from '../../../shared/api'
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
  exportBackup: async (): Promise<ExportResult | null> => unwrap(await transport.exportBackup())
}
