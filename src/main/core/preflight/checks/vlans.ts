import type { Finding } from '../../../../shared/networkModel'
import { formatSubnet, lastOf, networkOf } from '../addresses'
import { finding, listing, times, unique } from '../findings'
import type { ModelIndex } from '../modelIndex'
import type { InterfaceEntry, ModelView, VlanEntry } from '../read'

const VLAN_MIN = 1
const VLAN_MAX = 4094

const inRange = (id: number) => id >= VLAN_MIN && id <= VLAN_MAX
const devicesOf = (vlans: VlanEntry[]) => unique(vlans.flatMap((v) => v.devices.map((d) => d.name)))

/** VLAN_DUPLICATE_ID, VLAN_ID_OUT_OF_RANGE, VLAN_UNDEFINED, SUBNET_OVERLAP, and unknown VLAN devices. */
export function checkVlans(view: ModelView, index: ModelIndex, out: Finding[]): void {
  const vlans = view.vlans ?? []
  const byId = new Map<number, VlanEntry[]>()
  for (const vlan of vlans) {
    if (vlan.id === undefined) continue
    const list = byId.get(vlan.id)
    if (list) list.push(vlan)
    else byId.set(vlan.id, [vlan])
    if (!inRange(vlan.id)) {
      out.push(
        finding(
          'VLAN_ID_OUT_OF_RANGE',
          `VLAN ${vlan.id} (vlans entry ${vlan.index}) is outside the VLAN range ${VLAN_MIN}..${VLAN_MAX}`,
          devicesOf([vlan]),
          `${vlan.path}/id`
        )
      )
    }
  }
  for (const [id, entries] of byId) {
    if (entries.length < 2) continue
    out.push(
      finding(
        'VLAN_DUPLICATE_ID',
        `VLAN ${id} is defined ${times(entries.length)} (entries ${listing(entries.map((v) => v.index))})`,
        devicesOf(entries),
        `${entries[1]!.path}/id`
      )
    )
  }
  for (const vlan of vlans) {
    for (const { name, index: k } of vlan.devices) {
      if (index.devicesByName.has(name)) continue
      out.push(
        finding(
          'UNKNOWN_DEVICE_REFERENCE',
          `${vlan.label} is deployed on "${name}", which is not a device in the model`,
          [name],
          `${vlan.path}/devices/${k}`
        )
      )
    }
  }
  for (const device of view.devices) {
    for (const iface of device.interfaces) checkReferences(iface, view.vlans ? byId : undefined, out)
  }
  checkOverlaps(vlans, out)
}

/** An interface's access and trunk VLANs: in range, and defined when the model defines VLANs. */
function checkReferences(
  iface: InterfaceEntry,
  defined: Map<number, VlanEntry[]> | undefined,
  out: Finding[]
): void {
  if (iface.accessVlan !== undefined) checkReference(iface, iface.accessVlan, -1, defined, out)
  for (const { id, index } of iface.trunkVlans) checkReference(iface, id, index, defined, out)
}

/** One VLAN id an interface names: its access VLAN (trunkIndex -1) or an entry of its trunk list. */
function checkReference(
  iface: InterfaceEntry,
  id: number,
  trunkIndex: number,
  defined: Map<number, VlanEntry[]> | undefined,
  out: Finding[]
): void {
  // An id no switch accepts is reported as such, not also as undefined.
  const code = !inRange(id) ? 'VLAN_ID_OUT_OF_RANGE' : defined && !defined.has(id) ? 'VLAN_UNDEFINED' : null
  if (!code) return
  const says = trunkIndex < 0 ? 'is an access port in' : 'trunks'
  const path = trunkIndex < 0 ? `${iface.path}/access_vlan` : `${iface.path}/trunk_vlans/${trunkIndex}`
  const why =
    code === 'VLAN_UNDEFINED'
      ? "which the model's vlans do not define"
      : `outside the VLAN range ${VLAN_MIN}..${VLAN_MAX}`
  out.push(finding(code, `${iface.label} ${says} VLAN ${id}, ${why}`, iface.devices, path))
}

/**
 * CIDR blocks are either nested or disjoint, so after sorting by first address (wider blocks
 * first) the blocks still open at a given block all contain it: a stack finds every
 * overlapping pair without comparing all pairs.
 */
function checkOverlaps(vlans: VlanEntry[], out: Finding[]): void {
  const blocks = vlans
    .filter((v) => v.subnet)
    .map((v) => ({ vlan: v, first: networkOf(v.subnet!), last: lastOf(v.subnet!) }))
    .sort((x, y) => x.first - y.first || y.last - x.last || x.vlan.index - y.vlan.index)
  const open: typeof blocks = []
  const pairs: [VlanEntry, VlanEntry][] = []
  for (const block of blocks) {
    while (open.length && open[open.length - 1]!.last < block.first) open.pop()
    for (const outer of open) {
      pairs.push(outer.vlan.index < block.vlan.index ? [outer.vlan, block.vlan] : [block.vlan, outer.vlan])
    }
    open.push(block)
  }
  pairs.sort(([a1, b1], [a2, b2]) => b1.index - b2.index || a1.index - a2.index)
  for (const [first, second] of pairs) {
    const same = first.subnet!.prefix === second.subnet!.prefix
    out.push(
      finding(
        'SUBNET_OVERLAP',
        `${second.label} subnet ${formatSubnet(second.subnet!)} ${same ? 'is the same as' : 'overlaps'} ` +
          `${first.label} subnet ${formatSubnet(first.subnet!)}`,
        devicesOf([first, second]),
        `${second.path}/subnet`
      )
    )
  }
}
