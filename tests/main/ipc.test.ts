import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BACKUP_CHANNELS, OPERATION_NAMES, TESTS_EXPORT_CHANNELS, channelOf } from '../../src/shared/api'
import type { Result } from '../../src/shared/result'
import type { ExportTestsResult } from '../../src/shared/testgen'
import type { TestsFolderChoice } from '../../src/shared/api'
import { openNetmortem, type NetmortemService } from '../../src/main/core/service'
import { trustedSenderFor } from '../../src/main/ipcHandler'

/** Electron stood in for: what ipc.ts registers, and the dialogs it opens. */
const fake = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, payload?: unknown) => Promise<unknown>>(),
  showOpenDialog: vi.fn(),
  window: null as object | null
}))

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, payload?: unknown) => Promise<unknown>) =>
      fake.handlers.set(channel, handler)
  },
  dialog: { showOpenDialog: fake.showOpenDialog, showSaveDialog: vi.fn() },
  BrowserWindow: { fromWebContents: () => fake.window }
}))

const { registerIpc } = await import('../../src/main/ipc')

const rendererFile = join(tmpdir(), 'netmortem-app', 'out', 'renderer', 'index.html')
const event = { senderFrame: { url: pathToFileURL(rendererFile).href }, sender: { id: 7 } }

let dir: string
let service: NetmortemService

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netmortem-ipc-wiring-'))
  service = openNetmortem({ dbPath: join(dir, 'netmortem.db') })
  fake.handlers.clear()
  fake.showOpenDialog.mockReset()
  fake.window = null
  registerIpc(service, trustedSenderFor(rendererFile))
})

afterEach(async () => {
  await service.close()
  rmSync(dir, { recursive: true, force: true })
})

const invoke = async <T>(channel: string, payload?: unknown): Promise<Result<T>> =>
  (await fake.handlers.get(channel)!(event, payload)) as Result<T>

describe('registerIpc', () => {
  it('answers every operation, the backups and the test export, each on its own channel', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(
      [
        ...OPERATION_NAMES.map(channelOf),
        ...Object.values(BACKUP_CHANNELS),
        ...Object.values(TESTS_EXPORT_CHANNELS)
      ].sort()
    )
  })

  it('chooses the test export folder with the native folder dialog, then exports there', async () => {
    await service.capture({ description: 'BGP down on leaf-01', category: 'routing_issue' })
    const checkout = join(dir, 'checkout')
    mkdirSync(checkout)
    fake.window = { id: 'the window' }
    fake.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [checkout] })

    const chosen = await invoke<TestsFolderChoice>(TESTS_EXPORT_CHANNELS.chooseFolder, {})
    expect(fake.showOpenDialog).toHaveBeenCalledWith(
      fake.window,
      expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] })
    )
    if (!chosen.ok) throw new Error(chosen.error.message)
    expect(chosen.value.preview.dir).toBe(checkout)

    const done = await invoke<ExportTestsResult>(TESTS_EXPORT_CHANNELS.export, {
      folder: chosen.value.folder
    })
    if (!done.ok) throw new Error(done.error.message)
    expect(done.value.written).toHaveLength(2)
    for (const path of done.value.written) expect(existsSync(path)).toBe(true)
  })

  it('opens the dialog without a parent window, and reads a cancel as null', async () => {
    fake.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] })
    expect(await invoke(TESTS_EXPORT_CHANNELS.chooseFolder, {})).toEqual({ ok: true, value: null })
    expect(fake.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Export regression tests to' })
    )
  })
})
