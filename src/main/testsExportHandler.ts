import { randomBytes } from 'node:crypto'
import {
  TestsExportChoiceSchema,
  TestsExportTargetSchema,
  type TestsExportChoice,
  type TestsFolderChoice
} from '../shared/api'
import { fail, ok, type Result } from '../shared/result'
import type { ExportTestsPreview, ExportTestsResult } from '../shared/testgen'
import { validate } from './core/dispatch'
import { toApiError } from './core/errors'
import type { NetmortemService } from './core/service'
import { UNTRUSTED_SENDER, isSenderTrusted, type SenderEvent } from './ipcHandler'

/**
 * Exporting regression tests from the desktop app, without electron (ipc.ts hands Electron's
 * events and folder dialog in): main asks the user for the folder and keeps it, and the renderer
 * gets an opaque handle to it, so a page never names a path main writes to.
 */

/** An IPC event: the frame that sent it, and the window (web contents) it came from. */
export interface WindowEvent extends SenderEvent {
  readonly sender: { readonly id: number }
}

/** The native folder dialog: the chosen folder, or null when cancelled. */
export type ChooseFolder<E> = (event: E, defaultPath: string | undefined) => Promise<string | null>

export interface TestsExportHandlers<E extends WindowEvent> {
  chooseFolder: (event: E, choice: unknown) => Promise<Result<TestsFolderChoice | null>>
  preview: (event: E, target: unknown) => Promise<Result<ExportTestsPreview>>
  export: (event: E, target: unknown) => Promise<Result<ExportTestsResult>>
}

/** A handle stays usable this long after its last use. */
export const HANDLE_TTL_MS = 30 * 60_000
/** Handles kept per window: older ones are forgotten first. */
const HANDLES_PER_WINDOW = 8

interface Kept {
  window: number
  dir: string
  lastUsed: number
}

/**
 * The folders windows chose, by opaque handle: a handle works only for the window it was given
 * to, and only until it has gone unused for HANDLE_TTL_MS.
 */
export class FolderHandles {
  private readonly kept = new Map<string, Kept>()
  private readonly lastDir = new Map<number, string>()

  constructor(private readonly clock: () => number = Date.now) {}

  remember(window: number, dir: string): string {
    this.sweep()
    const handle = randomBytes(18).toString('base64url')
    this.kept.set(handle, { window, dir, lastUsed: this.clock() })
    this.lastDir.set(window, dir)
    const mine = [...this.kept].filter(([, kept]) => kept.window === window)
    for (const [old] of mine.slice(0, Math.max(0, mine.length - HANDLES_PER_WINDOW))) this.kept.delete(old)
    return handle
  }

  /** The folder of a handle this window was given, or null (unknown, another window's, expired). */
  lookup(window: number, handle: string): string | null {
    this.sweep()
    const kept = this.kept.get(handle)
    if (!kept || kept.window !== window) return null
    kept.lastUsed = this.clock()
    return kept.dir
  }

  /** The folder this window chose last, for the dialog to open at. */
  last(window: number): string | undefined {
    return this.lastDir.get(window)
  }

  private sweep(): void {
    const now = this.clock()
    for (const [handle, kept] of this.kept) {
      if (now - kept.lastUsed > HANDLE_TTL_MS) this.kept.delete(handle)
    }
  }
}

const FORGOTTEN = {
  code: 'INVALID_INPUT',
  message:
    'Choose the export folder again: the one chosen before is no longer known (it is forgotten after 30 minutes unused).'
} as const

export function createTestsExportHandlers<E extends WindowEvent>(
  service: Pick<NetmortemService, 'previewExportTests' | 'exportTests'>,
  chooseFolder: ChooseFolder<E>,
  isTrustedSender: (url: string) => boolean,
  handles: FolderHandles = new FolderHandles()
): TestsExportHandlers<E> {
  const options = (choice: TestsExportChoice) => ({ overwriteEdited: choice.overwriteEdited === true })

  /** Checks the sender and the payload, then runs `work`; every failure is a one-line Result. */
  const guarded = async <T, P>(
    event: E,
    parsed: () => Result<P>,
    work: (payload: P) => Promise<Result<T>>
  ): Promise<Result<T>> => {
    if (!isSenderTrusted(event, isTrustedSender)) return fail(UNTRUSTED_SENDER)
    const payload = parsed()
    if (!payload.ok) return payload
    try {
      return await work(payload.value)
    } catch (err) {
      return fail(toApiError(err))
    }
  }

  /** The folder a handle names for this window, then `work` on it. */
  const onFolder = <T>(
    event: E,
    target: unknown,
    name: string,
    work: (dir: string, choice: TestsExportChoice) => Promise<T>
  ): Promise<Result<T>> =>
    guarded(
      event,
      () => validate(TestsExportTargetSchema, name, target ?? {}),
      async ({ folder, ...choice }) => {
        const dir = handles.lookup(event.sender.id, folder)
        return dir === null ? fail(FORGOTTEN) : ok(await work(dir, choice))
      }
    )

  return {
    chooseFolder: (event, choice) =>
      guarded(
        event,
        () => validate(TestsExportChoiceSchema, 'tests.export.chooseFolder', choice ?? {}),
        async (parsed) => {
          const dir = await chooseFolder(event, handles.last(event.sender.id))
          if (dir === null) return ok(null)
          // Kept before the preview: when it fails, the dialog opens here again to try again.
          const folder = handles.remember(event.sender.id, dir)
          const preview = await service.previewExportTests(dir, parsed.ids, options(parsed))
          return ok({ folder, preview })
        }
      ),

    preview: (event, target) =>
      onFolder(event, target, 'tests.export.preview', (dir, choice) =>
        service.previewExportTests(dir, choice.ids, options(choice))
      ),

    export: (event, target) =>
      onFolder(event, target, 'tests.export.run', (dir, choice) =>
        service.exportTests(dir, choice.ids, options(choice))
      )
  }
}
