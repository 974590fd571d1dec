import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import type { Incident } from '../../src/shared/incident'
import { incidentDevices } from '../../src/main/core/testgen/facts'
import { generateTest } from '../../src/main/core/testgen/generate'
import { readMark } from '../../src/main/core/testgen/header'
import { SAFE_TEST_NAME } from '../../src/main/core/testgen/safeName'
import { HOSTILE, incident, inspectPython, tempDir, type Inspected } from './support'

const cleanups: (() => void)[] = []
afterAll(() => cleanups.forEach((c) => c()))
const dir = tempDir('nm-testgen-hostile-', cleanups)

interface Strings {
  id: string
  description: string
  devices: [string, string]
  message: string
}

const AT = '2025-11-26T08:30:00.000Z'

/** The three kinds of generated file, made from the same strings: benign ones or hostile ones. */
function incidentsOf(s: Strings): Record<'model' | 'pyats' | 'skeleton', Incident> {
  const [a, b] = s.devices
  return {
    model: incident({
      id: s.id,
      description: s.description,
      root_cause: s.message,
      affected_devices: [a, b],
      validation_errors: [
        { code: 'VLAN_DUPLICATE_ID', severity: 'error', message: s.message, devices: [a, b] },
        { code: 'MTU_MISMATCH', severity: 'error', message: s.description, devices: [b] },
        { code: 'BGP_NEIGHBOR_UNKNOWN', severity: 'warning', message: s.message, devices: [a] },
        { error: s.message, type: s.description }
      ]
    }),
    pyats: incident({
      id: s.id,
      category: 'routing_issue',
      // Names every check, so benign and hostile incidents plan the same Testcases.
      description: `BGP and OSPF down, interface errors, route 10.100.0.0/24 missing. ${s.description}`,
      resolution: s.message,
      affected_devices: [a, b],
      network_model: {
        devices: [
          {
            name: a,
            router_id: '10.255.0.1',
            interfaces: [{ name: s.message || 'Ethernet1', ip: '10.0.0.0/31', ospf_area: '0' }],
            bgp: { neighbors: [{ ip: '10.0.0.1', remote_as: 65001, description: s.description }] }
          },
          {
            name: b,
            router_id: '10.255.0.2',
            interfaces: [{ name: 'Ethernet1', ip: '10.0.0.1/31', ospf_area: '0.0.0.0' }]
          }
        ],
        links: [
          { a: { device: a, interface: s.message || 'Ethernet1' }, b: { device: b, interface: 'Ethernet1' } }
        ]
      }
    }),
    skeleton: incident({
      id: s.id,
      category: s.message || 'other',
      description: s.description,
      regression_test: `def test_imported():\n    ${s.description}\n`
    })
  }
}

const BENIGN: Strings = {
  id: 'deploy-20251125-120000',
  description: 'Duplicate VLAN 100 on leaf-01',
  devices: ['leaf-01', 'leaf-02'],
  message: 'VLAN 100 is defined twice'
}

let files = 0
function write(kind: string, test: { code: string }): string {
  const path = join(dir, `${kind}-${++files}.py`)
  writeFileSync(path, test.code, 'utf8')
  return path
}

const hostileStrings = (i: number): Strings => ({
  id: HOSTILE[i % HOSTILE.length]!,
  description: HOSTILE[(i + 1) % HOSTILE.length]!,
  devices: [HOSTILE[(i + 2) % HOSTILE.length]!, HOSTILE[(i + 3) % HOSTILE.length]!],
  message: HOSTILE[(i + 5) % HOSTILE.length]!
})

const anyText = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
  fc.constantFrom(...HOSTILE)
)
const randomStrings = fc.record({
  id: anyText,
  description: anyText,
  devices: fc.tuple(anyText, anyText),
  message: anyText
})

describe('generated files from hostile incidents', () => {
  it('compile, are pure ASCII, hold the data exactly, and have the same syntax tree as from a benign incident', async () => {
    const cases: { kind: 'model' | 'pyats' | 'skeleton'; source: Incident; path: string }[] = []
    const add = (strings: Strings) => {
      const made = incidentsOf(strings)
      for (const kind of ['model', 'pyats', 'skeleton'] as const) {
        const test = generateTest(made[kind], AT)
        expect(test.filename).toMatch(SAFE_TEST_NAME)
        const mark = readMark(test.code)
        expect(mark).toMatchObject({ ours: true, intact: true, incidentId: strings.id, generatedAt: AT })
        cases.push({ kind, source: made[kind], path: write(kind, test) })
      }
    }
    add(BENIGN)
    for (let i = 0; i < HOSTILE.length; i++) add(hostileStrings(i))
    for (const strings of fc.sample(randomStrings, { numRuns: 50, seed: 11 })) add(strings as Strings)

    const inspected = await inspectPython(cases.map((c) => c.path))
    const benign = new Map<string, Inspected>(inspected.slice(0, 3).map((r, i) => [cases[i]!.kind, r]))
    expect(benign.get('model')!.top).toEqual(['Expr', 'Import', 'Assign', 'FunctionDef', 'FunctionDef'])
    expect(benign.get('skeleton')!.top).toEqual(['Expr', 'Import', 'Assign', 'Assign', 'FunctionDef'])

    inspected.forEach((r, i) => {
      const { kind, source } = cases[i]!
      const label = `${kind} ${JSON.stringify(source.id).slice(0, 60)}`
      expect(r.error, label).toBeUndefined()
      expect(r.ascii, label).toBe(true)
      // Only the template's statements: the tree is the benign one with other strings in it.
      expect(r.shape, label).toBe(benign.get(kind)!.shape)
      expect(r.constants!.INCIDENT, label).toBe(source.id)
      expect(r.doc, label).toContain(`Incident: ${source.id}\n`)
      expect(r.doc, label).toContain(source.description)
      expect(r.doc, label).toContain(`Generated: ${AT}`)
      if (kind === 'pyats') expect(r.constants!.DEVICES, label).toEqual(incidentDevices(source))
      if (kind === 'skeleton') expect(r.constants!.STORED_TEST, label).toBe(source.regression_test)
    })
  })
})
