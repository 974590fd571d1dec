import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import {
  CONFLICT_POLICIES,
  type ExportResult,
  type Handlers,
  type ImportReport,
  type OperationName
} from '../shared/api'
import { fail, ok, type ApiError, type Result } from '../shared/result'
import { dispatch } from './core/dispatch'
import { toApiError } from './core/errors'
import type { NetmortemService } from './core/service'

/**
 * What main does with a request from the renderer, without electron: ipc.ts hands Electron's
 * events in, so the checks below run (and are tested) in plain Node.
 */

/** The part of Electron's IpcMainInvokeEvent the checks read. */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null
}

export type InvokeHandler = (
  event: SenderEvent,
  name: OperationName,
  payload: unknown
) => Promise<Result<unknown>>

export const UNTRUSTED_SENDER: ApiError = {
  code: 'UNSUPPORTED',
  message: 'Refused a request from an untrusted page.'
}

export function isSenderTrusted(event: SenderEvent, isTrustedSender: (url: string) => boolean): boolean {
  try {
    const url = event.senderFrame?.url
    return typeof url === 'string' && isTrustedSender(url)
  } catch {
    // Reading a disposed frame throws: it is not a page we know.
    return false
  }
}

export function createInvokeHandler(
  handlers: Handlers,
  isTrustedSender: (url: string) => boolean
): InvokeHandler {
  return async (event, name, payload) => {
    if (!isSenderTrusted(event, isTrustedSender)) return fail(UNTRUSTED_SENDER)
    return dispatch(handlers, name, payload)
  }
}

/**
 * Trusts only the renderer main loads: the dev server's origin when given a URL, else the
 * built index.html itself (any hash or query, as client-side routing adds them).
 */
export function trustedSenderFor(rendererUrlOrFile: string): (url: string) => boolean {
  if (/^https?:\/\//i.test(rendererUrlOrFile)) {
    const origin = new URL(rendererUrlOrFile).origin
    return (url) => parseUrl(url)?.origin === origin
  }
  const page = pathToFileURL(rendererUrlOrFile)
  return (url) => {
    const parsed = parseUrl(url)
    return parsed?.protocol === 'file:' && parsed.host === page.host && parsed.pathname === page.pathname
  }
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** The native dialogs of a backup: each returns the chosen path, or null when cancelled. */
export interface BackupDialogs<E extends SenderEvent> {
  chooseImportFile: (event: E) => Promise<string | null>
  chooseExportFile: (event: E, defaultName: string) => Promise<string | null>
}

export interface BackupHandlers<E extends SenderEvent> {
  importBackup: (event: E, onConflict: unknown) => Promise<Result<ImportReport | null>>
  exportBackup: (event: E) => Promise<Result<ExportResult | null>>
}

const ConflictPolicySchema = z.enum(CONFLICT_POLICIES)

/** The default name of an export: netmortem-incidents-YYYYMMDD.json, in local time. */
export function backupFileName(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `netmortem-incidents-${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}.json`
}

/** Desktop backups: main asks the user for the file, so the renderer never sends a path. */
export function createBackupHandlers<E extends SenderEvent>(
  service: Pick<NetmortemService, 'importFile' | 'exportFile'>,
  dialogs: BackupDialogs<E>,
  isTrustedSender: (url: string) => boolean,
  now: () => Date = () => new Date()
): BackupHandlers<E> {
  return {
    async importBackup(event, onConflict) {
      if (!isSenderTrusted(event, isTrustedSender)) return fail(UNTRUSTED_SENDER)
      const policy = ConflictPolicySchema.safeParse(onConflict)
      if (!policy.success) {
        return fail({
          code: 'INVALID_INPUT',
          message: `Invalid conflict policy: expected one of ${CONFLICT_POLICIES.join(', ')}.`
        })
      }
      try {
        const path = await dialogs.chooseImportFile(event)
        return ok(path === null ? null : await service.importFile(path, policy.data))
      } catch (err) {
        return fail(toApiError(err))
      }
    },

    async exportBackup(event) {
      if (!isSenderTrusted(event, isTrustedSender)) return fail(UNTRUSTED_SENDER)
      try {
        const path = await dialogs.chooseExportFile(event, backupFileName(now()))
        return ok(path === null ? null : await service.exportFile(path))
      } catch (err) {
        return fail(toApiError(err))
      }
    }
  }
}
