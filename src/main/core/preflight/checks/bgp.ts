import type { Finding } from '../../../../shared/networkModel'
import { formatAddress } from '../addresses'
import { finding, unique } from '../findings'
import { holderLabel, type ModelIndex } from '../modelIndex'
import type { ModelView } from '../read'

/** BGP_REMOTE_AS_MISMATCH and BGP_NEIGHBOR_UNKNOWN: each neighbor against the device owning its address. */
export function checkBgp(view: ModelView, index: ModelIndex, out: Finding[]): void {
  for (const device of view.devices) {
    for (const neighbor of device.neighbors) {
      if (neighbor.ip === undefined) continue
      const address = formatAddress(neighbor.ip)
      const holders = index.holdersByAddress.get(neighbor.ip)
      if (!holders) {
        out.push(
          finding(
            'BGP_NEIGHBOR_UNKNOWN',
            `${device.label} has BGP neighbor ${address}, which is not an address of any device in the model`,
            device.name === undefined ? [] : [device.name],
            `${neighbor.path}/ip`
          )
        )
        continue
      }
      const owner = holders[0]!.device
      // An address several devices hold is an IP_DUPLICATE already; which ASN it should have is unknowable.
      if (holders.some((h) => h.device !== owner)) continue
      if (owner.asn === undefined || neighbor.remoteAs === undefined || owner.asn === neighbor.remoteAs)
        continue
      out.push(
        finding(
          'BGP_REMOTE_AS_MISMATCH',
          `${device.label} peers with ${address} (${holderLabel(holders[0]!)}) ` +
            `as AS ${neighbor.remoteAs}, but ${owner.label} has ASN ${owner.asn}`,
          unique([device.name, owner.name].filter((n): n is string => n !== undefined)),
          `${neighbor.path}/remote_as`
        )
      )
    }
  }
}
