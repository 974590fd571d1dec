import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { GeneratedTest } from '../../src/shared/testgen'
import { dispatch } from '../../src/main/core/dispatch'
import { handlersOf } from '../../src/main/core/handlers'
import { openNetmortem } from '../../src/main/core/service'
import { generateTest, wantsTest } from '../../src/main/core/testgen/generate'
import { readMark } from '../../src/main/core/testgen/header'
import { labWith, leaf } from '../preflight/support'
import { incident, tempDir } from './support'

const cleanups: (() => void)[] = []
afterAll(() => cleanups.forEach((c) => c()))
const AT = '2025-11-26T08:30:00.000Z'
const finding = (code: string, severity = 'error') => ({
  code,
  severity,
  message: `${code} found`,
  devices: ['leaf-01']
})

describe('generateTest chooses the test by the incident', () => {
  it('finding codes: a pytest model check, one test per error code, in the contract order', () => {
    const test = generateTest(
      incident({
        id: 'deploy-1',
        category: 'routing_issue',
        validation_errors: [
          finding('MTU_MISMATCH'),
          finding('VLAN_DUPLICATE_ID'),
          finding('MTU_MISMATCH'),
          finding('BGP_NEIGHBOR_UNKNOWN', 'warning'),
          { code: 'NOT_A_CONTRACT_CODE' },
          { error: 'an older record', type: 'vlan' }
        ]
      }),
      AT
    )
    expect(test).toMatchObject({
      incident_id: 'deploy-1',
      kind: 'pytest',
      filename: 'test_deploy_1.py',
      checks: ['VLAN_DUPLICATE_ID', 'MTU_MISMATCH'],
      skeleton: false,
      needs: ['netmortem_checks.py', 'conftest.py']
    })
    expect(test.code.match(/^def test_\w+/gm)).toEqual([
      'def test_no_vlan_duplicate_id',
      'def test_no_mtu_mismatch'
    ])
    expect(test.code).toContain('Not tested: BGP_NEIGHBOR_UNKNOWN')
  })

  it('a warning alone is the incident: it is tested', () => {
    const test = generateTest(
      incident({ id: 'w', validation_errors: [finding('BGP_NEIGHBOR_UNKNOWN', 'warning')] }),
      AT
    )
    expect(test.checks).toEqual(['BGP_NEIGHBOR_UNKNOWN'])
  })

  it('routing issues and outages without codes: a pyATS script', () => {
    for (const category of ['routing_issue', 'network_outage']) {
      const test = generateTest(incident({ id: 'r', category, description: 'BGP down' }), AT)
      expect(test).toMatchObject({ kind: 'pyats', skeleton: false, needs: ['conftest.py'] })
      expect(test.code).toContain('\n# netmortem-kind: pyats\n')
    }
  })

  it('anything else: a skeleton that fails, keeping an imported test only as text', () => {
    const imported = 'import os\nos.system("rm -rf ~")\n'
    const test = generateTest(incident({ id: 'c', category: 'config_error', regression_test: imported }), AT)
    expect(test).toMatchObject({ kind: 'pytest', skeleton: true, checks: [], needs: [] })
    expect(test.reason).toMatch(/^No automatic check fits: it has no pre-flight finding codes/)
    expect(test.code).toContain('STORED_TEST = "import os\\nos.system(\\"rm -rf ~\\")\\n"')
    expect(test.code).not.toContain('\nimport os\n')
    // A stored test Netmortem generated itself is not kept twice.
    const again = generateTest(
      incident({ id: 'c', category: 'config_error', regression_test: test.code }),
      AT
    )
    expect(again.code).not.toContain('STORED_TEST')
  })

  it('starts every file with a docstring naming the incident, its description and the generation time', () => {
    for (const category of ['deployment_failure', 'routing_issue', 'other']) {
      const code = generateTest(
        incident({
          id: 'inc-7',
          category,
          description: 'Leaf-01 lost VLAN 100',
          validation_errors: category === 'deployment_failure' ? [finding('VLAN_UNDEFINED')] : []
        }),
        AT
      ).code
      expect(code.startsWith('(\n    "')).toBe(true)
      expect(code).toContain('"Incident: inc-7\\n"')
      expect(code).toContain('"Leaf-01 lost VLAN 100\\n"')
      expect(code).toContain(`"Generated: ${AT} by Netmortem\\n"`)
      expect(readMark(code)).toMatchObject({ ours: true, intact: true, incidentId: 'inc-7', generatedAt: AT })
    }
  })

  it('exports by default only incidents a test fits, or that have a test', () => {
    expect(wantsTest(incident({ id: 'a', validation_errors: [finding('IP_DUPLICATE')] }))).toBe(true)
    expect(wantsTest(incident({ id: 'b', category: 'network_outage' }))).toBe(true)
    expect(wantsTest(incident({ id: 'c', regression_test: 'def test(): pass' }))).toBe(true)
    expect(wantsTest(incident({ id: 'd', validation_errors: [{ error: 'old', type: 'x' }] }))).toBe(false)
    expect(wantsTest(incident({ id: 'e', category: 'config_error' }))).toBe(false)
  })
})

describe('the tests.generate operation', () => {
  it('generates the test of a stored incident, and refuses an unknown id', async () => {
    const dir = tempDir('nm-testgen-api-', cleanups)
    const service = openNetmortem({
      dbPath: join(dir, 'netmortem.db'),
      now: () => new Date('2025-11-25T12:00:00.000Z')
    })
    try {
      const result = await service.preflight(labWith((m) => (leaf(m).interfaces[0].mtu = 1500)))
      const handlers = handlersOf(service)
      const made = await dispatch(handlers, 'tests.generate', { id: result.incident_id })
      expect(made.ok).toBe(true)
      const test = (made as { value: GeneratedTest }).value
      expect(test).toMatchObject({
        kind: 'pytest',
        filename: 'test_deploy_20251125_120000.py',
        checks: ['MTU_MISMATCH']
      })
      expect(test.code).toContain('# netmortem-generated: 2025-11-25T12:00:00.000Z')
      expect(await dispatch(handlers, 'tests.generate', { id: 'nope' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' }
      })
      expect(await dispatch(handlers, 'tests.generate', {})).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' }
      })
    } finally {
      await service.close()
    }
  })
})
