import {
  BrowserWindow,
  dialog,
  ipcMain,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions
} from 'electron'
import { BACKUP_CHANNELS, OPERATION_NAMES, TESTS_EXPORT_CHANNELS, channelOf } from '../shared/api'
import { handlersOf } from './core/handlers'
import type { NetmortemService } from './core/service'
import { createBackupHandlers, createInvokeHandler, type BackupDialogs } from './ipcHandler'
import { createTestsExportHandlers } from './testsExportHandler'

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

/** The folder to export regression tests to: the user may make a new one in the dialog. */
async function chooseTestsFolder(
  event: IpcMainInvokeEvent,
  defaultPath: string | undefined
): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Export regression tests to',
    buttonLabel: 'Choose folder',
    defaultPath,
    properties: ['openDirectory', 'createDirectory']
  }
  const window = BrowserWindow.fromWebContents(event.sender)
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return choice.canceled ? null : (choice.filePaths[0] ?? null)
}

/** Answers every operation of the API contract, the desktop backups and test exports, over IPC. */
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

  const tests = createTestsExportHandlers(service, chooseTestsFolder, isTrustedSender)
  ipcMain.handle(TESTS_EXPORT_CHANNELS.chooseFolder, (event, choice: unknown) =>
    tests.chooseFolder(event, choice)
  )
  ipcMain.handle(TESTS_EXPORT_CHANNELS.preview, (event, target: unknown) => tests.preview(event, target))
  ipcMain.handle(TESTS_EXPORT_CHANNELS.export, (event, target: unknown) => tests.export(event, target))
}
