import type { PreloadApi } from '../../../shared/api'
import type { Result } from '../../../shared/result'
import { failure, type Transport } from './transport'

/** Turns a rejected IPC call (which should not happen: main returns Results) into a Result. */
async function guarded<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run()
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err)
    return failure(`The desktop app did not answer: ${text.split('\n', 1)[0]}`, 'INTERNAL')
  }
}

export function desktopTransport(api: PreloadApi): Transport {
  return {
    kind: 'desktop',
    invoke: (name, input) =>
      guarded(() => (api[name] as (input: unknown) => Promise<Result<unknown>>)(input)),
    importBackup: (onConflict) => guarded(() => api.backup.importBackup(onConflict)),
    exportBackup: () => guarded(() => api.backup.exportBackup()),
    // The folder is main's handle: the page never names a path in the desktop app.
    chooseTestsFolder: (choice) => guarded(() => api.testsExport.chooseFolder(choice)),
    previewTests: (folder, choice) => guarded(() => api.testsExport.preview({ ...choice, folder })),
    exportTests: (folder, choice) => guarded(() => api.testsExport.export({ ...choice, folder }))
  }
}
