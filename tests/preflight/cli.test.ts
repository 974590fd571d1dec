import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Incident } from '../../src/shared/incident'
import type { PreflightResult } from '../../src/shared/networkModel'
import { assertBuilt, netmortem, netmortemJson } from '../cli/cliHarness'
import { EXAMPLES } from './support'

const dir = mkdtempSync(join(tmpdir(), 'nm-preflight-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const CLEAN = join(EXAMPLES, 'dc1-fabric.json')
const BROKEN = join(EXAMPLES, 'dc1-fabric-duplicate-vlan.json')

let dbs = 0
/** A fresh database for one test. */
const newDb = () => join(dir, `db-${++dbs}.db`)

function write(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

function preflightJson(args: string[]): { code: number; result: PreflightResult; stderr: string } {
  const run = netmortem(['preflight', ...args, '--json'])
  return { code: run.code, result: JSON.parse(run.stdout) as PreflightResult, stderr: run.stderr }
}

describe('netmortem preflight (real process)', () => {
  beforeAll(() => assertBuilt())

  it('exits 0 on a ready model, with incident_id null, and prints one JSON document', () => {
    const db = newDb()
    const run = netmortem(['preflight', CLEAN, '--db', db, '--json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      ready_to_deploy: true,
      errors: [],
      warnings: [],
      incident_id: null
    })
    expect(run.stderr).toBe('')
  })

  it('exits 1 on a model that is not ready, and captures an incident', () => {
    const db = newDb()
    const { code, result } = preflightJson([BROKEN, '--db', db])
    expect(code).toBe(1)
    expect(result.ready_to_deploy).toBe(false)
    expect(result.errors.map((e) => [e.code, e.devices, e.path])).toEqual([
      ['VLAN_DUPLICATE_ID', ['leaf-01', 'leaf-02', 'leaf-03', 'leaf-04'], '/vlans/3/id']
    ])
    expect(result.incident_id).toMatch(/^deploy-\d{8}-\d{6}(-\d+)?$/)
    expect(result.occurrence).toMatchObject({ count: 1 })
    const incident = netmortemJson<Incident>(['get', result.incident_id!, '--db', db])
    expect(incident).toMatchObject({
      category: 'deployment_failure',
      affected_devices: ['leaf-01', 'leaf-02', 'leaf-03', 'leaf-04'],
      network_model: { name: 'dc1-fabric' }
    })
    expect(incident.validation_errors).toEqual(result.errors)
  })

  it('counts a re-run on the same broken model as another occurrence', () => {
    const db = newDb()
    const first = preflightJson([BROKEN, '--db', db]).result
    const second = preflightJson([BROKEN, '--db', db]).result
    expect(second.incident_id).toBe(first.incident_id)
    expect(second.occurrence).toMatchObject({ count: 2 })
    expect(netmortemJson<Incident[]>(['list', '--db', db])).toHaveLength(1)
    const table = netmortem(['preflight', BROKEN, '--db', db])
    expect(table.code).toBe(1)
    expect(table.stdout).toContain(`Same failure seen again: occurrence 3 of incident ${first.incident_id}`)
  })

  it('captures nothing with --no-capture', () => {
    const db = newDb()
    const { code, result } = preflightJson([BROKEN, '--no-capture', '--db', db])
    expect(code).toBe(1)
    expect(result.incident_id).toBeNull()
    expect(result.errors).toHaveLength(1)
    expect(netmortemJson<Incident[]>(['list', '--db', db])).toEqual([])
  })

  it('prints a readable table and a closing line without --json', () => {
    const db = newDb()
    const run = netmortem(['preflight', BROKEN, '--db', db])
    expect(run.code).toBe(1)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^CODE\s+SEVERITY\s+DEVICES\s+PATH\s+MESSAGE$/)
    expect(lines[2]).toMatch(
      /^VLAN_DUPLICATE_ID\s+error\s+leaf-01,leaf-02,leaf-03 \+1\s+\/vlans\/3\/id\s+VLAN 100 is defined twice/
    )
    expect(lines[lines.length - 1]).toMatch(
      /^Not ready to deploy: 1 error, 0 warnings\. Captured incident deploy-\d{8}-\d{6}(-\d+)?\.$/
    )
    const clean = netmortem(['preflight', CLEAN, '--db', db])
    expect(clean.code).toBe(0)
    expect(clean.stdout).toBe('Ready to deploy: no findings.\n')
  })

  it('exits 2 on unusable input, with one line on stderr and nothing on stdout', () => {
    const db = newDb()
    const inputs = [
      join(dir, 'missing.json'),
      write('not-json.json', 'devices: [leaf-01]'),
      write('empty-object.json', '{}'),
      write('array.json', '[]'),
      write('devices-object.json', '{"devices": {"leaf-01": {}}}')
    ]
    for (const input of inputs) {
      for (const json of [[], ['--json']]) {
        const run = netmortem(['preflight', input, '--db', db, ...json])
        expect(run.code, input).toBe(2)
        expect(run.stdout).toBe('')
        expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
        expect(run.stderr).toMatch(/^netmortem: /)
      }
    }
    expect(netmortem(['preflight', join(dir, 'missing.json')]).stderr).toContain('no such file')
    expect(netmortem(['preflight', inputs[2]!]).stderr).toContain('has no devices array')
    expect(netmortem(['preflight']).code).toBe(2)
    expect(netmortemJson<Incident[]>(['list', '--db', db])).toEqual([])
  })

  it('needs no database for a ready model or with --no-capture', () => {
    const nowhere = join(dir, 'no-such-folder', 'sub', 'netmortem.db')
    expect(netmortem(['preflight', CLEAN, '--db', nowhere]).code).toBe(0)
    expect(netmortem(['preflight', BROKEN, '--no-capture', '--db', nowhere]).code).toBe(1)
  })
})
