import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExportTestsResult } from '../../src/shared/testgen'
import { assertBuilt, netmortem, netmortemJson } from '../cli/cliHarness'
import { tempDir } from './support'

const cleanups: (() => void)[] = []
afterAll(() => cleanups.forEach((c) => c()))
const dir = tempDir('nm-testgen-cli-', cleanups)
const db = join(dir, 'cli.db')
const checkout = join(dir, 'checkout')
mkdirSync(checkout)

const backup = [
  {
    id: 'deploy-20251125-120000',
    timestamp: '2025-11-25T12:00:00Z',
    category: 'deployment_failure',
    description: 'Pre-flight validation failed: VLAN 100 defined twice',
    affected_devices: ['leaf-01'],
    validation_errors: [
      {
        code: 'VLAN_DUPLICATE_ID',
        severity: 'error',
        message: 'VLAN 100 is defined twice',
        devices: ['leaf-01']
      }
    ]
  },
  {
    id: 'inc-002',
    timestamp: '2025-11-26T12:00:00Z',
    category: 'routing_issue',
    description: 'BGP neighbor 10.0.1.0 down on leaf-01',
    affected_devices: ['leaf-01']
  },
  {
    id: 'inc-003',
    timestamp: '2025-11-27T12:00:00Z',
    category: 'config_error',
    description: 'Typo in banner'
  },
  {
    id: '../../escape"""\nimport os',
    timestamp: '2025-11-28T12:00:00Z',
    category: 'network_outage',
    description: 'Outage'
  }
]

const withDb = (...args: string[]) => [...args, '--db', db]

describe('netmortem export-tests (real process)', () => {
  beforeAll(() => {
    assertBuilt()
    const file = join(dir, 'backup.json')
    writeFileSync(file, JSON.stringify(backup))
    expect(netmortem(withDb('import', file)).code).toBe(0)
  })

  it('exports every incident a test fits, says which, and prints one JSON document', () => {
    const run = netmortem(withDb('export-tests', '--to', checkout, '--json'))
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout) as ExportTestsResult
    expect(result.selected.sort()).toEqual([
      '../../escape"""\nimport os',
      'deploy-20251125-120000',
      'inc-002'
    ])
    expect(result.written).toHaveLength(5)
    for (const path of result.written)
      expect(path.startsWith(join(checkout, 'tests', 'regression'))).toBe(true)
    expect(result.skipped).toEqual([])
    expect(result.git.work_tree).toBe(false)
    expect(run.stderr).toContain('No --id: exported the 3 incidents with pre-flight findings')
    expect(readdirSync(checkout)).toEqual(['tests'])
  })

  it('changes nothing when run again, and prints a table without --json', () => {
    const again = netmortemJson<ExportTestsResult>(withDb('export-tests', '--to', checkout))
    expect(again.written).toEqual([])
    expect(again.unchanged).toHaveLength(5)
    const table = netmortem(withDb('export-tests', '--to', checkout, '--id', 'inc-003'))
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(/^STATUS +KIND +INCIDENT +FILE +WHY$/m)
    expect(table.stdout).toMatch(/^created +pytest +inc-003 +tests\/regression\/test_inc_003\.py +new$/m)
    expect(table.stdout).toContain('1 file written, 1 unchanged, 0 skipped.')
    expect(table.stdout).toContain('Not a git work tree')
  })

  it('fails with a one-line reason: no --to, a missing folder, an unknown id', () => {
    const noTo = netmortem(withDb('export-tests'))
    expect(noTo.code).toBe(2)
    expect(noTo.stderr.trim().split('\n')).toHaveLength(1)
    const missing = netmortem(withDb('export-tests', '--to', join(dir, 'nowhere')))
    expect(missing.code).not.toBe(0)
    expect(missing.stderr.trim()).toMatch(
      /^netmortem: Cannot export tests to .*nowhere: no such folder\.$|no such folder/
    )
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    const unknown = netmortem(withDb('export-tests', '--to', checkout, '--id', 'nope', '--json'))
    expect(unknown.code).not.toBe(0)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toContain('No incident with id "nope"')
  })
})
