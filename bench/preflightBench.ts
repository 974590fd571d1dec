import { validateModel } from '../src/main/core/preflight/validate'

type Recorder = (name: string, value: number, unit: string, note?: string) => void

const SPINES = 32
const ACCESS_PORTS = 24

/** 10.0.0.0 + n as text. */
function address(base: number, n: number): string {
  const v = base + n
  return [24, 16, 8, 0].map((s) => Math.floor(v / 2 ** s) % 256).join('.')
}

const TEN = 10 * 2 ** 24

/**
 * A clean leaf-spine fabric of `devices` devices: 32 spines, every leaf with two /31 uplinks
 * (eBGP and OSPF area 0 on each), a loopback, 24 access ports and a trunk; one VLAN with its
 * own /24 per 4 leaves.
 */
export function fabricModel(devices: number): Record<string, unknown> {
  const spines = Array.from({ length: SPINES }, (_, s) => ({
    name: `spine-${s + 1}`,
    role: 'spine',
    asn: 65000,
    router_id: address(TEN + 254 * 2 ** 16, s + 1),
    loopback: `${address(TEN + 254 * 2 ** 16, s + 1)}/32`,
    interfaces: [] as Record<string, unknown>[],
    bgp: { neighbors: [] as Record<string, unknown>[] }
  }))
  const leaves: Record<string, unknown>[] = []
  const links: Record<string, unknown>[] = []
  const vlans: Record<string, unknown>[] = []
  for (let l = 0; l < devices - SPINES; l++) {
    const name = `leaf-${l + 1}`
    const asn = 4200000000 + l
    const vlanId = 2 + Math.floor(l / 4)
    if (l % 4 === 0) {
      vlans.push({ id: vlanId, subnet: `${address(TEN + 2 ** 23, (vlanId - 2) * 256)}/24`, devices: [] })
    }
    ;(vlans[vlans.length - 1]!.devices as string[]).push(name)
    const interfaces: Record<string, unknown>[] = []
    const neighbors: Record<string, unknown>[] = []
    for (const u of [0, 1]) {
      const spine = spines[(l * 2 + u) % SPINES]!
      const n = links.length * 2
      const spineIf = `Ethernet${spine.interfaces.length + 1}`
      spine.interfaces.push({
        name: spineIf,
        mode: 'routed',
        ip: `${address(TEN, n)}/31`,
        mtu: 9214,
        ospf_area: '0'
      })
      spine.bgp.neighbors.push({ ip: address(TEN, n + 1), remote_as: asn })
      interfaces.push({
        name: `Ethernet${49 + u}`,
        mode: 'routed',
        ip: `${address(TEN, n + 1)}/31`,
        mtu: 9214,
        ospf_area: '0.0.0.0'
      })
      neighbors.push({ ip: address(TEN, n), remote_as: 65000 })
      links.push({
        a: { device: spine.name, interface: spineIf },
        b: { device: name, interface: `Ethernet${49 + u}` }
      })
    }
    for (let p = 1; p <= ACCESS_PORTS; p++) {
      interfaces.push({ name: `Ethernet${p}`, mode: 'access', access_vlan: vlanId, enabled: p % 6 !== 0 })
    }
    interfaces.push({ name: 'Ethernet25', mode: 'trunk', trunk_vlans: [vlanId] })
    const loopback = address(TEN + 253 * 2 ** 16, l + 1)
    leaves.push({
      name,
      role: 'leaf',
      asn,
      router_id: loopback,
      loopback: `${loopback}/32`,
      interfaces,
      bgp: { neighbors }
    })
  }
  return { name: `bench-${devices}`, devices: [...spines, ...leaves], vlans, links }
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** Pre-flight validation of a 2,000-device fabric: parsing the file and validating it, as the CLI does. */
export function preflightBench(record: Recorder, devices = 2000): void {
  const text = JSON.stringify(fabricModel(devices))
  let t = performance.now()
  const findings = validateModel(JSON.parse(text))
  record(
    `preflight ${devices} devices, first run`,
    performance.now() - t,
    'ms',
    `${(text.length / 1e6).toFixed(1)} MB model`
  )
  if (findings.length) throw new Error(`the bench fabric is not clean: ${findings[0]!.message}`)
  const samples: number[] = []
  for (let i = 0; i < 20; i++) {
    t = performance.now()
    validateModel(JSON.parse(text))
    samples.push(performance.now() - t)
  }
  record(`preflight ${devices} devices (parse + validate), p50`, percentile(samples, 50), 'ms')
  record(`preflight ${devices} devices (parse + validate), p95`, percentile(samples, 95), 'ms')
}
