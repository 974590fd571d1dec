import { existsSync, mkdtempSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BRIDGE_TESTS_EXPORT, OPERATION_NAMES } from '../../src/shared/api'
import { startBridge, type Bridge } from '../../src/main/bridge/server'
import { openNetmortem, type NetmortemService } from '../../src/main/core/service'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request, so that Host and Origin can be set to anything (fetch forbids it). */
function send(
  bridge: Bridge,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer
): Promise<Reply> {
  return new Promise((done, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method,
        path,
        headers: { Host: `127.0.0.1:${bridge.port}`, ...headers }
      },
      (res) => {
        const parts: Buffer[] = []
        res.on('data', (c: Buffer) => parts.push(c))
        res.on('end', () =>
          done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts).toString() })
        )
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

const api = (bridge: Bridge, op: string, payload: unknown, headers: Record<string, string> = {}) =>
  send(
    bridge,
    'POST',
    `/api/${op}`,
    { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json', ...headers },
    JSON.stringify(payload)
  )

describe('browser bridge', () => {
  let service: NetmortemService
  let bridge: Bridge
  const dir = mkdtempSync(join(tmpdir(), 'nm-bridge-'))

  beforeAll(async () => {
    const renderer = join(dir, 'renderer')
    mkdirSync(renderer)
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Netmortem</title>')
    writeFileSync(join(dir, 'secret.txt'), 'not for the browser')
    service = openNetmortem({ dbPath: join(dir, 'test.db') })
    bridge = await startBridge({ service, rendererDir: renderer, port: 0 })
  })
  afterAll(async () => {
    await bridge.close()
    await service.close()
  })

  it('listens on loopback only and prints a URL carrying a fresh secret', async () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{40,}$/)
    const other = await startBridge({ service, rendererDir: join(dir, 'renderer'), port: 0 })
    expect(other.token).not.toBe(bridge.token)
    await other.close()
  })

  it('serves the workbench with a strict CSP', async () => {
    const reply = await send(bridge, 'GET', '/')
    expect(reply.status).toBe(200)
    expect(reply.body).toContain('Netmortem')
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'")
    expect(reply.headers['x-frame-options']).toBe('DENY')
  })

  it('never serves files outside the workbench folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const reply = await send(bridge, 'GET', path)
      expect(reply.status).toBe(404)
      expect(reply.body).not.toContain('not for the browser')
    }
  })

  it('answers API calls that carry the secret', async () => {
    const reply = await api(bridge, 'incidents.capture', { description: 'BGP down on leaf-01' })
    expect(reply.status).toBe(200)
    const result = JSON.parse(reply.body)
    expect(result.ok).toBe(true)
    expect(result.value.id).toMatch(/^deploy-\d{8}-\d{6}/)
  })

  it('refuses API calls without the secret or with a wrong one (401)', async () => {
    const before = service.info().incidentCount
    const none = await send(
      bridge,
      'POST',
      '/api/incidents.capture',
      { 'Content-Type': 'application/json' },
      '{"description":"x"}'
    )
    expect(none.status).toBe(401)
    expect(JSON.parse(none.body).error.code).toBe('UNAUTHORIZED')
    const wrong = await api(
      bridge,
      'incidents.capture',
      { description: 'x' },
      { Authorization: 'Bearer nope' }
    )
    expect(wrong.status).toBe(401)
    const almost = await api(
      bridge,
      'incidents.capture',
      { description: 'x' },
      {
        Authorization: `Bearer ${bridge.token.slice(0, -1)}${bridge.token.endsWith('A') ? 'B' : 'A'}`
      }
    )
    expect(almost.status).toBe(401)
    expect(service.info().incidentCount).toBe(before)
  })

  it('refuses a foreign Host (DNS rebinding) with 403, even with the secret', async () => {
    for (const host of [
      `evil.example:${bridge.port}`,
      'evil.example',
      `127.0.0.1:${bridge.port + 1}`,
      'localhost'
    ]) {
      const reply = await api(bridge, 'app.info', {}, { Host: host })
      expect(reply.status, host).toBe(403)
      const page = await send(bridge, 'GET', '/', { Host: host })
      expect(page.status, host).toBe(403)
    }
  })

  it('refuses a request without a Host header (403)', async () => {
    const raw = await new Promise<string>((done) => {
      const socket = connect(bridge.port, '127.0.0.1', () => socket.end('GET / HTTP/1.0\r\n\r\n'))
      let text = ''
      socket.on('data', (c) => (text += c.toString()))
      socket.on('close', () => done(text))
    })
    expect(raw).toMatch(/^HTTP\/1\.[01] 403/)
  })

  it('refuses a foreign Origin with 403, even with the secret', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${bridge.port + 1}`, 'null', 'file://']) {
      const reply = await api(bridge, 'app.info', {}, { Origin: origin })
      expect(reply.status, origin).toBe(403)
      expect(JSON.parse(reply.body).error.code).toBe('FORBIDDEN')
    }
    const own = await api(bridge, 'app.info', {}, { Origin: `http://127.0.0.1:${bridge.port}` })
    expect(own.status).toBe(200)
  })

  it('validates payloads and returns typed, one-line errors', async () => {
    const bad = JSON.parse((await api(bridge, 'incidents.get', { id: 42 })).body)
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(bad.error.message).not.toContain('\n')
    const missing = JSON.parse((await api(bridge, 'incidents.get', { id: 'nope' })).body)
    expect(missing).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No incident with id "nope".' }
    })
    const unknown = JSON.parse((await api(bridge, 'fs.readFile', {})).body)
    expect(unknown.error.code).toBe('UNSUPPORTED')
    // A body that is not JSON, and one that does not say it is.
    for (const [contentType, body, status] of [
      ['application/json', '{oops', 400],
      ['application/x-www-form-urlencoded', 'a=1', 415]
    ] as const) {
      const reply = await send(
        bridge,
        'POST',
        '/api/app.info',
        { Authorization: `Bearer ${bridge.token}`, 'Content-Type': contentType },
        body
      )
      expect(reply.status, contentType).toBe(status)
    }
    const get = await send(bridge, 'GET', '/api/app.info', { Authorization: `Bearer ${bridge.token}` })
    expect(get.status).toBe(405)
  })

  it('imports an uploaded backup and exports one for download', async () => {
    const backup = JSON.stringify([
      { id: 'up-1', timestamp: '2025-11-25T12:00:00Z', description: 'OSPF stuck in EXSTART', extra: 1 }
    ])
    const imported = await send(
      bridge,
      'POST',
      '/api/backup.import?onConflict=skip',
      { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' },
      backup
    )
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true, value: { added: 1, failed: 0 } })
    const refused = await send(
      bridge,
      'POST',
      '/api/backup.import',
      { 'Content-Type': 'application/json' },
      backup
    )
    expect(refused.status).toBe(401)
    const exported = await api(bridge, 'backup.export', {})
    expect(exported.status).toBe(200)
    expect(exported.headers['content-disposition']).toMatch(
      /attachment; filename="netmortem-incidents-\d{8}\.json"/
    )
    const file = JSON.parse(exported.body)
    expect(file.incidents.map((i: { id: string }) => i.id)).toContain('up-1')
    expect(file.incidents.find((i: { id: string }) => i.id === 'up-1').extra).toBe(1)
  })

  it('reports a bad upload record by record and writes nothing', async () => {
    const before = service.info().incidentCount
    const reply = await send(
      bridge,
      'POST',
      '/api/backup.import',
      { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' },
      JSON.stringify([
        { id: 'ok-1', timestamp: '2025-01-01' },
        { id: 'bad', timestamp: 'yesterday' }
      ])
    )
    const result = JSON.parse(reply.body)
    expect(result.value.failed).toBe(1)
    expect(result.value.errors[0]).toMatchObject({ index: 1, id: 'bad', field: 'timestamp' })
    expect(service.info().incidentCount).toBe(before)
  })

  describe('exporting regression tests into a typed folder', () => {
    const exportApi = async (op: 'tests.exportPreview' | 'tests.export', payload: unknown) => {
      const reply = await api(bridge, op, payload)
      expect(reply.status).toBe(200)
      return JSON.parse(reply.body)
    }

    it('previews without writing, then exports, making a missing last folder', async () => {
      await service.capture({ description: 'OSPF down on spine-02', category: 'routing_issue' })
      const checkout = join(dir, 'checkout')
      const preview = await exportApi('tests.exportPreview', { dir: `${checkout}\n` })
      expect(preview).toMatchObject({ ok: true, value: { dir: checkout, exists: false } })
      expect(preview.value.files.length).toBeGreaterThan(1)
      expect(preview.value.files.every((f: { action: string }) => f.action === 'create')).toBe(true)
      expect(existsSync(checkout)).toBe(false)

      const done = await exportApi('tests.export', { dir: checkout })
      expect(done.ok).toBe(true)
      expect(done.value.written).toEqual(preview.value.files.map((f: { path: string }) => f.path))
      for (const path of done.value.written) expect(existsSync(path)).toBe(true)
      const again = await exportApi('tests.exportPreview', { dir: checkout, overwriteEdited: true })
      expect(again.value.files.every((f: { action: string }) => f.action === 'unchanged')).toBe(true)
    })

    const badFolders: [string, unknown, RegExp][] = [
      [
        'a relative path',
        { dir: 'checkout' },
        /^Cannot export tests to checkout: give the folder's absolute path, like .+\.$/
      ],
      ['a path from home', { dir: '~/src/configs' }, /give the folder's absolute path/],
      ['a dotted relative path', { dir: '../../etc' }, /give the folder's absolute path/],
      ['no path', { dir: '  ' }, /^Name the folder to export tests to: its absolute path\.$/],
      [
        'a file',
        { dir: join(dir, 'secret.txt') },
        /^Cannot export tests to .*secret\.txt: it is not a folder\.$/
      ],
      [
        'a folder whose parent is missing',
        { dir: join(dir, 'no', 'such') },
        /^Cannot export tests to .*such: no such folder, and no folder .*no to make it in\.$/
      ],
      ['a missing dir', {}, /^Invalid request for tests\.exportPreview: dir /],
      ['a number', { dir: 42 }, /^Invalid request for tests\.exportPreview: dir /],
      ['a NUL in the path', { dir: `${dir}/a\u0000b` }, /must not hold a NUL character/],
      ['an unknown field', { dir, to: '/etc' }, /^Invalid request for tests\.exportPreview: /],
      ['bad ids', { dir, ids: [''] }, /^Invalid request for tests\.exportPreview: ids\.0 /]
    ]

    it.each(badFolders)(
      'refuses %s with a one-line error, writing nothing',
      async (_case, payload, message) => {
        const before = readdirSync(dir).sort()
        for (const op of ['tests.exportPreview', 'tests.export'] as const) {
          const result = await exportApi(op, payload)
          expect(result.ok).toBe(false)
          expect(result.error.code).toBe('INVALID_INPUT')
          expect(result.error.message).not.toContain('\n')
          expect(result.error.message).toMatch(
            op === 'tests.export' ? new RegExp(message.source.replace('exportPreview', 'export')) : message
          )
        }
        expect(readdirSync(dir).sort()).toEqual(before)
      }
    )

    it('needs the secret, and is not an operation of the desktop API', async () => {
      const refused = await send(
        bridge,
        'POST',
        '/api/tests.export',
        { 'Content-Type': 'application/json' },
        JSON.stringify({ dir: join(dir, 'stolen') })
      )
      expect(refused.status).toBe(401)
      const foreign = await api(
        bridge,
        'tests.export',
        { dir: join(dir, 'stolen') },
        { Origin: 'http://evil.example' }
      )
      expect(foreign.status).toBe(403)
      expect(existsSync(join(dir, 'stolen'))).toBe(false)
      for (const name of Object.values(BRIDGE_TESTS_EXPORT)) expect(OPERATION_NAMES).not.toContain(name)
    })
  })
})
