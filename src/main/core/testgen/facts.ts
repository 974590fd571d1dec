import type { Incident } from '../../../shared/incident'
import { FINDING_CODES, FINDING_SEVERITY, type FindingCode } from '../../../shared/networkModel'
import { formatAddress, formatSubnet, parseAddress, parseCidr, parseOspfArea } from '../preflight/addresses'
import { isObject, type Obj } from '../preflight/fields'

/**
 * What a generated test takes from an incident. Every value read here is untrusted (an imported
 * backup may hold anything): it is only ever written into a test as an escaped literal.
 */

/** One pre-flight finding as the incident recorded it (validation_errors with a contract code). */
export interface RecordedFinding {
  code: FindingCode
  severity: 'error' | 'warning'
  message: string
  devices: string[]
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

const uniqueOf = <T>(items: Iterable<T>): T[] => [...new Set(items)]

/** The entries of validation_errors that carry a finding code of the network model contract. */
export function recordedFindings(incident: Incident): RecordedFinding[] {
  const out: RecordedFinding[] = []
  for (const entry of incident.validation_errors) {
    const code = entry.code
    if (typeof code !== 'string' || !Object.hasOwn(FINDING_SEVERITY, code)) continue
    const known = code as FindingCode
    const severity = entry.severity === 'error' || entry.severity === 'warning' ? entry.severity : undefined
    out.push({
      code: known,
      severity: severity ?? FINDING_SEVERITY[known],
      message: typeof entry.message === 'string' ? entry.message : '',
      devices: strings(entry.devices)
    })
  }
  return out
}

/**
 * The codes a model test checks, in the contract's order: those of the incident's errors. A
 * warning (BGP_NEIGHBOR_UNKNOWN: a peer outside the model may be intended) is tested only when
 * the incident had no error, i.e. when the warning was the incident.
 */
export function testedCodes(findings: RecordedFinding[]): {
  tested: FindingCode[]
  notTested: FindingCode[]
} {
  const errors = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.code))
  const warnings = new Set(findings.filter((f) => f.severity === 'warning').map((f) => f.code))
  const chosen = errors.size > 0 ? errors : warnings
  return {
    tested: FINDING_CODES.filter((c) => chosen.has(c)),
    notTested: FINDING_CODES.filter((c) => !chosen.has(c) && warnings.has(c))
  }
}

/** The devices an incident names: affected_devices, else those of its findings. */
export function incidentDevices(incident: Incident): string[] {
  const named = (list: string[]) => uniqueOf(list.map((d) => d.trim()).filter((d) => d !== ''))
  const affected = named(incident.affected_devices)
  if (affected.length) return affected
  return named(incident.validation_errors.flatMap((e) => strings(e.devices)))
}

/** Everything the engineer wrote about the incident, for choosing checks and finding prefixes. */
export function incidentText(incident: Incident): string {
  const parts = [incident.description, incident.root_cause ?? '', incident.resolution ?? '', ...incident.tags]
  for (const entry of incident.validation_errors) {
    for (const key of ['message', 'error', 'type']) if (typeof entry[key] === 'string') parts.push(entry[key])
  }
  for (const change of incident.config_changes) {
    parts.push(typeof change === 'string' ? change : (JSON.stringify(change) ?? ''))
  }
  return parts.join('\n')
}

const MAX_ROUTES = 20
const CIDR_IN_TEXT = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})(?![\d.])/g

/** Prefixes named in the text, as networks (`10.100.0.7/24` -> `10.100.0.0/24`). */
export function prefixesIn(text: string): string[] {
  const found: string[] = []
  for (const [, candidate] of text.matchAll(CIDR_IN_TEXT)) {
    const cidr = parseCidr(candidate!)
    if (cidr) found.push(formatSubnet(cidr))
  }
  return uniqueOf(found).slice(0, MAX_ROUTES)
}

const INTERFACE_IN_TEXT =
  /(?:^|[\s,;:(])([A-Za-z0-9][A-Za-z0-9._-]*)[\s:]+((?:Ethernet|GigabitEthernet|TenGigabitEthernet|TwentyFiveGigE|FortyGigabitEthernet|HundredGigE|Eth|Gi|Te|Fa|Port-channel|Po|xe-|ge-|et-|ae)[0-9][0-9/.:]*)/g

/** `leaf-01 Ethernet49` in the text, for a device the incident names: that device's interface. */
export function interfacesIn(text: string, devices: string[]): [string, string][] {
  const known = new Set(devices)
  const pairs: [string, string][] = []
  for (const [, device, iface] of text.matchAll(INTERFACE_IN_TEXT)) {
    const name = iface!.replace(/[.:/]+$/, '')
    if (known.has(device!)) pairs.push([device!, name])
    else if (devices.length === 1) pairs.push([devices[0]!, name])
  }
  return pairs
}

/** What the incident's network model (if any) says the affected devices should have. */
export interface ModelExpectations {
  /** BGP neighbor addresses configured on each device. */
  bgp: Map<string, string[]>
  /** OSPF neighbors (their router ids) over links whose ends share an area. */
  ospf: Map<string, string[]>
  /** Enabled interfaces at either end of a link. */
  interfaces: Map<string, string[]>
}

function add(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key)
  if (!list) map.set(key, [value])
  else if (!list.includes(value)) list.push(value)
}

const objects = (value: unknown): Obj[] => (Array.isArray(value) ? value.filter(isObject) : [])
const text = (obj: Obj, key: string): string | undefined =>
  typeof obj[key] === 'string' ? (obj[key] as string) : undefined

export function modelExpectations(model: unknown, devices: string[]): ModelExpectations {
  const out: ModelExpectations = { bgp: new Map(), ospf: new Map(), interfaces: new Map() }
  if (!isObject(model)) return out
  const wanted = new Set(devices)
  const byName = new Map<string, Obj>()
  for (const device of objects(model.devices)) {
    const name = text(device, 'name')
    if (name !== undefined && !byName.has(name)) byName.set(name, device)
  }
  for (const name of devices) {
    const device = byName.get(name)
    if (!device) continue
    const bgp = device.bgp
    for (const neighbor of isObject(bgp) ? objects(bgp.neighbors) : []) {
      const ip = parseAddress(text(neighbor, 'ip') ?? '')
      if (ip !== null) add(out.bgp, name, formatAddress(ip))
    }
  }
  const interfaceOf = (end: unknown): { device: string; iface: Obj } | undefined => {
    if (!isObject(end)) return undefined
    const device = text(end, 'device')
    const iface = text(end, 'interface')
    const found = objects(byName.get(device ?? '')?.interfaces).find((i) => text(i, 'name') === iface)
    return device !== undefined && found ? { device, iface: found } : undefined
  }
  for (const link of objects(model.links)) {
    const a = interfaceOf(link.a)
    const b = interfaceOf(link.b)
    for (const [self, other] of [
      [a, b],
      [b, a]
    ] as const) {
      if (!self || !wanted.has(self.device)) continue
      if (self.iface.enabled !== false) add(out.interfaces, self.device, text(self.iface, 'name')!)
      if (!other || self.iface.enabled === false || other.iface.enabled === false) continue
      const areaSelf = parseOspfArea(text(self.iface, 'ospf_area') ?? '')
      const areaOther = parseOspfArea(text(other.iface, 'ospf_area') ?? '')
      const routerId = parseAddress(text(byName.get(other.device)!, 'router_id') ?? '')
      if (areaSelf !== null && areaSelf === areaOther && routerId !== null) {
        add(out.ospf, self.device, formatAddress(routerId))
      }
    }
  }
  return out
}
