import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { Finding, FindingCode } from '../../src/shared/networkModel'
import { validateModel } from '../../src/main/core/preflight/validate'

export const EXAMPLES = join(__dirname, '..', '..', '..', 'shared', 'examples')

export function example(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as Record<string, unknown>
}

/** Loose JSON for building models by hand, including broken ones. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

/**
 * A small clean routed pair with two VLANs: spine-01 Ethernet1 10.0.1.0/31 to leaf-01
 * Ethernet49 10.0.1.1/31, eBGP 65000 <-> 65101, OSPF area 0 (written two ways).
 */
export function lab(): Json {
  return {
    name: 'lab',
    devices: [
      {
        name: 'spine-01',
        role: 'spine',
        asn: 65000,
        router_id: '10.255.0.1',
        loopback: '10.255.0.1/32',
        interfaces: [{ name: 'Ethernet1', mode: 'routed', ip: '10.0.1.0/31', mtu: 9214, ospf_area: '0' }],
        bgp: { neighbors: [{ ip: '10.0.1.1', remote_as: 65101, description: 'leaf-01' }] }
      },
      {
        name: 'leaf-01',
        role: 'leaf',
        asn: 65101,
        router_id: '10.255.1.1',
        loopback: '10.255.1.1',
        interfaces: [
          { name: 'Ethernet49', mode: 'routed', ip: '10.0.1.1/31', mtu: 9214, ospf_area: '0.0.0.0' },
          { name: 'Ethernet1', mode: 'access', access_vlan: 100 },
          { name: 'Ethernet2', mode: 'trunk', trunk_vlans: [100, 200] },
          { name: 'Ethernet48', enabled: false }
        ],
        bgp: { neighbors: [{ ip: '10.0.1.0', remote_as: 65000 }] }
      }
    ],
    vlans: [
      { id: 100, name: 'web', subnet: '10.100.0.0/24', devices: ['leaf-01'] },
      { id: 200, name: 'app', subnet: '10.200.0.0/24', devices: ['leaf-01'] }
    ],
    links: [
      { a: { device: 'spine-01', interface: 'Ethernet1' }, b: { device: 'leaf-01', interface: 'Ethernet49' } }
    ]
  }
}

/** The lab model after a change. */
export function labWith(change: (m: Json) => void): Json {
  const m = lab()
  change(m)
  return m
}

export const spine = (m: Json) => m.devices[0]
export const leaf = (m: Json) => m.devices[1]

export function findingsOf(model: unknown, code?: FindingCode): Finding[] {
  const findings = validateModel(model)
  return code ? findings.filter((f) => f.code === code) : findings
}

export function expectClean(model: unknown): void {
  expect(validateModel(model)).toEqual([])
}

/** The model gives exactly one finding, of this code, naming exactly these devices. */
export function expectOnly(model: unknown, code: FindingCode, devices: string[]): Finding {
  const findings = validateModel(model)
  expect(findings.map((f) => [f.code, f.devices])).toEqual([[code, devices]])
  return findings[0]!
}

/** Every finding is well formed: a known code with its severity, a message, devices, a JSON pointer. */
export function expectWellFormed(findings: Finding[]): void {
  for (const f of findings) {
    expect(Object.keys(f).sort()).toEqual(['code', 'devices', 'message', 'path', 'severity'])
    expect(f.severity).toBe(f.code === 'BGP_NEIGHBOR_UNKNOWN' ? 'warning' : 'error')
    expect(f.message.length).toBeGreaterThan(0)
    expect(f.message).not.toMatch(/\n|undefined|\[object/)
    expect(f.devices.every((d) => typeof d === 'string')).toBe(true)
    expect(f.path).toMatch(/^(\/[^/]*)*$/)
  }
}

/** Resolves a JSON pointer in a document; undefined when it leads nowhere. */
export function at(doc: unknown, path: string): unknown {
  let node = doc
  for (const token of path.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~')
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}
