import {
  BRIDGE_TESTS_EXPORT,
  type ExportResult,
  type ImportReport,
  type TestsExportChoice
} from '../../../shared/api'
import type { Result } from '../../../shared/result'
import type { ExportTestsPreview, ExportTestsResult } from '../../../shared/testgen'
import { pickFile, saveBlob } from './pickFile'
import { markUnauthorized } from './session'
import { failure, type Transport } from './transport'

const UNAUTHORIZED = 'This page has no valid session key: open the URL printed by `netmortem serve`.'

/**
 * The browser bridge (`netmortem serve`): POST /api/<operation> with the session key as a
 * bearer token; every answer is a JSON Result envelope, whatever its HTTP status.
 */
export function bridgeTransport(token: string): Transport {
  const post = async (path: string, body: BodyInit): Promise<Response | Result<never>> => {
    try {
      const response = await fetch(path, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body
      })
      if (response.status === 401) {
        markUnauthorized()
        return failure(UNAUTHORIZED)
      }
      return response
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err)
      return failure(`Cannot reach the Netmortem bridge (is \`netmortem serve\` still running?): ${text}`)
    }
  }

  const resultOf = async <T>(path: string, body: BodyInit): Promise<Result<T>> => {
    const response = await post(path, body)
    return response instanceof Response ? envelopeOf<T>(response) : response
  }

  const exportCall = <T>(
    which: keyof typeof BRIDGE_TESTS_EXPORT,
    dir: string,
    choice: TestsExportChoice
  ): Promise<Result<T>> =>
    resultOf<T>(`/api/${BRIDGE_TESTS_EXPORT[which]}`, JSON.stringify({ ...choice, dir }))

  return {
    kind: 'browser',
    invoke: (name, input) => resultOf(`/api/${name}`, JSON.stringify(input ?? {})),

    importBackup: async (onConflict) => {
      const file = await pickFile('.json,application/json')
      if (!file) return { ok: true, value: null }
      return resultOf<ImportReport>(`/api/backup.import?onConflict=${encodeURIComponent(onConflict)}`, file)
    },

    exportBackup: async () => {
      const response = await post('/api/backup.export', '{}')
      if (!(response instanceof Response)) return response
      const fileName = fileNameOf(response.headers.get('Content-Disposition'))
      if (!response.ok || fileName === null) return envelopeOf<ExportResult>(response)
      const blob = await response.blob()
      saveBlob(blob, fileName)
      const header = Number(response.headers.get('X-Netmortem-Exported') ?? Number.NaN)
      const exported = Number.isInteger(header) ? header : countRecords(await blob.text())
      return { ok: true, value: { exported, path: fileName } }
    },

    // The folder is the path the user typed: the bridge checks it (absolute, a folder or makeable).
    chooseTestsFolder: async (choice, typedPath = '') => {
      const preview = await exportCall<ExportTestsPreview>('preview', typedPath, choice)
      return preview.ok ? { ok: true, value: { folder: typedPath, preview: preview.value } } : preview
    },
    previewTests: (folder, choice) => exportCall<ExportTestsPreview>('preview', folder, choice),
    exportTests: (folder, choice) => exportCall<ExportTestsResult>('export', folder, choice)
  }
}

async function envelopeOf<T>(response: Response): Promise<Result<T>> {
  let body: unknown
  try {
    body = await response.json()
  } catch {
    return failure(`The bridge answered HTTP ${response.status} without a result.`, 'INTERNAL')
  }
  if (body && typeof body === 'object' && 'ok' in body) return body as Result<T>
  return failure(`The bridge answered HTTP ${response.status} with an unexpected body.`, 'INTERNAL')
}

/** The file name of a Content-Disposition attachment, or null when there is none. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (extended?.[1]) return decodeURIComponent(extended[1].trim())
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header)
  if (plain?.[1]) return plain[1].trim()
  return /attachment/i.test(header) ? 'netmortem-incidents.json' : null
}

/** How many incidents a downloaded backup holds, in any of the three incidents.json shapes. */
function countRecords(text: string): number {
  try {
    const data = JSON.parse(text) as unknown
    if (Array.isArray(data)) return data.length
    if (data && typeof data === 'object') {
      const wrapped = (data as { incidents?: unknown }).incidents
      return Array.isArray(wrapped) ? wrapped.length : Object.keys(data).length
    }
  } catch {
    // The count is only informative; the file was saved as sent.
  }
  return 0
}
