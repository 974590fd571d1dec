import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { z } from 'zod'
import { CONFLICT_POLICIES } from '../../shared/api'
import { fail, ok, type ApiError, type ErrorCode, type Result } from '../../shared/result'
import { dispatch } from '../core/dispatch'
import { toApiError } from '../core/errors'
import { handlersOf } from '../core/handlers'
import type { NetmortemService } from '../core/service'
import { checkOrigin, checkToken, guardFor, type Guard } from './guard'
import { SECURITY_HEADERS, serveStatic } from './staticFiles'
import { bridgeTestsExport, isBridgeTestsExport } from './testsExport'

/**
 * The browser bridge: the workbench and the same API as the desktop app, over HTTP on
 * 127.0.0.1 only, for machines where Electron cannot run. API calls are POST /api/<operation>
 * with a JSON body and `Authorization: Bearer <secret>`; every answer is a Result envelope.
 * Besides the contract's operations: backups as upload and download, and the test export into
 * a folder whose path the user types (testsExport.ts), which the desktop app never takes.
 */
export interface BridgeOptions {
  service: NetmortemService
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  /** The per-run secret; a fresh random one when not given. */
  token?: string
}

export interface Bridge {
  url: string
  port: number
  token: string
  close: () => Promise<void>
}

const MAX_JSON_BODY = 16 * 1024 * 1024

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  const rendererDir = resolve(options.rendererDir)
  const handlers = handlersOf(options.service)
  // Known once the server listens: the guard checks Host and Origin against the real port.
  const bound: { guard?: Guard } = {}

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, fail(toApiError(err))))
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = checkOrigin(bound.guard!, req)
    if (!origin.ok) return refuse(res, origin.status, origin.message)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'API calls must use POST.')
      const auth = checkToken(bound.guard!, req)
      if (!auth.ok) return refuse(res, auth.status, auth.message)
      const name = url.pathname.slice('/api/'.length)
      if (name === 'backup.import') return importUpload(req, res, url)
      if (name === 'backup.export') return exportDownload(res)
      if (!isJson(req)) return refuse(res, 415, 'API calls must send Content-Type: application/json.')
      const body = await readJson(req)
      if (!body.ok) return send(res, body.status, fail(body.error))
      if (isBridgeTestsExport(name)) {
        return send(res, 200, await bridgeTestsExport(options.service, name, body.value))
      }
      return send(res, 200, await dispatch(handlers, name, body.value))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.')
    if (await serveStatic(rendererDir, url.pathname, res)) return
    return refuse(res, 404, `Not found: ${url.pathname}`)
  }

  async function importUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const policy = z.enum(CONFLICT_POLICIES).safeParse(url.searchParams.get('onConflict') ?? 'skip')
    if (!policy.success) {
      return send(
        res,
        200,
        fail({ code: 'INVALID_INPUT', message: 'onConflict must be skip, overwrite or newer.' })
      )
    }
    const dir = await mkdtemp(join(tmpdir(), 'netmortem-upload-'))
    try {
      const file = join(dir, 'incidents.json')
      await pipeline(req, createWriteStream(file))
      send(res, 200, ok(await options.service.importFile(file, policy.data)))
    } catch (err) {
      send(res, 200, fail(toApiError(err)))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  async function exportDownload(res: ServerResponse): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'netmortem-export-'))
    try {
      const name = `netmortem-incidents-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}.json`
      const result = await options.service.exportFile(join(dir, name))
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'X-Netmortem-Exported': String(result.exported),
        'Cache-Control': 'no-store'
      })
      await pipeline(createReadStream(result.path), res)
    } catch (err) {
      if (!res.headersSent) send(res, 500, fail(toApiError(err)))
      else res.destroy()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  await new Promise<void>((done, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => done())
  })
  const port = (server.address() as { port: number }).port
  bound.guard = guardFor(port, token)
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      })
  }
}

function isJson(req: IncomingMessage): boolean {
  return /^application\/json\b/i.test(req.headers['content-type'] ?? '')
}

async function readJson(
  req: IncomingMessage
): Promise<{ ok: true; value: unknown } | { ok: false; status: number; error: ApiError }> {
  const parts: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_JSON_BODY) {
      return {
        ok: false,
        status: 413,
        error: { code: 'INVALID_INPUT', message: 'The request is too large.' }
      }
    }
    parts.push(chunk)
  }
  const text = Buffer.concat(parts).toString('utf8')
  if (text.trim() === '') return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return {
      ok: false,
      status: 400,
      error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' }
    }
  }
}

function send(res: ServerResponse, status: number, result: Result<unknown>): void {
  const body = JSON.stringify(result)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store'
  })
  res.end(body)
}

function refuse(res: ServerResponse, status: number, message: string): void {
  const code: ErrorCode =
    status === 401
      ? 'UNAUTHORIZED'
      : status === 403
        ? 'FORBIDDEN'
        : status === 404
          ? 'NOT_FOUND'
          : 'INVALID_INPUT'
  send(res, status, fail({ code, message }))
}
