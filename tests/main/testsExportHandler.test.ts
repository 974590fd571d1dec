import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '../../src/shared/result'
import { openNetmortem, type NetmortemService } from '../../src/main/core/service'
import { trustedSenderFor } from '../../src/main/ipcHandler'
import {
  FolderHandles,
  HANDLE_TTL_MS,
  createTestsExportHandlers,
  type WindowEvent
} from '../../src/main/testsExportHandler'

const rendererFile = join(tmpdir(), 'netmortem-app', 'out', 'renderer', 'index.html')
const trustApp = trustedSenderFor(rendererFile)
const fromWindow = (id: number, url = pathToFileURL(rendererFile).href): WindowEvent => ({
  senderFrame: { url },
  sender: { id }
})
const win1 = fromWindow(1)
const win2 = fromWindow(2)

let dir: string
let service: NetmortemService
let checkout: string

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'netmortem-tests-export-'))
  checkout = join(dir, 'checkout')
  service = openNetmortem({ dbPath: join(dir, 'netmortem.db') })
  await service.capture({
    description: 'Duplicate VLAN 100 on leaf-01',
    validation_errors: [{ code: 'VLAN_DUPLICATE_ID', severity: 'error', message: 'VLAN 100 twice' }]
  })
  await service.capture({ description: 'BGP down on leaf-01', category: 'routing_issue' })
})

afterEach(async () => {
  await service.close()
  rmSync(dir, { recursive: true, force: true })
})

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${result.error.code}: ${result.error.message}`)
  return result.value
}

function expectError(result: Result<unknown>, code: string, message?: RegExp): void {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.error.code).toBe(code)
  expect(result.error.message).not.toContain('\n')
  if (message) expect(result.error.message).toMatch(message)
}

/** A folder dialog that answers `answer` and records where it opened. */
function dialogAnswering(answer: () => string | null) {
  return vi.fn(async (_event: WindowEvent, _defaultPath: string | undefined) => answer())
}

describe('exporting tests from the desktop app', () => {
  it('asks main for the folder, previews it, and exports to it by an opaque handle', async () => {
    mkdirSync(checkout)
    const choose = dialogAnswering(() => checkout)
    const tests = createTestsExportHandlers(service, choose, trustApp)

    const chosen = value(await tests.chooseFolder(win1, {}))
    expect(chosen).not.toBeNull()
    const { folder, preview } = chosen!
    // The renderer learns the folder's path for display, but names it only by the handle.
    expect(folder).toMatch(/^[A-Za-z0-9_-]{22,64}$/)
    expect(folder).not.toContain('checkout')
    expect(preview.dir).toBe(checkout)
    expect(preview.files.map((f) => f.action)).toEqual(['create', 'create', 'create', 'create'])
    expect(readdirSync(checkout)).toEqual([])
    expect(choose).toHaveBeenCalledWith(win1, undefined)

    const again = value(await tests.preview(win1, { folder }))
    expect(again).toEqual(preview)

    const result = value(await tests.export(win1, { folder }))
    expect(result.dir).toBe(checkout)
    expect(result.written).toEqual(preview.files.map((f) => f.path))
    for (const path of result.written) expect(existsSync(path)).toBe(true)

    // The dialog opens where the window chose last.
    await tests.chooseFolder(win1, {})
    expect(choose).toHaveBeenLastCalledWith(win1, checkout)
  })

  it('previews and exports only the chosen incidents, and overwrites edits only when asked', async () => {
    mkdirSync(checkout)
    const tests = createTestsExportHandlers(
      service,
      dialogAnswering(() => checkout),
      trustApp
    )
    const [bgp] = service.listFullIncidents().filter((i) => i.category === 'routing_issue')
    const { folder, preview } = value(await tests.chooseFolder(win1, { ids: [bgp!.id] }))!
    expect(preview.selected).toEqual([bgp!.id])
    expect(preview.files.map((f) => f.kind)).toEqual(['pyats', 'conftest'])
    value(await tests.export(win1, { folder, ids: [bgp!.id] }))

    const file = preview.files[0]!.path
    writeFileSync(file, `${readFileSync(file, 'utf8')}# mine\n`)
    const kept = value(await tests.preview(win1, { folder, ids: [bgp!.id] }))
    expect(kept.files[0]!.action).toBe('skip-edited')
    const replaced = value(await tests.preview(win1, { folder, ids: [bgp!.id], overwriteEdited: true }))
    expect(replaced.files[0]!.action).toBe('overwrite-edited')
    expect(readFileSync(file, 'utf8')).toContain('# mine')

    const done = value(await tests.export(win1, { folder, ids: [bgp!.id], overwriteEdited: true }))
    expect(done.written).toEqual([file])
    expect(readFileSync(file, 'utf8')).not.toContain('# mine')
  })

  it('returns null when the user cancels, and refuses a folder that is not one', async () => {
    const cancelled = createTestsExportHandlers(
      service,
      dialogAnswering(() => null),
      trustApp
    )
    expect(await cancelled.chooseFolder(win1, {})).toEqual({ ok: true, value: null })

    writeFileSync(join(dir, 'file'), '')
    const file = createTestsExportHandlers(
      service,
      dialogAnswering(() => join(dir, 'file')),
      trustApp
    )
    expectError(await file.chooseFolder(win1, {}), 'INVALID_INPUT', /it is not a folder\.$/)
    const missing = createTestsExportHandlers(
      service,
      dialogAnswering(() => join(dir, 'gone')),
      trustApp
    )
    expectError(await missing.chooseFolder(win1, {}), 'INVALID_INPUT', /no such folder\.$/)
  })

  it('never takes a path from the renderer: only a handle main gave this window', async () => {
    mkdirSync(checkout)
    const tests = createTestsExportHandlers(
      service,
      dialogAnswering(() => checkout),
      trustApp
    )
    const { folder } = value(await tests.chooseFolder(win1, {}))!
    const elsewhere = join(dir, 'elsewhere')

    for (const payload of [
      { dir: elsewhere },
      { folder: elsewhere },
      { folder, dir: elsewhere },
      { folder: '../../etc' },
      { folder: 42 },
      null,
      'x'
    ]) {
      expectError(await tests.export(win1, payload), 'INVALID_INPUT')
      expectError(await tests.preview(win1, payload), 'INVALID_INPUT')
    }
    expectError(await tests.chooseFolder(win1, { dir: elsewhere }), 'INVALID_INPUT')
    expectError(await tests.chooseFolder(win1, { ids: [] }), 'INVALID_INPUT')
    expectError(await tests.chooseFolder(win1, { ids: [''] }), 'INVALID_INPUT')

    // A well-formed handle main never gave, or one given to another window.
    expectError(
      await tests.export(win1, { folder: 'A'.repeat(24) }),
      'INVALID_INPUT',
      /Choose the export folder again/
    )
    expectError(await tests.export(win2, { folder }), 'INVALID_INPUT', /Choose the export folder again/)
    expect(existsSync(elsewhere)).toBe(false)
    expect(readdirSync(checkout)).toEqual([])
  })

  it('refuses an untrusted page before showing a dialog', async () => {
    const choose = dialogAnswering(() => checkout)
    const tests = createTestsExportHandlers(service, choose, trustApp)
    const evil = fromWindow(1, 'https://evil.example/')
    expectError(await tests.chooseFolder(evil, {}), 'UNSUPPORTED')
    expectError(await tests.preview(evil, { folder: 'A'.repeat(24) }), 'UNSUPPORTED')
    expectError(await tests.export({ senderFrame: null, sender: { id: 1 } }, {}), 'UNSUPPORTED')
    expect(choose).not.toHaveBeenCalled()
  })

  it('turns failures into one-line errors', async () => {
    const broken = createTestsExportHandlers(
      service,
      async () => Promise.reject(new Error('dialog crashed\nstack')),
      trustApp
    )
    expectError(await broken.chooseFolder(win1, {}), 'INTERNAL')
    mkdirSync(checkout)
    const unknownId = createTestsExportHandlers(
      service,
      dialogAnswering(() => checkout),
      trustApp
    )
    expectError(
      await unknownId.chooseFolder(win1, { ids: ['nope'] }),
      'NOT_FOUND',
      /No incident with id "nope"/
    )
  })
})

describe('FolderHandles', () => {
  it('forgets a handle unused for HANDLE_TTL_MS, and keeps a used one alive', () => {
    let now = 0
    const handles = new FolderHandles(() => now)
    const used = handles.remember(1, '/a')
    const idle = handles.remember(1, '/b')
    now += HANDLE_TTL_MS - 1
    expect(handles.lookup(1, used)).toBe('/a')
    now += 2
    expect(handles.lookup(1, idle)).toBeNull()
    expect(handles.lookup(1, used)).toBe('/a')
    expect(handles.last(1)).toBe('/b')
    expect(handles.last(2)).toBeUndefined()
  })

  it('keeps a few handles per window, the newest', () => {
    const handles = new FolderHandles()
    const all = Array.from({ length: 12 }, (_, i) => handles.remember(1, `/f${i}`))
    expect(new Set(all).size).toBe(12)
    expect(all.map((h) => handles.lookup(1, h))).toEqual([
      ...Array(4).fill(null),
      ...Array.from({ length: 8 }, (_, i) => `/f${i + 4}`)
    ])
  })
})
