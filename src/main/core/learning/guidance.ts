import { SEVERITIES } from '../../../shared/incident'
import type { GuidanceLine, PolicyRule, PromptGuidance } from '../../../shared/learning'
import { FINDING_CODES, type FindingCode } from '../../../shared/networkModel'

/**
 * Prompt guidance for an LLM that generates network configuration: one instruction per policy
 * rule, most often learned first, then by the highest severity of the incidents behind it. Only
 * trusted text (the sentences below, counts, severities) goes into it: incident text, which may
 * come from anyone's backup, never reaches the prompt.
 */
export const GUIDANCE: Record<FindingCode, string> = {
  DEVICE_DUPLICATE: 'Ensure every device name is unique',
  INTERFACE_DUPLICATE: 'Ensure no device has two interfaces with the same name',
  VLAN_DUPLICATE_ID: 'Ensure VLAN IDs are unique across all devices',
  VLAN_ID_OUT_OF_RANGE: 'Ensure every VLAN ID, defined or referenced, is between 1 and 4094',
  VLAN_UNDEFINED: 'Ensure every access or trunk VLAN on an interface is defined in the VLAN list',
  UNKNOWN_DEVICE_REFERENCE: 'Ensure links and VLANs refer only to devices that exist in the model',
  UNKNOWN_INTERFACE_REFERENCE: 'Ensure every link end names an interface that exists on its device',
  IP_DUPLICATE: 'Ensure no IP address is assigned twice (interfaces, disabled ones too, and loopbacks)',
  LINK_SUBNET_MISMATCH: 'Ensure both ends of every link are addressed in the same subnet',
  MTU_MISMATCH: 'Ensure both ends of every link have the same MTU',
  OSPF_AREA_MISMATCH: 'Ensure both ends of every link are in the same OSPF area',
  BGP_REMOTE_AS_MISMATCH:
    "Ensure every BGP neighbor's remote AS is the ASN of the device that owns the neighbor address",
  BGP_NEIGHBOR_UNKNOWN:
    'Ensure every BGP neighbor address belongs to a device of the model, unless the peer is external',
  ROUTER_ID_DUPLICATE: 'Ensure router IDs are unique across all devices',
  SUBNET_OVERLAP: 'Ensure VLAN subnets do not overlap',
  INVALID_VALUE:
    'Ensure every value has a valid type and range (addresses, MTU, ASN, interface mode, required fields)'
}

export function promptGuidance(rules: readonly PolicyRule[]): PromptGuidance {
  const ordered = [...rules].sort(
    (a, b) =>
      b.count - a.count ||
      SEVERITIES.indexOf(a.incident_severity) - SEVERITIES.indexOf(b.incident_severity) ||
      FINDING_CODES.indexOf(a.code) - FINDING_CODES.indexOf(b.code)
  )
  const items: GuidanceLine[] = ordered.map((r) => ({
    code: r.code,
    severity: r.incident_severity,
    count: r.count,
    text:
      `${r.incident_severity.toUpperCase()}: ${GUIDANCE[r.code]} ` +
      `(learned from ${r.count} incident${r.count === 1 ? '' : 's'})`
  }))
  return { lines: items.map((i) => i.text), items }
}
