import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rename, rm, open } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { once } from 'node:events'
import type { ExportResult, ExportShape } from '../../../shared/api'
import type { IncidentStore } from '../store/incidentStore'
import { NetmortemError } from '../errors'
import { describeFsError } from '../fsErrors'

export const EXPORT_FORMAT = 'netmortem-incidents'
export const EXPORT_VERSION = 1

/**
 * Writes every incident to an incidents.json. The default ("wrapped") shape is
 *   {"format": "netmortem-incidents", "version": 1, "exported_at": ..., "count": n, "incidents": [...]}
 * with one record per line; "array" and "keyed" write the other two shapes import accepts.
 * The file is streamed to a temporary file beside the target, flushed, then renamed over it,
 * so a crash or a full disk never leaves a half-written backup in its place.
 */
export async function exportIncidents(
  store: IncidentStore,
  target: string,
  shape: ExportShape = 'wrapped',
  now: Date = new Date()
): Promise<ExportResult> {
  const path = resolve(target)
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const out = createWriteStream(tmp, { flags: 'wx' })
  const failure = once(out, 'error').then(([err]) => Promise.reject(err as Error))
  failure.catch(() => undefined)
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failure])
  }
  let exported = 0
  try {
    await Promise.race([once(out, 'open'), failure])
    const count = store.count()
    if (shape === 'wrapped') {
      const header = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exported_at: now.toISOString(), count }
      await write(`${JSON.stringify(header).slice(0, -1)},"incidents":[`)
    } else await write(shape === 'array' ? '[' : '{')
    // Pages are read between writes, so a record edited meanwhile (its timestamp moved later)
    // can come round again: write each id once, or the backup would not import.
    const written = new Set<string>()
    for (const page of store.documents()) {
      let text = ''
      for (const { id, doc } of page) {
        if (written.has(id)) continue
        written.add(id)
        text += exported === 0 ? '\n' : ',\n'
        text += shape === 'keyed' ? `${JSON.stringify(id)}:${doc}` : doc
        exported++
      }
      await write(text)
    }
    await write(shape === 'wrapped' ? '\n]}\n' : shape === 'array' ? '\n]\n' : '\n}\n')
    out.end()
    await Promise.race([once(out, 'finish'), failure])
    const handle = await open(tmp, 'r+')
    await handle.sync()
    await handle.close()
    await rename(tmp, path)
  } catch (err) {
    out.destroy()
    await rm(tmp, { force: true })
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message
    throw new NetmortemError('IO_ERROR', `Cannot write ${path}: ${describeFsError(err)}`, { reason })
  }
  return { exported, path }
}
