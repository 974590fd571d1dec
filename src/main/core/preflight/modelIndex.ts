import type { Cidr } from './addresses'
import type { DeviceEntry, InterfaceEntry, ModelView } from './read'

/** One assignment of an address: an interface `ip`, or a device's `loopback` (no interface). */
export interface AddressHolder {
  device: DeviceEntry
  cidr: Cidr
  iface?: InterfaceEntry
}

/** How messages name a holder: `leaf-01 Ethernet49`, `leaf-01 loopback`. */
export const holderLabel = (h: AddressHolder): string =>
  h.iface ? h.iface.label : `${h.device.label} loopback`

export const holderPath = (h: AddressHolder): string =>
  h.iface ? `${h.iface.path}/ip` : `${h.device.path}/loopback`

/** Lookups built in one pass, so every check runs in time linear in the model's size. */
export interface ModelIndex {
  devicesByName: Map<string, DeviceEntry[]>
  /** Interfaces by device name, then by interface name; the first of a duplicated name wins. */
  interfacesByDevice: Map<string, Map<string, InterfaceEntry>>
  /** Interface names a device entry has more than once, with those interfaces in order. */
  repeatedInterfaces: { device: DeviceEntry; name: string; entries: InterfaceEntry[] }[]
  holdersByAddress: Map<number, AddressHolder[]>
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export function indexModel(view: ModelView): ModelIndex {
  const index: ModelIndex = {
    devicesByName: new Map(),
    interfacesByDevice: new Map(),
    repeatedInterfaces: [],
    holdersByAddress: new Map()
  }
  for (const device of view.devices) {
    const byName = indexInterfaces(device, index)
    if (device.name !== undefined) {
      push(index.devicesByName, device.name, device)
      const known = index.interfacesByDevice.get(device.name)
      if (!known) index.interfacesByDevice.set(device.name, byName)
      else for (const [name, iface] of byName) if (!known.has(name)) known.set(name, iface)
    }
    if (device.loopback) {
      push(index.holdersByAddress, device.loopback.address, { device, cidr: device.loopback })
    }
  }
  return index
}

/** One device entry's interfaces by name, noting repeated names and the addresses they hold. */
function indexInterfaces(device: DeviceEntry, index: ModelIndex): Map<string, InterfaceEntry> {
  const byName = new Map<string, InterfaceEntry>()
  let repeated: Map<string, InterfaceEntry[]> | undefined
  for (const iface of device.interfaces) {
    // Disabled interfaces count: their address is still configured and comes back with `no shutdown`.
    if (iface.ip) push(index.holdersByAddress, iface.ip.address, { device, cidr: iface.ip, iface })
    if (iface.name === undefined) continue
    const first = byName.get(iface.name)
    if (!first) {
      byName.set(iface.name, iface)
      continue
    }
    repeated ??= new Map()
    const list = repeated.get(iface.name)
    if (list) list.push(iface)
    else repeated.set(iface.name, [first, iface])
  }
  for (const [name, entries] of repeated ?? []) index.repeatedInterfaces.push({ device, name, entries })
  return byName
}
