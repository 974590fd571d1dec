import type { Finding } from '../../../../shared/networkModel'
import { formatAddress, formatSubnet, sameSubnet } from '../addresses'
import { finding, unique } from '../findings'
import type { ModelIndex } from '../modelIndex'
import type { EndpointRef, InterfaceEntry, LinkEntry, ModelView } from '../read'

const cidrText = (iface: InterfaceEntry) => `${formatAddress(iface.ip!.address)}/${iface.ip!.prefix}`

/** Unknown ends, then LINK_SUBNET_MISMATCH, MTU_MISMATCH and OSPF_AREA_MISMATCH between two known ends. */
export function checkLinks(view: ModelView, index: ModelIndex, out: Finding[]): void {
  for (const link of view.links) {
    const a = link.a && resolve(link, link.a, index, out)
    const b = link.b && resolve(link, link.b, index, out)
    if (!a || !b) continue
    const name = `Link ${a.label} <-> ${b.label}`
    const devices = unique([link.a!.device, link.b!.device])
    if (a.ip && b.ip && !sameSubnet(a.ip, b.ip)) {
      out.push(
        finding(
          'LINK_SUBNET_MISMATCH',
          `${name}: ${cidrText(a)} and ${cidrText(b)} are not in one subnet ` +
            `(${formatSubnet(a.ip)} vs ${formatSubnet(b.ip)})`,
          devices,
          link.path
        )
      )
    }
    if (a.mtu !== undefined && b.mtu !== undefined && a.mtu !== b.mtu) {
      out.push(
        finding(
          'MTU_MISMATCH',
          `${name}: MTU ${a.mtu} on ${a.label} but ${b.mtu} on ${b.label}`,
          devices,
          link.path
        )
      )
    }
    if (a.ospfArea !== undefined && b.ospfArea !== undefined && a.ospfArea !== b.ospfArea) {
      out.push(
        finding(
          'OSPF_AREA_MISMATCH',
          `${name}: OSPF area ${formatAddress(a.ospfArea)} on ${a.label} ` +
            `but ${formatAddress(b.ospfArea)} on ${b.label}`,
          devices,
          link.path
        )
      )
    }
  }
}

/** The interface a link end names, or a finding saying why there is none. */
function resolve(
  link: LinkEntry,
  end: EndpointRef,
  index: ModelIndex,
  out: Finding[]
): InterfaceEntry | undefined {
  const interfaces = index.interfacesByDevice.get(end.device)
  if (!interfaces) {
    out.push(
      finding(
        'UNKNOWN_DEVICE_REFERENCE',
        `links entry ${link.index} end ${end.end} names device "${end.device}", which is not in the model`,
        [end.device],
        `${link.path}/${end.end}/device`
      )
    )
    return undefined
  }
  const iface = interfaces.get(end.interface)
  if (!iface) {
    out.push(
      finding(
        'UNKNOWN_INTERFACE_REFERENCE',
        `links entry ${link.index} end ${end.end} names ${end.device} ${end.interface}, ` +
          `but ${end.device} has no interface ${end.interface}`,
        [end.device],
        `${link.path}/${end.end}/interface`
      )
    )
  }
  return iface
}
