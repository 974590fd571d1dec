import fc from 'fast-check'
import type { FindingCode } from '../../src/shared/networkModel'
import type { Json } from './support'

// Generators of clean fabrics and of one fault of each kind, shared by the property tests
// here and by tests/testgen (the Python checks must agree with the validator on them).
/** What a generated fabric looks like; every choice keeps it clean. */
export interface Params {
  devices: number
  extraLinks: [number, number][]
  vlanIds: number[]
  mtus: (number | null)[]
  areas: (number | null)[]
  slash30: boolean[]
  disabled: boolean[]
  withVlans: boolean
  withLinks: boolean
  withBgp: boolean
  withRouterIds: boolean
  bareLoopbacks: boolean
}

export interface Session {
  device: number
  neighbor: number
  owner: number
}

export interface Fabric {
  model: Json
  sessions: Session[]
  /** Each link's ends as device indexes. */
  ends: [number, number][]
}

export const pick = <T>(list: T[], n: number): T => list[n % list.length]!

/**
 * A clean model: unique names, one /31 or /30 per link from 10.0.0.0/16, loopbacks from
 * 10.254.0.0/24, VLAN subnets from 10.100.0.0/14, MTU and area equal at both ends of a link
 * (areas written as a number on one end and dotted on the other), eBGP over every link with
 * the right remote AS, and access and trunk ports only in defined VLANs.
 */
export function fabric(p: Params): Fabric {
  const names = Array.from({ length: p.devices }, (_, d) => `dev-${d}`)
  const devices: Json[] = names.map((name, d) => ({
    name,
    role: d % 2 ? 'leaf' : 'spine',
    asn: 65000 + d,
    ...(p.withRouterIds ? { router_id: `10.253.0.${d + 1}` } : {}),
    loopback: p.bareLoopbacks ? `10.254.0.${d + 1}` : `10.254.0.${d + 1}/32`,
    interfaces: [],
    ...(p.withBgp ? { bgp: { neighbors: [] } } : {})
  }))
  const sessions: Session[] = []
  const ends: [number, number][] = []
  const links: Json[] = []
  if (p.withLinks) {
    const pairs: [number, number][] = names.slice(1).map((_, d) => [d, d + 1])
    for (const [x, y] of p.extraLinks)
      if (x % p.devices !== y % p.devices) pairs.push([x % p.devices, y % p.devices])
    pairs.forEach(([a, b], k) => {
      const wide = pick(p.slash30, k)
      const host = (end: number) => `10.0.${k}.${wide ? end + 1 : end}`
      const mtu = pick(p.mtus, k)
      const area = pick(p.areas, k)
      const iface = (d: number, end: number) => ({
        name: `Ethernet${devices[d].interfaces.length + 1}`,
        mode: 'routed',
        ip: `${host(end)}/${wide ? 30 : 31}`,
        ...(mtu === null ? {} : { mtu }),
        ...(area === null ? {} : { ospf_area: end === 0 ? String(area) : `0.0.${area >> 8}.${area & 255}` }),
        ...(pick(p.disabled, k + end) ? { enabled: false } : {})
      })
      const ia = iface(a, 0)
      const ib = iface(b, 1)
      devices[a].interfaces.push(ia)
      devices[b].interfaces.push(ib)
      links.push({ a: { device: names[a], interface: ia.name }, b: { device: names[b], interface: ib.name } })
      ends.push([a, b])
      if (p.withBgp) {
        for (const [from, to, end] of [
          [a, b, 1],
          [b, a, 0]
        ] as const) {
          const list = devices[from].bgp.neighbors
          sessions.push({ device: from, neighbor: list.length, owner: to })
          list.push({ ip: host(end), remote_as: 65000 + to })
        }
      }
    })
  }
  const model: Json = { name: 'generated', devices }
  if (p.withVlans) {
    model.vlans = p.vlanIds.map((id, i) => ({
      id,
      subnet: `10.${100 + (i >> 8)}.${i & 255}.0/24`,
      devices: names.filter((_, d) => (d + i) % 2 === 0)
    }))
    model.vlans.forEach((vlan: Json) => {
      for (const name of vlan.devices) {
        const device = devices[names.indexOf(name)]
        device.interfaces.push({ name: `Access${vlan.id}`, mode: 'access', access_vlan: vlan.id })
      }
    })
    if (p.vlanIds.length)
      devices[0].interfaces.push({ name: 'Trunk1', mode: 'trunk', trunk_vlans: p.vlanIds })
  }
  if (p.withLinks) model.links = links
  return { model, sessions, ends }
}

const vlanId = fc.oneof(fc.constantFrom(1, 4094), fc.integer({ min: 1, max: 4094 }))

export const params = (
  forced: Partial<Record<keyof Params, fc.Arbitrary<unknown>>> = {}
): fc.Arbitrary<Params> =>
  fc.record({
    devices: fc.integer({ min: 2, max: 12 }),
    extraLinks: fc.array(fc.tuple(fc.nat(50), fc.nat(50)), { maxLength: 15 }),
    vlanIds: fc.uniqueArray(vlanId, { maxLength: 6 }),
    mtus: fc.array(fc.constantFrom(null, 68, 1500, 9000, 9214, 9216), { minLength: 1, maxLength: 4 }),
    areas: fc.array(fc.constantFrom(null, 0, 1, 51, 256), { minLength: 1, maxLength: 4 }),
    slash30: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
    disabled: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
    withVlans: fc.boolean(),
    withLinks: fc.boolean(),
    withBgp: fc.boolean(),
    withRouterIds: fc.boolean(),
    bareLoopbacks: fc.boolean(),
    ...forced
  }) as fc.Arbitrary<Params>

/** A fabric with every part (VLANs, at least one; links; BGP; router ids): room for every fault. */
export const fullParams = (): fc.Arbitrary<Params> =>
  params({
    vlanIds: fc.uniqueArray(fc.integer({ min: 100, max: 3000 }), { minLength: 1, maxLength: 6 }),
    withVlans: fc.constant(true),
    withLinks: fc.constant(true),
    withBgp: fc.constant(true),
    withRouterIds: fc.constant(true)
  })

const unique = (names: string[]) => [...new Set(names)]
const byIndex = (...ds: number[]) => unique([...ds].sort((x, y) => x - y).map((d) => `dev-${d}`))

export type Fault = (f: Fabric, n: number, m: number) => { code: FindingCode; devices: string[] }

/** One fault of each kind: it changes the model and says what must be reported. */
export const FAULTS: Record<FindingCode, Fault> = {
  DEVICE_DUPLICATE: ({ model }, n) => {
    const name = pick(model.devices as Json[], n).name
    model.devices.push({ name })
    return { code: 'DEVICE_DUPLICATE', devices: [name] }
  },
  INTERFACE_DUPLICATE: ({ model }, n) => {
    const device = pick(model.devices as Json[], n)
    device.interfaces.push({ name: device.interfaces[0].name })
    return { code: 'INTERFACE_DUPLICATE', devices: [device.name] }
  },
  VLAN_DUPLICATE_ID: ({ model }, n, m) => {
    const vlan = pick(model.vlans as Json[], n)
    const extra = pick(model.devices as Json[], m).name
    model.vlans.push({ id: vlan.id, devices: [extra] })
    return { code: 'VLAN_DUPLICATE_ID', devices: unique([...vlan.devices, extra]) }
  },
  VLAN_ID_OUT_OF_RANGE: ({ model }, n, m) => {
    const device = pick(model.devices as Json[], n)
    const id = pick([0, 4095, 5000], m)
    if (m % 2) model.vlans.push({ id, devices: [device.name] })
    else device.interfaces.push({ name: 'Access0', mode: 'access', access_vlan: id })
    return { code: 'VLAN_ID_OUT_OF_RANGE', devices: [device.name] }
  },
  VLAN_UNDEFINED: ({ model }, n) => {
    const device = pick(model.devices as Json[], n)
    const ids = new Set((model.vlans as Json[]).map((v) => v.id))
    let id = 2
    while (ids.has(id)) id++
    device.interfaces.push({ name: 'TrunkX', mode: 'trunk', trunk_vlans: [id] })
    return { code: 'VLAN_UNDEFINED', devices: [device.name] }
  },
  UNKNOWN_DEVICE_REFERENCE: ({ model }, n, m) => {
    if (m % 2) {
      pick(model.vlans as Json[], n).devices.push('ghost-1')
    } else {
      const device = pick(model.devices as Json[], n)
      const end = { device: device.name, interface: device.interfaces[0].name }
      model.links.push({ a: { device: 'ghost-1', interface: 'Ethernet1' }, b: end })
    }
    return { code: 'UNKNOWN_DEVICE_REFERENCE', devices: ['ghost-1'] }
  },
  UNKNOWN_INTERFACE_REFERENCE: ({ model }, n, m) => {
    const a = pick(model.devices as Json[], n)
    const b = pick(model.devices as Json[], m)
    model.links.push({
      a: { device: a.name, interface: 'Missing9' },
      b: { device: b.name, interface: b.interfaces[0].name }
    })
    return { code: 'UNKNOWN_INTERFACE_REFERENCE', devices: [a.name] }
  },
  IP_DUPLICATE: ({ model, ends }, n, m) => {
    const k = n % ends.length
    const holder = ends[k]![1]
    const address = (model.devices[holder].interfaces as Json[])
      .find((i) => i.name === model.links[k].b.interface)
      .ip.split('/')[0]
    const d = m % model.devices.length
    model.devices[d].interfaces.push({ name: 'Dup1', ip: `${address}/24`, enabled: false })
    return { code: 'IP_DUPLICATE', devices: byIndex(holder, d) }
  },
  LINK_SUBNET_MISMATCH: ({ model, ends }, n) => {
    const k = n % ends.length
    const [a, b] = ends[k]!
    const iface = (model.devices[b].interfaces as Json[]).find((i) => i.name === model.links[k].b.interface)
    iface.ip = iface.ip.replace(/\/\d+$/, '/29')
    return { code: 'LINK_SUBNET_MISMATCH', devices: unique([`dev-${a}`, `dev-${b}`]) }
  },
  MTU_MISMATCH: ({ model, ends }, n) => {
    const k = n % ends.length
    const [a, b] = ends[k]!
    for (const [d, end, mtu] of [
      [a, 'a', 9214],
      [b, 'b', 1500]
    ] as const) {
      ;(model.devices[d].interfaces as Json[]).find((i) => i.name === model.links[k][end].interface).mtu = mtu
    }
    return { code: 'MTU_MISMATCH', devices: [`dev-${a}`, `dev-${b}`] }
  },
  OSPF_AREA_MISMATCH: ({ model, ends }, n) => {
    const k = n % ends.length
    const [a, b] = ends[k]!
    for (const [d, end, area] of [
      [a, 'a', '0'],
      [b, 'b', '0.0.0.1']
    ] as const) {
      ;(model.devices[d].interfaces as Json[]).find(
        (i) => i.name === model.links[k][end].interface
      ).ospf_area = area
    }
    return { code: 'OSPF_AREA_MISMATCH', devices: [`dev-${a}`, `dev-${b}`] }
  },
  BGP_REMOTE_AS_MISMATCH: ({ model, sessions }, n) => {
    const s = pick(sessions, n)
    model.devices[s.device].bgp.neighbors[s.neighbor].remote_as = 4200000000
    return { code: 'BGP_REMOTE_AS_MISMATCH', devices: [`dev-${s.device}`, `dev-${s.owner}`] }
  },
  BGP_NEIGHBOR_UNKNOWN: ({ model }, n) => {
    const device = pick(model.devices as Json[], n)
    device.bgp.neighbors.push({ ip: '192.0.2.1', remote_as: 64512 })
    return { code: 'BGP_NEIGHBOR_UNKNOWN', devices: [device.name] }
  },
  ROUTER_ID_DUPLICATE: ({ model }, n, m) => {
    const count = model.devices.length
    const d = n % count
    const e = (d + 1 + (m % (count - 1))) % count
    model.devices[e].router_id = model.devices[d].router_id
    return { code: 'ROUTER_ID_DUPLICATE', devices: byIndex(d, e) }
  },
  SUBNET_OVERLAP: ({ model }, n, m) => {
    const vlan = pick(model.vlans as Json[], n)
    const device = pick(model.devices as Json[], m).name
    model.vlans.push({
      id: 4093 - model.vlans.length,
      subnet: vlan.subnet.replace('.0/24', '.128/25'),
      devices: [device]
    })
    return { code: 'SUBNET_OVERLAP', devices: unique([...vlan.devices, device]) }
  },
  INVALID_VALUE: ({ model }, n) => {
    const device = pick(model.devices as Json[], n)
    device.interfaces[0].mtu = 10000
    return { code: 'INVALID_VALUE', devices: [device.name] }
  }
}
