import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Incident } from '../../src/shared/incident'
import type { OperationName } from '../../src/shared/api'
import type { Result } from '../../src/shared/result'
import { handlersOf } from '../../src/main/core/handlers'
import { openNetmortem, type NetmortemService } from '../../src/main/core/service'
import {
  backupFileName,
  createBackupHandlers,
  createInvokeHandler,
  trustedSenderFor,
  type InvokeHandler,
  type SenderEvent
} from '../../src/main/ipcHandler'

const rendererFile = join(tmpdir(), 'netmortem-app', 'out', 'renderer', 'index.html')
const trusted: SenderEvent = { senderFrame: { url: pathToFileURL(rendererFile).href } }
const from = (url: string): SenderEvent => ({ senderFrame: { url } })

let dir: string
let service: NetmortemService
let invoke: InvokeHandler

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netmortem-ipc-'))
  service = openNetmortem({ dbPath: join(dir, 'netmortem.db') })
  invoke = createInvokeHandler(handlersOf(service), trustedSenderFor(rendererFile))
})

afterEach(async () => {
  await service.close()
  rmSync(dir, { recursive: true, force: true })
})

function expectError(result: Result<unknown>, codes: string[]): void {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(codes).toContain(result.error.code)
  expect(result.error.message.length).toBeGreaterThan(0)
  expect(result.error.message).not.toContain('\n')
}

async function capture(description: string): Promise<Incident> {
  const result = await invoke(trusted, 'incidents.capture', { description, severity: 'low' })
  if (!result.ok) throw new Error(result.error.message)
  return result.value as Incident
}

describe('createInvokeHandler', () => {
  it('serves a good call from the app page', async () => {
    const incident = await capture('BGP session to core-1 flapped after deploy')
    expect(incident.severity).toBe('low')

    const got = await invoke(trusted, 'incidents.get', { id: incident.id })
    expect(got).toEqual({ ok: true, value: incident })
    const page = await invoke(from(`${trusted.senderFrame!.url}#/incidents`), 'incidents.list', {})
    expect(page.ok && (page.value as { total: number }).total).toBe(1)
  })

  it('answers NOT_FOUND for an unknown id', async () => {
    const result = await invoke(trusted, 'incidents.get', { id: 'INC-does-not-exist' })
    expectError(result, ['NOT_FOUND'])
  })

  const badCalls: [string, string, unknown][] = [
    ['a wrong type', 'incidents.capture', { description: 42 }],
    ['an unknown field', 'incidents.capture', { description: 'x', password: 'hunter2' }],
    ['a bad severity', 'incidents.capture', { description: 'x', severity: 'urgent' }],
    ['a missing id', 'incidents.get', {}],
    ['a missing id on delete', 'incidents.delete', null],
    ['a numeric id', 'incidents.delete', { id: 7 }],
    ['a bad patch', 'incidents.update', { id: 'x', patch: { severity: 'urgent' } }],
    ['a patch changing the id', 'incidents.update', { id: 'x', patch: { id: 'y' } }],
    ['a payload that is not an object', 'incidents.list', 'all'],
    ['an array payload', 'incidents.capture', [{ description: 'x' }]],
    ['an unknown operation', 'incidents.drop', {}],
    ['an inherited property name', '__proto__', {}],
    ['a constructor name', 'constructor', {}]
  ]

  it.each(badCalls)('refuses %s without touching the database', async (_case, name, payload) => {
    const existing = await capture('existing incident')
    const before = service.listFullIncidents()

    const result = await invoke(trusted, name as OperationName, payload)

    expectError(result, ['INVALID_INPUT', 'UNSUPPORTED', 'NOT_FOUND'])
    expect(service.listFullIncidents()).toEqual(before)
    expect(service.getIncident(existing.id)).toEqual(existing)
  })

  it('gives INVALID_INPUT for bad payloads and UNSUPPORTED for unknown operations', async () => {
    expectError(await invoke(trusted, 'incidents.capture', { description: 42 }), ['INVALID_INPUT'])
    expectError(await invoke(trusted, 'nope' as OperationName, {}), ['UNSUPPORTED'])
  })

  const untrusted: [string, SenderEvent][] = [
    ['a remote page', from('https://evil.example/')],
    ['another local file', from('file:///tmp/other.html')],
    ['a file beside the app page', from(pathToFileURL(join(dirname(rendererFile), 'other.html')).href)],
    ['a page with no URL', from('')],
    ['a null frame', { senderFrame: null }],
    [
      'a disposed frame',
      {
        get senderFrame(): { url: string } {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed')
        }
      }
    ]
  ]

  it.each(untrusted)('refuses %s', async (_case, event) => {
    const result = await invoke(event, 'incidents.capture', { description: 'planted incident' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNSUPPORTED', message: 'Refused a request from an untrusted page.' }
    })
    expect(service.info().incidentCount).toBe(0)
  })
})

describe('trustedSenderFor', () => {
  it('trusts the dev server origin only', () => {
    const isTrusted = trustedSenderFor('http://localhost:5173')
    expect(isTrusted('http://localhost:5173/')).toBe(true)
    expect(isTrusted('http://localhost:5173/src/main.tsx?t=1')).toBe(true)
    expect(isTrusted('http://localhost:5174/')).toBe(false)
    expect(isTrusted('https://localhost:5173/')).toBe(false)
    expect(isTrusted('http://localhost:5173.evil.example/')).toBe(false)
    expect(isTrusted(pathToFileURL(rendererFile).href)).toBe(false)
    expect(isTrusted('not a url')).toBe(false)
  })

  it('trusts the built index.html only, with any hash or query', () => {
    const isTrusted = trustedSenderFor(rendererFile)
    const page = pathToFileURL(rendererFile).href
    expect(isTrusted(page)).toBe(true)
    expect(isTrusted(`${page}#/incidents/INC-1`)).toBe(true)
    expect(isTrusted(`${page}?view=list`)).toBe(true)
    expect(isTrusted(`${page}.html`)).toBe(false)
    expect(isTrusted('http://localhost:5173/')).toBe(false)
    expect(isTrusted('about:blank')).toBe(false)
  })
})

describe('createBackupHandlers', () => {
  const makeDialogs = (path: string | null) => ({
    chooseImportFile: vi.fn(async () => path),
    chooseExportFile: vi.fn(async (_event: SenderEvent, _name: string) => path)
  })
  const trustApp = trustedSenderFor(rendererFile)
  const fixedNow = () => new Date(2025, 10, 5, 9, 30)

  it('exports to the chosen file, suggesting a dated name', async () => {
    await capture('first')
    const dialogs = makeDialogs(join(dir, 'backup.json'))
    const backup = createBackupHandlers(service, dialogs, trustApp, fixedNow)

    const result = await backup.exportBackup(trusted)

    expect(result).toEqual({ ok: true, value: { exported: 1, path: join(dir, 'backup.json') } })
    expect(dialogs.chooseExportFile).toHaveBeenCalledWith(trusted, 'netmortem-incidents-20251105.json')
  })

  it('imports the chosen file with the given conflict policy', async () => {
    await capture('first')
    await createBackupHandlers(service, makeDialogs(join(dir, 'backup.json')), trustApp).exportBackup(trusted)
    const backup = createBackupHandlers(service, makeDialogs(join(dir, 'backup.json')), trustApp)

    const result = await backup.importBackup(trusted, 'skip')

    expect(result.ok && result.value).toMatchObject({ added: 0, skipped: 1, failed: 0 })
  })

  it('returns null when the user cancels', async () => {
    const backup = createBackupHandlers(service, makeDialogs(null), trustApp)
    expect(await backup.importBackup(trusted, 'overwrite')).toEqual({ ok: true, value: null })
    expect(await backup.exportBackup(trusted)).toEqual({ ok: true, value: null })
  })

  it('refuses a bad conflict policy before showing a dialog', async () => {
    const dialogs = makeDialogs(join(dir, 'backup.json'))
    const backup = createBackupHandlers(service, dialogs, trustApp)
    for (const policy of ['replace', undefined, 1, { onConflict: 'skip' }]) {
      expectError(await backup.importBackup(trusted, policy), ['INVALID_INPUT'])
    }
    expect(dialogs.chooseImportFile).not.toHaveBeenCalled()
  })

  it('refuses an untrusted page before showing a dialog', async () => {
    const dialogs = makeDialogs(join(dir, 'backup.json'))
    const backup = createBackupHandlers(service, dialogs, trustApp)
    expectError(await backup.importBackup(from('https://evil.example/'), 'skip'), ['UNSUPPORTED'])
    expectError(await backup.exportBackup({ senderFrame: null }), ['UNSUPPORTED'])
    expect(dialogs.chooseImportFile).not.toHaveBeenCalled()
    expect(dialogs.chooseExportFile).not.toHaveBeenCalled()
  })

  it('turns failures into one-line errors', async () => {
    const missing = createBackupHandlers(service, makeDialogs(join(dir, 'missing.json')), trustApp)
    expectError(await missing.importBackup(trusted, 'skip'), ['IO_ERROR'])

    const broken = createBackupHandlers(
      service,
      {
        chooseImportFile: async () => Promise.reject(new Error('dialog crashed\nstack')),
        chooseExportFile: async () => null
      },
      trustApp
    )
    expectError(await broken.importBackup(trusted, 'skip'), ['INTERNAL'])
  })

  it('names exports by local date', () => {
    expect(backupFileName(new Date(2026, 0, 9, 23, 59))).toBe('netmortem-incidents-20260109.json')
  })
})
