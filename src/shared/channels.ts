/**
 * The names of the contract's operations and the channels they cross on: plain strings, no zod.
 * The preload (bundled whole into the sandboxed page, see electron.vite.config.ts) imports only
 * this module, so no schema library ships in it. api.ts declares each operation's input schema
 * and output type under exactly these names (checked by `satisfies` there and by
 * tests/main/channels.test.ts) and re-exports everything here.
 */

export const OPERATION_NAMES = [
  'app.info',
  'incidents.list',
  'incidents.facets',
  'incidents.get',
  'incidents.capture',
  'incidents.update',
  'incidents.resolve',
  'incidents.delete',
  'preflight.run',
  'search.query',
  'search.similar',
  'model.status',
  'analysis.analyze',
  'analysis.report',
  'analysis.trends',
  'tests.generate',
  'learning.learn',
  'learning.recent',
  'learning.policy',
  'learning.guidance'
] as const

export type OperationName = (typeof OPERATION_NAMES)[number]

/** IPC channel of an operation: namespaced so nothing else can collide with it. */
export const channelOf = (name: OperationName): string => `netmortem:${name}`

/** Desktop backups (api.ts: DesktopBackupApi): main shows the native dialogs. */
export const BACKUP_CHANNELS = {
  importBackup: 'netmortem:backup.import',
  exportBackup: 'netmortem:backup.export'
} as const

/** Desktop test export (api.ts: DesktopTestsExportApi): main shows the folder dialog. */
export const TESTS_EXPORT_CHANNELS = {
  chooseFolder: 'netmortem:tests.export.chooseFolder',
  preview: 'netmortem:tests.export.preview',
  export: 'netmortem:tests.export.run'
} as const

/** The browser bridge's test export calls: POST /api/<name> with a BridgeTestsExport body. */
export const BRIDGE_TESTS_EXPORT = {
  preview: 'tests.exportPreview',
  export: 'tests.export'
} as const
