import type { Finding } from '../../../../shared/networkModel'
import { formatAddress } from '../addresses'
import { finding, listing, times, unique } from '../findings'
import { holderLabel, holderPath, type ModelIndex } from '../modelIndex'
import type { DeviceEntry, ModelView } from '../read'

const namesOf = (devices: DeviceEntry[]) =>
  unique(devices.flatMap((d) => (d.name === undefined ? [] : [d.name])))

/** DEVICE_DUPLICATE, INTERFACE_DUPLICATE, IP_DUPLICATE and ROUTER_ID_DUPLICATE. */
export function checkDevices(view: ModelView, index: ModelIndex, out: Finding[]): void {
  for (const [name, entries] of index.devicesByName) {
    if (entries.length < 2) continue
    out.push(
      finding(
        'DEVICE_DUPLICATE',
        `Device "${name}" is defined ${times(entries.length)} ` +
          `(devices entries ${listing(entries.map((d) => d.index))})`,
        [name],
        `${entries[1]!.path}/name`
      )
    )
  }

  for (const { device, name, entries } of index.repeatedInterfaces) {
    out.push(
      finding(
        'INTERFACE_DUPLICATE',
        `${device.label} has interface ${name} ${times(entries.length)} ` +
          `(interfaces entries ${listing(entries.map((i) => i.index))})`,
        device.devices,
        `${entries[1]!.path}/name`
      )
    )
  }

  for (const [address, holders] of index.holdersByAddress) {
    if (holders.length < 2) continue
    const where = holders.map((h) => `${holderLabel(h)} (${formatAddress(h.cidr.address)}/${h.cidr.prefix})`)
    out.push(
      finding(
        'IP_DUPLICATE',
        `${formatAddress(address)} is assigned ${times(holders.length)}: ${listing(where)}`,
        namesOf(holders.map((h) => h.device)),
        holderPath(holders[1]!)
      )
    )
  }

  const byRouterId = new Map<number, DeviceEntry[]>()
  for (const device of view.devices) {
    if (device.routerId === undefined) continue
    const list = byRouterId.get(device.routerId)
    if (list) list.push(device)
    else byRouterId.set(device.routerId, [device])
  }
  for (const [routerId, devices] of byRouterId) {
    if (devices.length < 2) continue
    out.push(
      finding(
        'ROUTER_ID_DUPLICATE',
        `Router id ${formatAddress(routerId)} is used by ${listing(devices.map((d) => d.label))}`,
        namesOf(devices),
        `${devices[1]!.path}/router_id`
      )
    )
  }
}
