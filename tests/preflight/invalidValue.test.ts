import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateModel } from '../../src/main/core/preflight/validate'
import {
  expectClean,
  expectOnly,
  expectWellFormed,
  findingsOf,
  labWith,
  leaf,
  spine,
  type Json
} from './support'

/** The one finding of a change to the lab model, which must be INVALID_VALUE. */
function invalid(change: (m: Json) => void, devices: string[], path: string): string {
  const f = expectOnly(labWith(change), 'INVALID_VALUE', devices)
  expect(f.path).toBe(path)
  return f.message
}

describe('INVALID_VALUE', () => {
  it('wants a prefix length on an interface ip, and none on a router id', () => {
    expect(
      invalid((m) => (leaf(m).interfaces[3].ip = '10.0.9.1'), ['leaf-01'], '/devices/1/interfaces/3/ip')
    ).toBe('leaf-01 Ethernet48: ip "10.0.9.1" needs a prefix length, e.g. 10.0.9.1/31')
    expect(invalid((m) => (leaf(m).router_id = '10.255.1.1/32'), ['leaf-01'], '/devices/1/router_id')).toBe(
      'leaf-01: router_id "10.255.1.1/32" must be a plain address, without a prefix length'
    )
    invalid((m) => (spine(m).loopback = '10.255.0.256/32'), ['spine-01'], '/devices/0/loopback')
    invalid((m) => (m.vlans[0].subnet = '10.100.0.0'), [], '/vlans/0/subnet')
  })

  it('holds MTU to 68..9216', () => {
    expectClean(
      labWith((m) => {
        leaf(m).interfaces[1].mtu = 68
        leaf(m).interfaces[2].mtu = 9216
      })
    )
    expect(invalid((m) => (leaf(m).interfaces[1].mtu = 67), ['leaf-01'], '/devices/1/interfaces/1/mtu')).toBe(
      'leaf-01 Ethernet1: MTU 67 is outside 68..9216'
    )
    invalid((m) => (leaf(m).interfaces[1].mtu = 9217), ['leaf-01'], '/devices/1/interfaces/1/mtu')
    invalid((m) => (leaf(m).interfaces[1].mtu = '1500'), ['leaf-01'], '/devices/1/interfaces/1/mtu')
    invalid((m) => (leaf(m).interfaces[1].mtu = 1500.5), ['leaf-01'], '/devices/1/interfaces/1/mtu')
  })

  it('holds ASN and remote_as to 1..4294967295', () => {
    expectClean(
      labWith((m) => {
        spine(m).asn = 4294967295
        leaf(m).bgp.neighbors[0].remote_as = 4294967295
        m.devices.push({ name: 'leaf-02', asn: 1 })
      })
    )
    expect(invalid((m) => (leaf(m).asn = 0), ['leaf-01'], '/devices/1/asn')).toBe(
      'leaf-01: ASN 0 is outside 1..4294967295'
    )
    invalid((m) => (leaf(m).asn = 4294967296), ['leaf-01'], '/devices/1/asn')
    invalid((m) => (leaf(m).asn = '65101'), ['leaf-01'], '/devices/1/asn')
    invalid(
      (m) => (spine(m).bgp.neighbors[0].remote_as = 0),
      ['spine-01'],
      '/devices/0/bgp/neighbors/0/remote_as'
    )
  })

  it('accepts only the three modes', () => {
    expect(
      invalid((m) => (leaf(m).interfaces[1].mode = 'switchport'), ['leaf-01'], '/devices/1/interfaces/1/mode')
    ).toBe('leaf-01 Ethernet1: mode "switchport" must be routed, access or trunk')
  })

  it('reports a missing required field where it belongs, with the device when there is one', () => {
    expect(invalid((m) => m.devices.push({ role: 'leaf' }), [], '/devices/2/name')).toBe(
      'devices entry 2: name is missing'
    )
    invalid((m) => delete leaf(m).interfaces[3].name, ['leaf-01'], '/devices/1/interfaces/3/name')
    invalid(
      (m) => delete spine(m).bgp.neighbors[0].remote_as,
      ['spine-01'],
      '/devices/0/bgp/neighbors/0/remote_as'
    )
    invalid((m) => m.vlans.push({ name: 'orphan' }), [], '/vlans/2/id')
    invalid((m) => delete m.links[0].b, [], '/links/0/b')
    invalid((m) => delete m.links[0].a.interface, [], '/links/0/a/interface')
  })

  it('reports wrong types without crashing, and reads the rest of the model', () => {
    const model = labWith((m) => {
      m.devices.push(42, null, 'leaf-9')
      leaf(m).interfaces[2].trunk_vlans = [100, '200']
      leaf(m).interfaces[3].enabled = 'no'
      spine(m).bgp = { neighbors: 'all' }
      m.vlans.push({ id: 300, devices: [7] })
      m.links.push('spine-01:Ethernet2')
      leaf(m).interfaces[0].ospf_area = 'backbone'
    })
    const findings = findingsOf(model)
    expectWellFormed(findings)
    expect(findings.every((f) => f.code === 'INVALID_VALUE')).toBe(true)
    expect(findings.map((f) => f.path)).toEqual([
      '/devices/0/bgp/neighbors',
      '/devices/1/interfaces/0/ospf_area',
      '/devices/1/interfaces/2/trunk_vlans/1',
      '/devices/1/interfaces/3/enabled',
      '/devices/2',
      '/devices/3',
      '/devices/4',
      '/vlans/2/devices/0',
      '/links/1'
    ])
  })

  it('never throws, whatever the JSON', () => {
    const json = fc.jsonValue({ maxDepth: 5 })
    const deviceLike = fc.record(
      {
        name: json,
        asn: json,
        loopback: json,
        interfaces: fc.array(fc.dictionary(fc.string(), json)),
        bgp: json
      },
      { requiredKeys: [] }
    )
    const modelLike = fc.record(
      {
        devices: fc.array(deviceLike, { maxLength: 5 }),
        vlans: json,
        links: fc.array(json, { maxLength: 3 })
      },
      { requiredKeys: ['devices'] }
    )
    fc.assert(
      fc.property(fc.oneof(json, modelLike), (model) => {
        expectWellFormed(validateModel(model))
      }),
      { numRuns: 300 }
    )
  })
})

describe('input that is no model', () => {
  it('is one INVALID_VALUE finding, not an exception', () => {
    expect(validateModel(null).map((f) => [f.code, f.path])).toEqual([['INVALID_VALUE', '']])
    expect(validateModel([]).map((f) => [f.code, f.path])).toEqual([['INVALID_VALUE', '']])
    expect(validateModel({}).map((f) => [f.code, f.path])).toEqual([['INVALID_VALUE', '/devices']])
  })
})

describe('what is not a problem', () => {
  it('ignores fields the contract does not name', () => {
    expectClean(
      labWith((m) => {
        m.version = 7
        m.owner = { team: 'netops' }
        leaf(m).serial = 'ABC123'
        leaf(m).interfaces[0].speed = '100G'
        spine(m).bgp.neighbors[0].password = 'secret'
        spine(m).bgp.asn_notation = 'asplain'
        m.vlans[0].vni = 10100
        m.links[0].cable = 'C-17'
      })
    )
  })

  it('accepts models without optional sections', () => {
    expectClean({ devices: [] })
    expectClean({ devices: [{ name: 'leaf-01' }] })
    expectClean({ devices: [{ name: 'leaf-01', interfaces: [], bgp: {} }], vlans: [], links: [] })
    expectClean({ devices: [{ name: 'leaf-01', interfaces: [{ name: 'Ethernet1', access_vlan: 100 }] }] })
  })
})
