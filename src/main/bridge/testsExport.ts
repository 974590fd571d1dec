import { isAbsolute } from 'node:path'
import { BRIDGE_TESTS_EXPORT, BridgeTestsExportSchema } from '../../shared/api'
import { fail, ok, type Result } from '../../shared/result'
import { validate } from '../core/dispatch'
import { toApiError } from '../core/errors'
import type { NetmortemService } from '../core/service'

export type BridgeTestsExportName = (typeof BRIDGE_TESTS_EXPORT)[keyof typeof BRIDGE_TESTS_EXPORT]

export const isBridgeTestsExport = (name: string): name is BridgeTestsExportName =>
  Object.values<string>(BRIDGE_TESTS_EXPORT).includes(name)

const EXAMPLE = process.platform === 'win32' ? 'C:\\src\\network-configs' : '/home/you/src/network-configs'

/**
 * The browser workbench's test export: preview or export into the folder whose path the user
 * typed. The bridge answers only this run's page on 127.0.0.1, so the user is on the machine
 * the path names; the path must still be absolute (relative to what?), and a missing last
 * folder is made, as a folder the user means to create.
 */
export async function bridgeTestsExport(
  service: Pick<NetmortemService, 'previewExportTests' | 'exportTests'>,
  name: BridgeTestsExportName,
  payload: unknown
): Promise<Result<unknown>> {
  const parsed = validate(BridgeTestsExportSchema, name, payload)
  if (!parsed.ok) return parsed
  const { ids, overwriteEdited } = parsed.value
  // Pasted paths often carry a space or a line end at either end.
  const dir = parsed.value.dir.trim()
  if (!dir) {
    return fail({ code: 'INVALID_INPUT', message: `Name the folder to export tests to: its absolute path.` })
  }
  if (!isAbsolute(dir)) {
    return fail({
      code: 'INVALID_INPUT',
      message: `Cannot export tests to ${dir}: give the folder's absolute path, like ${EXAMPLE}.`
    })
  }
  const options = { overwriteEdited: overwriteEdited === true, makeFolder: true }
  try {
    return ok(
      name === BRIDGE_TESTS_EXPORT.preview
        ? await service.previewExportTests(dir, ids, options)
        : await service.exportTests(dir, ids, options)
    )
  } catch (err) {
    return fail(toApiError(err))
  }
}
