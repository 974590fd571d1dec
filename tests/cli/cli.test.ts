import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Incident } from '../../src/shared/incident'
import { assertBuilt, netmortem, netmortemJson, startServe } from './cliHarness'

const dir = mkdtempSync(join(tmpdir(), 'nm-cli-'))
const db = join(dir, 'cli.db')
const withDb = (...args: string[]) => [...args, '--db', db]

function write(name: string, value: unknown): string {
  const path = join(dir, name)
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value))
  return path
}

const backup = [
  {
    id: 'inc-001',
    timestamp: '2025-11-20T09:00:00Z',
    severity: 'critical',
    category: 'routing_issue',
    description: 'BGP neighbor 10.0.1.0 not establishing on leaf-01',
    affected_devices: ['leaf-01', 'spine-01'],
    vendor_ticket: 'TAC-123'
  },
  {
    id: 'inc-002',
    timestamp: '2025-11-21T10:00:00Z',
    severity: 'low',
    category: 'config_error',
    description: 'Duplicate VLAN 100',
    affected_devices: ['leaf-02'],
    root_cause: 'VLAN defined twice',
    resolved_at: '2025-11-21T12:00:00Z'
  }
]

describe('netmortem command line (real process)', () => {
  beforeAll(() => assertBuilt())

  it('imports a backup and prints exactly one JSON document', () => {
    const report = netmortemJson(withDb('import', write('backup.json', { incidents: backup, version: 3 })))
    expect(report).toEqual({ added: 2, updated: 0, skipped: 0, failed: 0, errors: [] })
    const again = netmortemJson(withDb('import', join(dir, 'backup.json'), '--on-conflict', 'overwrite'))
    expect(again).toMatchObject({ added: 0, updated: 2 })
  })

  it('gets, lists newest first, and filters', () => {
    const one = netmortemJson<Incident>(withDb('get', 'inc-001'))
    expect(one.vendor_ticket).toBe('TAC-123')
    const all = netmortemJson<Incident[]>(withDb('list'))
    expect(all.map((i) => i.id)).toEqual(['inc-002', 'inc-001'])
    expect(netmortemJson<Incident[]>(withDb('list', '--status', 'open')).map((i) => i.id)).toEqual([
      'inc-001'
    ])
    expect(netmortemJson<Incident[]>(withDb('list', '--severity', 'low')).map((i) => i.id)).toEqual([
      'inc-002'
    ])
    expect(netmortemJson<Incident[]>(withDb('list', '--category', 'routing_issue'))).toHaveLength(1)
    expect(netmortemJson<Incident[]>(withDb('list', '--since', '2025-11-21'))).toHaveLength(1)
    expect(netmortemJson<Incident[]>(withDb('list', '--device', 'spine-01'))).toHaveLength(1)
    expect(netmortemJson<Incident[]>(withDb('list', '--limit', '1'))).toHaveLength(1)
  })

  it('prints a readable table without --json', () => {
    const run = netmortem(withDb('list'))
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')[0]).toMatch(
      /^ID\s+TIME\s+SEVERITY\s+CATEGORY\s+STATUS\s+DEVICES\s+DESCRIPTION$/
    )
    expect(run.stdout).toContain('BGP neighbor 10.0.1.0 not establishing on leaf-01')
  })

  it('captures with an id deploy-YYYYMMDD-HHMMSS, devices, errors and a model', () => {
    const errors = write('errors.json', [
      { code: 'VLAN_DUPLICATE_ID', severity: 'error', message: 'VLAN 100 twice', devices: ['leaf-01'] }
    ])
    const model = write('model.json', { name: 'dc1', devices: [{ name: 'leaf-01' }] })
    const first = netmortemJson<Incident>(
      withDb(
        'capture',
        '--description',
        'Deploy failed',
        '--device',
        'leaf-01',
        '--device',
        'leaf-02',
        '--errors',
        errors,
        '--model',
        model
      )
    )
    expect(first.id).toMatch(/^deploy-\d{8}-\d{6}(-\d+)?$/)
    expect(first).toMatchObject({ category: 'deployment_failure', affected_devices: ['leaf-01', 'leaf-02'] })
    expect(first.validation_errors[0]).toMatchObject({ code: 'VLAN_DUPLICATE_ID' })
    expect(first.network_model).toMatchObject({ name: 'dc1' })
  })

  it('adds a complete record from a file and refuses the same id twice', () => {
    const file = write('one.json', {
      id: 'added-1',
      timestamp: '2025-12-01T00:00:00Z',
      description: 'LACP flap'
    })
    expect(netmortemJson<Incident>(withDb('add', '--file', file)).id).toBe('added-1')
    const twice = netmortem(withDb('add', '--file', file, '--json'))
    expect(twice.code).not.toBe(0)
    expect(twice.stdout).toBe('')
    expect(twice.stderr.trim()).toBe('netmortem: An incident with id "added-1" already exists.')
  })

  it('updates fields by type and resolves', () => {
    const updated = netmortemJson<Incident>(
      withDb(
        'update',
        'inc-001',
        '--set',
        'severity=high',
        '--set',
        'tags=bgp,ebgp',
        '--set',
        'description=Peering failed'
      )
    )
    expect(updated).toMatchObject({
      severity: 'high',
      tags: ['bgp', 'ebgp'],
      description: 'Peering failed',
      vendor_ticket: 'TAC-123'
    })
    const resolved = netmortemJson<Incident>(
      withDb('resolve', 'inc-001', '--root-cause', 'Wrong remote-as', '--resolution', 'Fixed AS')
    )
    expect(resolved).toMatchObject({ root_cause: 'Wrong remote-as', resolution: 'Fixed AS' })
    expect(resolved.resolved_at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  })

  it('fails with a one-line reason and a non-zero exit for what a user can get wrong', () => {
    const cases: [string[], RegExp][] = [
      [withDb('get', 'no-such-id'), /^netmortem: No incident with id "no-such-id"\.$/],
      [withDb('update', 'no-such-id', '--set', 'severity=low'), /No incident with id/],
      [withDb('update', 'inc-001', '--set', 'severity=urgent'), /severity/],
      [withDb('update', 'inc-001', '--set', 'id=x'), /cannot be changed/],
      [withDb('import', join(dir, 'missing.json')), /Cannot read .*missing\.json/],
      [withDb('import', write('bad.json', '{"incidents": [')), /Nothing was imported/],
      [withDb('list', '--status', 'closed'), /status/],
      [withDb('capture'), /description/],
      [withDb('frobnicate'), /Unknown command/],
      [withDb('get'), /Usage: netmortem get ID/],
      [withDb('list', '--bogus'), /Unknown option/],
      [
        ['list', '--db', write('not-a-db.db', 'hello world, not sqlite at all'.repeat(100))],
        /is not a Netmortem database/
      ]
    ]
    for (const [args, pattern] of cases) {
      const run = netmortem([...args, '--json'])
      expect(run.code, args.join(' ')).not.toBe(0)
      expect(run.stdout, args.join(' ')).toBe('')
      const lines = run.stderr.trim().split('\n')
      expect(lines, args.join(' ')).toHaveLength(1)
      expect(lines[0], args.join(' ')).toMatch(pattern)
    }
    // Nothing stored was lost on the way.
    expect(netmortemJson<Incident[]>(withDb('list', '--limit', '0'))).toHaveLength(4)
  })

  it('refuses an import with bad records, lists each, and writes nothing', () => {
    const run = netmortem(
      withDb(
        'import',
        write('mixed.json', [
          { id: 'n1', timestamp: '2025-01-01' },
          { id: 'n2', severity: 9 }
        ]),
        '--json'
      )
    )
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout)
    expect(report).toMatchObject({ added: 0, failed: 1 })
    expect(report.errors.map((e: { field: string }) => e.field).sort()).toEqual(['severity', 'timestamp'])
    expect(run.stderr).toMatch(/Nothing was imported/)
    expect(netmortem(withDb('get', 'n1')).code).not.toBe(0)
  })

  it('exports atomically and the export imports back field for field', () => {
    const out = join(dir, 'export.json')
    const result = netmortemJson<{ exported: number; path: string }>(withDb('export', out))
    expect(result).toEqual({ exported: 4, path: out })
    const db2 = join(dir, 'restored.db')
    expect(netmortemJson(['import', out, '--db', db2])).toMatchObject({ added: 4, failed: 0 })
    const a = netmortemJson<Incident[]>(withDb('list', '--limit', '0'))
    const b = netmortemJson<Incident[]>(['list', '--limit', '0', '--db', db2])
    expect(b).toEqual(a)
    expect(readFileSync(out, 'utf8')).toContain('"format":"netmortem-incidents"')
  })

  it('takes the database from NETMORTEM_DB when --db is absent', () => {
    const run = netmortemJson<Incident[]>(['list'], { NETMORTEM_DB: db })
    expect(run.length).toBeGreaterThan(0)
    const fresh = join(dir, 'env.db')
    expect(netmortemJson<Incident[]>(['list'], { NETMORTEM_DB: fresh })).toEqual([])
    expect(existsSync(fresh)).toBe(true)
  })

  it('serve prints the URL first, answers with the secret, and stops on SIGTERM', async () => {
    const server = await startServe(['--db', db, '--port', '0'])
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/)
    const [base, token] = server.url.split('/#token=') as [string, string]
    const call = (headers: Record<string, string>) =>
      fetch(`${base}/api/incidents.get`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '{"id":"inc-002"}'
      })
    expect((await call({})).status).toBe(401)
    const okReply = await call({ Authorization: `Bearer ${token}` })
    expect(((await okReply.json()) as { value: Incident }).value.id).toBe('inc-002')
    expect(await server.stop()).toBe(0)
  })
})
