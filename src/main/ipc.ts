import {
  BrowserWindow,
  dialog,
  ipcMain,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions
} from 'electron'
import { BACKUP_CHANNELS, OPERATION_NAMES, channelOf } from '../shared/api'
import { handlersOf } from './core/handlers'
import type { NetmortemService } from './core/service'
import { createBackupHandlers, createInvokeHandler, type BackupDialogs } from './ipcHandler'

const JSON_FILES = [{ name: 'Incident backups (JSON)', extensions: ['json'] }]

const dialogs: BackupDialogs<IpcMainInvokeEvent> = {
  async chooseImportFile(event) {
    const options: OpenDialogOptions = {
      title: 'Import incidents',
      properties: ['openFile'],
      filters: JSON_FILES
    }
    const window = BrowserWindow.fromWebContents(event.sender)
    const choice = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options)
    return choice.canceled ? null : (choice.filePaths[0] ?? null)
  },

  async chooseExportFile(event, defaultName) {
    const options: SaveDialogOptions = {
      title: 'Export incidents',
      defaultPath: defaultName,
      filters: JSON_FILES
    }
    const window = BrowserWindow.fromWebContents(event.sender)
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options)
    return choice.canceled || !choice.filePath ? null : choice.filePath
  }
}

/** Answers every operation of the API contract, and the desktop backups, over IPC. */
export function registerIpc(service: NetmortemService, isTrustedSender: (url: string) => boolean): void {
  const invoke = createInvokeHandler(handlersOf(service), isTrustedSender)
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(channelOf(name), (event, payload: unknown) => invoke(event, name, payload))
  }

  const backup = createBackupHandlers(service, dialogs, isTrustedSender)
  ipcMain.handle(BACKUP_CHANNELS.importBackup, (event, onConflict: unknown) =>
    backup.importBackup(event, onConflict)
  )
  ipcMain.handle(BACKUP_CHANNELS.exportBackup, (event) => backup.exportBackup(event))
}
