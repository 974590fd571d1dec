import { contextBridge, ipcRenderer } from 'electron'
// Names and channels only: api.ts holds the zod schemas, and the preload is bundled whole.
import { BACKUP_CHANNELS, OPERATION_NAMES, TESTS_EXPORT_CHANNELS, channelOf } from '../shared/channels'
import type {
  ConflictPolicy,
  NetmortemApi,
  PreloadApi,
  TestsExportChoice,
  TestsExportTarget
} from '../shared/api'

// One function per operation of the contract, each forwarding exactly one argument: the page
// never gets ipcRenderer, a channel name, or a way to send anything else.
const operations = Object.fromEntries(
  OPERATION_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelOf(name), input)])
) as NetmortemApi

const api: PreloadApi = {
  ...operations,
  backup: {
    importBackup: (onConflict: ConflictPolicy) =>
      ipcRenderer.invoke(BACKUP_CHANNELS.importBackup, onConflict),
    exportBackup: () => ipcRenderer.invoke(BACKUP_CHANNELS.exportBackup)
  },
  testsExport: {
    chooseFolder: (choice: TestsExportChoice) =>
      ipcRenderer.invoke(TESTS_EXPORT_CHANNELS.chooseFolder, choice),
    preview: (target: TestsExportTarget) => ipcRenderer.invoke(TESTS_EXPORT_CHANNELS.preview, target),
    export: (target: TestsExportTarget) => ipcRenderer.invoke(TESTS_EXPORT_CHANNELS.export, target)
  }
}

contextBridge.exposeInMainWorld('netmortem', api)
