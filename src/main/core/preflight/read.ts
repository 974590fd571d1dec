import { INTERFACE_MODES } from '../../../shared/networkModel'
import { formatAddress, type Cidr } from './addresses'
import { FieldReader, isObject, type Obj, type Place } from './fields'
import { shown } from './findings'

const NO_TRUNK: readonly { id: number; index: number }[] = []

/**
 * A device as read. Entries are also the Place of their own fields, and build their path and
 * label only when a finding needs them: a large model has tens of thousands of interfaces.
 */
export class DeviceEntry implements Place {
  /** The device's name when it has a usable one. */
  name?: string
  asn?: number
  routerId?: number
  loopback?: Cidr
  readonly interfaces: InterfaceEntry[] = []
  readonly neighbors: NeighborEntry[] = []
  /** What its findings name: the device, when it has a name. */
  devices: string[] = []

  constructor(readonly index: number) {}

  get path(): string {
    return `/devices/${this.index}`
  }

  /** How messages name it: its name, else its place in the file. */
  get label(): string {
    return this.name ?? `devices entry ${this.index}`
  }

  get where(): string {
    return this.label
  }
}

export class InterfaceEntry implements Place {
  name?: string
  ip?: Cidr
  mtu?: number
  ospfArea?: number
  accessVlan?: number
  trunkVlans = NO_TRUNK

  constructor(
    readonly device: DeviceEntry,
    readonly index: number
  ) {}

  get path(): string {
    return `${this.device.path}/interfaces/${this.index}`
  }

  get label(): string {
    const device = this.device.label
    return this.name === undefined ? `${device} interfaces entry ${this.index}` : `${device} ${this.name}`
  }

  get where(): string {
    return this.label
  }

  get devices(): string[] {
    return this.device.devices
  }
}

export class NeighborEntry implements Place {
  ip?: number
  remoteAs?: number

  constructor(
    readonly device: DeviceEntry,
    readonly index: number
  ) {}

  get path(): string {
    return `${this.device.path}/bgp/neighbors/${this.index}`
  }

  get where(): string {
    const device = this.device.label
    return this.ip === undefined
      ? `${device} BGP neighbors entry ${this.index}`
      : `${device} BGP neighbor ${formatAddress(this.ip)}`
  }

  get devices(): string[] {
    return this.device.devices
  }
}

export interface VlanEntry {
  index: number
  path: string
  id?: number
  label: string
  subnet?: Cidr
  devices: { name: string; index: number }[]
}

export interface EndpointRef {
  end: 'a' | 'b'
  device: string
  interface: string
}

const NO_DEVICES: string[] = []

export class LinkEntry implements Place {
  a?: EndpointRef
  b?: EndpointRef
  readonly devices = NO_DEVICES

  constructor(readonly index: number) {}

  get path(): string {
    return `/links/${this.index}`
  }

  get where(): string {
    return `links entry ${this.index}`
  }
}

class EndPlace implements Place {
  readonly devices = NO_DEVICES

  constructor(
    readonly link: LinkEntry,
    readonly end: 'a' | 'b'
  ) {}

  get path(): string {
    return `${this.link.path}/${this.end}`
  }

  get where(): string {
    return `${this.link.where} end ${this.end}`
  }
}

/** The model as the checks see it: every value typed and in range, or absent. */
export interface ModelView {
  devices: DeviceEntry[]
  /** Absent when the model has no `vlans` array: VLAN references are then not checked. */
  vlans?: VlanEntry[]
  links: LinkEntry[]
}

const MAX_AS = 4294967295
const ENDS = ['a', 'b'] as const
const ASN = { min: 1, max: MAX_AS, label: 'ASN' }
const REMOTE_AS = { required: true, min: 1, max: MAX_AS }
const MTU = { min: 68, max: 9216, label: 'MTU' }
const VLAN_ID = { required: true, label: 'VLAN id' }
const DEVICE_TEXT = ['role', 'platform', 'site']

export function readModel(raw: Obj, reader: FieldReader): ModelView {
  const top: Place = { path: '', where: 'The model', devices: [] }
  reader.text(raw, 'name', top)
  const devices = raw.devices
  const view: ModelView = { devices: [], links: [] }
  if (!Array.isArray(devices)) {
    reader.report('/devices', [], `The model needs a devices array, found ${shown(devices)}`)
  } else {
    for (let i = 0; i < devices.length; i++) {
      const device = readDevice(devices[i], i, reader)
      if (device) view.devices.push(device)
    }
  }
  const vlans = reader.array(raw, 'vlans', top)
  if (vlans) view.vlans = vlans.flatMap((v, i) => readVlan(v, i, reader) ?? [])
  const links = reader.array(raw, 'links', top)
  if (links) view.links = links.flatMap((l, i) => readLink(l, i, reader) ?? [])
  return view
}

function readDevice(raw: unknown, index: number, reader: FieldReader): DeviceEntry | undefined {
  const device = new DeviceEntry(index)
  const obj = reader.element(raw, device)
  if (!obj) return undefined
  device.name = reader.text(obj, 'name', device, true)
  if (device.name !== undefined) device.devices = [device.name]
  for (const key of DEVICE_TEXT) reader.text(obj, key, device)
  device.asn = reader.int(obj, 'asn', device, ASN)
  device.routerId = reader.address(obj, 'router_id', device)
  device.loopback = reader.addressOrCidr(obj, 'loopback', device)
  const interfaces = reader.array(obj, 'interfaces', device) ?? []
  for (let j = 0; j < interfaces.length; j++) {
    const entry = readInterface(interfaces[j], j, device, reader)
    if (entry) device.interfaces.push(entry)
  }
  readBgp(obj, device, reader)
  return device
}

function readInterface(
  raw: unknown,
  index: number,
  device: DeviceEntry,
  reader: FieldReader
): InterfaceEntry | undefined {
  const entry = new InterfaceEntry(device, index)
  const obj = reader.element(raw, entry)
  if (!obj) return undefined
  entry.name = reader.text(obj, 'name', entry, true)
  const mode = obj.mode
  if (mode !== undefined && !(INTERFACE_MODES as readonly unknown[]).includes(mode)) {
    reader.invalid(entry, 'mode', `mode ${shown(mode)} must be routed, access or trunk`)
  }
  reader.bool(obj, 'enabled', entry)
  reader.text(obj, 'description', entry)
  entry.ip = reader.cidr(obj, 'ip', entry)
  entry.mtu = reader.int(obj, 'mtu', entry, MTU)
  entry.ospfArea = reader.ospfArea(obj, 'ospf_area', entry)
  entry.accessVlan = reader.int(obj, 'access_vlan', entry)
  const trunk = reader.array(obj, 'trunk_vlans', entry)
  if (!trunk) return entry
  const ids: { id: number; index: number }[] = []
  for (let k = 0; k < trunk.length; k++) {
    const id = trunk[k]
    if (typeof id === 'number' && Number.isInteger(id)) ids.push({ id, index: k })
    else
      reader.report(
        `${entry.path}/trunk_vlans/${k}`,
        entry.devices,
        `${entry.label}: trunk_vlans entry ${k} must be a VLAN id (a whole number), not ${shown(id)}`
      )
  }
  entry.trunkVlans = ids
  return entry
}

function readBgp(obj: Obj, device: DeviceEntry, reader: FieldReader): void {
  const bgp = obj.bgp
  if (bgp === undefined) return
  if (!isObject(bgp)) {
    reader.invalid(device, 'bgp', `bgp must be an object, not ${shown(bgp)}`)
    return
  }
  const bgpPlace: Place = { path: `${device.path}/bgp`, where: device.label, devices: device.devices }
  const neighbors = reader.array(bgp, 'neighbors', bgpPlace) ?? []
  for (let k = 0; k < neighbors.length; k++) {
    const entry = new NeighborEntry(device, k)
    const neighbor = reader.element(neighbors[k], entry)
    if (!neighbor) continue
    entry.ip = reader.address(neighbor, 'ip', entry, true)
    reader.text(neighbor, 'description', entry)
    entry.remoteAs = reader.int(neighbor, 'remote_as', entry, REMOTE_AS)
    device.neighbors.push(entry)
  }
}

function readVlan(raw: unknown, index: number, reader: FieldReader): VlanEntry | undefined {
  const path = `/vlans/${index}`
  const unnamed: Place = { path, where: `vlans entry ${index}`, devices: [] }
  const obj = reader.element(raw, unnamed)
  if (!obj) return undefined
  const id = reader.int(obj, 'id', unnamed, VLAN_ID)
  const label = id === undefined ? unnamed.where : `VLAN ${id} (vlans entry ${index})`
  const place: Place = { ...unnamed, where: label }
  reader.text(obj, 'name', place)
  const vlan: VlanEntry = { index, path, id, label, subnet: reader.cidr(obj, 'subnet', place), devices: [] }
  const devices = reader.array(obj, 'devices', place)
  for (let k = 0; k < (devices?.length ?? 0); k++) {
    const name = devices![k]
    if (typeof name === 'string' && name.trim() !== '') vlan.devices.push({ name, index: k })
    else
      reader.invalid(
        { ...place, path: `${path}/devices` },
        k,
        `devices entry ${k} must be a device name, not ${shown(name)}`
      )
  }
  return vlan
}

function readLink(raw: unknown, index: number, reader: FieldReader): LinkEntry | undefined {
  const link = new LinkEntry(index)
  const obj = reader.element(raw, link)
  if (!obj) return undefined
  for (const end of ENDS) {
    const value = obj[end]
    if (value === undefined) {
      reader.invalid(link, end, `end ${end} is missing`)
      continue
    }
    const place = new EndPlace(link, end)
    const endpoint = reader.element(value, place)
    if (!endpoint) continue
    const device = reader.text(endpoint, 'device', place, true)
    const iface = reader.text(endpoint, 'interface', place, true)
    if (device !== undefined && iface !== undefined) link[end] = { end, device, interface: iface }
  }
  return link
}
