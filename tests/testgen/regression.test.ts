import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FINDING_CODES, type FindingCode } from '../../src/shared/networkModel'
import type { ExportTestsResult } from '../../src/shared/testgen'
import { openNetmortem, type NetmortemService } from '../../src/main/core/service'
import { validateModel } from '../../src/main/core/preflight/validate'
import { lab, labWith, leaf, spine, type Json } from '../preflight/support'
import { limited, pytest, tempDir, type Run } from './support'

/**
 * For every finding code: a fault of that kind, the same kind of fault on other objects (with
 * the first one fixed), and what the failure must name of the second.
 */
interface Case {
  broken: (m: Json) => void
  recurrence: (m: Json) => void
  names: string[]
}

const routed = (name: string, ip: string, extra: Json = {}) => ({ name, mode: 'routed', ip, ...extra })
const link = (a: string, ai: string, b: string, bi: string) => ({
  a: { device: a, interface: ai },
  b: { device: b, interface: bi }
})

const CASES: Record<FindingCode, Case> = {
  DEVICE_DUPLICATE: {
    broken: (m) => m.devices.push({ name: 'leaf-01' }),
    recurrence: (m) => m.devices.push({ name: 'spine-01', asn: 65000 }),
    names: ['Device "spine-01" is defined twice']
  },
  INTERFACE_DUPLICATE: {
    broken: (m) => leaf(m).interfaces.push({ name: 'Ethernet1' }),
    recurrence: (m) => spine(m).interfaces.push({ name: 'Ethernet1', mtu: 1500 }),
    names: ['spine-01 has interface Ethernet1 twice']
  },
  VLAN_DUPLICATE_ID: {
    broken: (m) => m.vlans.push({ id: 100, name: 'web-2', devices: ['leaf-01'] }),
    recurrence: (m) => m.vlans.push({ id: 300, name: 'db' }, { id: 300, name: 'db-2' }),
    names: ['VLAN 300 is defined twice']
  },
  VLAN_ID_OUT_OF_RANGE: {
    broken: (m) => m.vlans.push({ id: 4095, devices: ['leaf-01'] }),
    recurrence: (m) => spine(m).interfaces.push({ name: 'Ethernet7', mode: 'access', access_vlan: 5000 }),
    names: ['spine-01 Ethernet7 is an access port in VLAN 5000']
  },
  VLAN_UNDEFINED: {
    broken: (m) => leaf(m).interfaces[2].trunk_vlans.push(300),
    recurrence: (m) => spine(m).interfaces.push({ name: 'Ethernet5', mode: 'access', access_vlan: 400 }),
    names: ['spine-01 Ethernet5 is an access port in VLAN 400']
  },
  UNKNOWN_DEVICE_REFERENCE: {
    broken: (m) => m.vlans[0].devices.push('leaf-02'),
    recurrence: (m) => m.links.push(link('spine-02', 'Ethernet1', 'leaf-01', 'Ethernet2')),
    names: ['"spine-02"']
  },
  UNKNOWN_INTERFACE_REFERENCE: {
    broken: (m) => (m.links[0].b.interface = 'Ethernet50'),
    recurrence: (m) => m.links.push(link('spine-01', 'Ethernet9', 'leaf-01', 'Ethernet2')),
    names: ['spine-01 has no interface Ethernet9']
  },
  IP_DUPLICATE: {
    // A disabled interface still holds its address; /24 and /31 hold the same address.
    broken: (m) => (leaf(m).interfaces[3].ip = '10.0.1.0/24'),
    recurrence: (m) => (spine(m).loopback = '10.255.1.1/32'),
    names: ['10.255.1.1 is assigned twice', 'spine-01 loopback', 'leaf-01 loopback']
  },
  LINK_SUBNET_MISMATCH: {
    broken: (m) => (leaf(m).interfaces[0].ip = '10.0.1.1/24'),
    recurrence: (m) => {
      spine(m).interfaces.push(routed('Ethernet2', '10.0.2.0/31'))
      leaf(m).interfaces.push(routed('Ethernet50', '10.0.3.1/31'))
      m.links.push(link('spine-01', 'Ethernet2', 'leaf-01', 'Ethernet50'))
    },
    names: ['Link spine-01 Ethernet2 <-> leaf-01 Ethernet50']
  },
  MTU_MISMATCH: {
    broken: (m) => (leaf(m).interfaces[0].mtu = 1500),
    recurrence: (m) => {
      spine(m).interfaces.push(routed('Ethernet3', '10.0.4.0/31', { mtu: 9000 }))
      leaf(m).interfaces.push(routed('Ethernet51', '10.0.4.1/31', { mtu: 9214 }))
      m.links.push(link('spine-01', 'Ethernet3', 'leaf-01', 'Ethernet51'))
    },
    names: ['MTU 9000 on spine-01 Ethernet3 but 9214 on leaf-01 Ethernet51']
  },
  OSPF_AREA_MISMATCH: {
    broken: (m) => (leaf(m).interfaces[0].ospf_area = '0.0.0.1'),
    recurrence: (m) => {
      spine(m).interfaces.push(routed('Ethernet4', '10.0.5.0/31', { ospf_area: '1' }))
      leaf(m).interfaces.push(routed('Ethernet52', '10.0.5.1/31', { ospf_area: '0.0.0.2' }))
      m.links.push(link('spine-01', 'Ethernet4', 'leaf-01', 'Ethernet52'))
    },
    names: ['OSPF area 0.0.0.1 on spine-01 Ethernet4 but 0.0.0.2 on leaf-01 Ethernet52']
  },
  BGP_REMOTE_AS_MISMATCH: {
    broken: (m) => (spine(m).bgp.neighbors[0].remote_as = 65102),
    recurrence: (m) => (leaf(m).bgp.neighbors[0].remote_as = 65001),
    names: ['leaf-01 peers with 10.0.1.0 (spine-01 Ethernet1) as AS 65001, but spine-01 has ASN 65000']
  },
  BGP_NEIGHBOR_UNKNOWN: {
    broken: (m) => spine(m).bgp.neighbors.push({ ip: '192.0.2.1', remote_as: 64512 }),
    recurrence: (m) => leaf(m).bgp.neighbors.push({ ip: '198.51.100.7', remote_as: 64513 }),
    names: ['leaf-01 has BGP neighbor 198.51.100.7']
  },
  ROUTER_ID_DUPLICATE: {
    broken: (m) => (leaf(m).router_id = '10.255.0.1'),
    recurrence: (m) => m.devices.push({ name: 'leaf-02', router_id: '10.255.1.1' }),
    names: ['Router id 10.255.1.1 is used by leaf-01 and leaf-02']
  },
  SUBNET_OVERLAP: {
    broken: (m) => (m.vlans[1].subnet = '10.100.0.128/25'),
    recurrence: (m) => m.vlans.push({ id: 300, subnet: '10.200.0.0/16', devices: ['leaf-01'] }),
    names: ['VLAN 300 (vlans entry 2) subnet 10.200.0.0/16 overlaps VLAN 200']
  },
  INVALID_VALUE: {
    broken: (m) => (leaf(m).interfaces[1].mtu = 10000),
    recurrence: (m) => (spine(m).router_id = '10.255.0.1/32'),
    names: ['spine-01: router_id "10.255.0.1/32" must be a plain address']
  }
}

const START = new Date('2025-11-25T12:00:00.000Z')
const cleanups: (() => void)[] = []
let service: NetmortemService
let checkout: string
let models: string
let exported: ExportTestsResult
/** The incident captured for each code, and its exported test file (relative to the checkout). */
const captured = new Map<FindingCode, { id: string; file: string }>()

beforeAll(async () => {
  const dir = tempDir('nm-testgen-regression-', cleanups)
  checkout = join(dir, 'checkout')
  models = join(dir, 'models')
  for (const d of [checkout, models]) mkdirSync(d)
  let now = START.getTime()
  service = openNetmortem({ dbPath: join(dir, 'netmortem.db'), now: () => new Date((now += 60_000)) })
  for (const code of FINDING_CODES) {
    const model = labWith(CASES[code].broken)
    const result = await service.preflight(model)
    let id = result.incident_id
    if (!id) {
      // A warning alone does not block a deployment, so nothing was captured: capture it by hand.
      const incident = await service.capture({
        description: `Pre-flight warning ${code}`,
        network_model: model,
        validation_errors: result.warnings.map((w) => ({ ...w })),
        affected_devices: [...new Set(result.warnings.flatMap((w) => w.devices))]
      })
      id = incident.id
    }
    captured.set(code, { id, file: '' })
  }
  exported = await service.exportTests(
    checkout,
    [...captured.values()].map((c) => c.id)
  )
  for (const entry of captured.values()) {
    entry.file = exported.files.find((f) => f.incident_id === entry.id)!.relative
  }
}, 120_000)

afterAll(async () => {
  await service?.close()
  cleanups.forEach((c) => c())
})

function writeModel(name: string, model: unknown): string {
  const path = join(models, `${name}.json`)
  writeFileSync(path, JSON.stringify(model, null, 2))
  return path
}

describe('generated pytest checks, run by real pytest', () => {
  it('exports one test per captured incident, with the helper and conftest.py', () => {
    expect(exported.files.map((f) => [f.kind, f.status])).toEqual([
      ...FINDING_CODES.map(() => ['pytest', 'created']),
      ['conftest', 'created'],
      ['helper', 'created']
    ])
    expect(exported.skipped).toEqual([])
  })

  it('every test passes on the fixed model (area 0 and 0.0.0.0 are one area, a disabled interface is fine)', async () => {
    const run = await pytest(
      checkout,
      [...captured.values()].map((c) => c.file),
      writeModel('fixed', lab())
    )
    expect(run.stdout).toMatch(/\b\d+ passed\b/)
    expect(run.stdout).not.toMatch(/failed|error/)
    expect(run.code).toBe(0)
  })

  it('for every finding code: fails on the broken model, and on the same kind of fault on other objects', async () => {
    const runs = await limited(
      FINDING_CODES.flatMap((code) => {
        const { file } = captured.get(code)!
        const recurrence = labWith(CASES[code].recurrence)
        // The recurrence is this kind of fault, and not the first one again.
        expect(validateModel(recurrence).map((f) => f.code)).toContain(code)
        return [
          async () => ({
            code,
            what: 'broken',
            run: await pytest(checkout, [file], writeModel(`${code}-broken`, labWith(CASES[code].broken)))
          }),
          async () => ({
            code,
            what: 'recurrence',
            run: await pytest(checkout, [file], writeModel(`${code}-again`, recurrence))
          })
        ]
      }),
      4
    )
    const failures: string[] = []
    const check = (ok: boolean, what: string, run: Run) => {
      if (!ok) failures.push(`${what}\n${run.stdout.slice(-1500)}${run.stderr.slice(-500)}`)
    }
    for (const { code, what, run } of runs) {
      const { id } = captured.get(code)!
      const label = `${code} ${what}`
      check(run.code === 1, `${label}: exit ${run.code}, expected 1 (tests failed)`, run)
      check(
        run.stdout.includes(`Incident ${id} can happen again: ${code}`),
        `${label}: no clear message`,
        run
      )
      if (what === 'recurrence') {
        for (const name of CASES[code].names)
          check(run.stdout.includes(name), `${label}: does not name ${name}`, run)
      }
    }
    expect(failures).toEqual([])
  }, 90_000)

  it('prints hostile names of the model under test escaped, on one line', async () => {
    const file = captured.get('DEVICE_DUPLICATE')!.file
    const evil = 'evil\nFAILED fake\u001b[31m\ud800'
    const run = await pytest(
      checkout,
      [file],
      writeModel(
        'evil',
        labWith((m) => m.devices.push({ name: evil }, { name: evil }))
      )
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Device "evil\\nFAILED fake\\x1b[31m\\ud800" is defined twice')
    expect(run.stderr).toBe('')
  })

  it('fails with a one-line reason when the model is not set, unreadable or not a network model', async () => {
    const file = captured.get('VLAN_DUPLICATE_ID')!.file
    const notSet = await pytest(checkout, [file])
    expect(notSet.code).toBe(1)
    expect(notSet.stdout).toContain('NETMORTEM_NETWORK_MODEL is not set')
    const missing = await pytest(checkout, [file], join(models, 'nowhere.json'))
    expect(missing.stdout).toContain('Cannot read the network model')
    const notJson = join(models, 'not.json')
    writeFileSync(notJson, '{"devices": [NaN]}')
    expect((await pytest(checkout, [file], notJson)).stdout).toContain('is not valid JSON')
    const array = writeModel('array', [lab()])
    expect((await pytest(checkout, [file], array)).stdout).toContain(
      'must be a JSON object with a devices array'
    )
  })
})
