/**
 * The network model of ../shared/network-model.md (format 1) and what pre-flight validation
 * says about one. Types only, plus the finding codes: the core, the CLI and the workbench share
 * them. A model may carry more fields than these; they are kept and never rejected.
 */

export interface NetworkModel {
  name?: string
  devices: Device[]
  vlans?: Vlan[]
  links?: Link[]
  [extra: string]: unknown
}

export interface Device {
  name: string
  role?: string
  platform?: string
  site?: string
  asn?: number
  router_id?: string
  loopback?: string
  interfaces?: Interface[]
  bgp?: { neighbors?: BgpNeighbor[]; [extra: string]: unknown }
  [extra: string]: unknown
}

export const INTERFACE_MODES = ['routed', 'access', 'trunk'] as const
export type InterfaceMode = (typeof INTERFACE_MODES)[number]

export interface Interface {
  name: string
  ip?: string
  mtu?: number
  enabled?: boolean
  mode?: InterfaceMode
  access_vlan?: number
  trunk_vlans?: number[]
  ospf_area?: string
  description?: string
  [extra: string]: unknown
}

export interface BgpNeighbor {
  ip: string
  remote_as: number
  description?: string
  [extra: string]: unknown
}

export interface Vlan {
  id: number
  name?: string
  subnet?: string
  devices?: string[]
  [extra: string]: unknown
}

export interface Endpoint {
  device: string
  interface: string
  [extra: string]: unknown
}

export interface Link {
  a: Endpoint
  b: Endpoint
  [extra: string]: unknown
}

/** Every code of the contract's table, with its severity. */
export const FINDING_SEVERITY = {
  DEVICE_DUPLICATE: 'error',
  INTERFACE_DUPLICATE: 'error',
  VLAN_DUPLICATE_ID: 'error',
  VLAN_ID_OUT_OF_RANGE: 'error',
  VLAN_UNDEFINED: 'error',
  UNKNOWN_DEVICE_REFERENCE: 'error',
  UNKNOWN_INTERFACE_REFERENCE: 'error',
  IP_DUPLICATE: 'error',
  LINK_SUBNET_MISMATCH: 'error',
  MTU_MISMATCH: 'error',
  OSPF_AREA_MISMATCH: 'error',
  BGP_REMOTE_AS_MISMATCH: 'error',
  BGP_NEIGHBOR_UNKNOWN: 'warning',
  ROUTER_ID_DUPLICATE: 'error',
  SUBNET_OVERLAP: 'error',
  INVALID_VALUE: 'error'
} as const satisfies Record<string, FindingSeverity>

export type FindingCode = keyof typeof FINDING_SEVERITY
export const FINDING_CODES = Object.keys(FINDING_SEVERITY) as FindingCode[]

export type FindingSeverity = 'error' | 'warning'

export interface Finding {
  code: FindingCode
  severity: FindingSeverity
  /** One sentence for the engineer, naming the devices, interfaces and values involved. */
  message: string
  /** The devices the contract's table names for this code. */
  devices: string[]
  /** JSON pointer (RFC 6901) to the offending value in the model, e.g. `/vlans/3/id`. */
  path: string
}

/** How often one open pre-flight failure has been seen. */
export interface PreflightOccurrence {
  /** 1 when this run captured a new incident, more when it was seen again. */
  count: number
  first_seen: string
  last_seen: string
}

export interface PreflightResult {
  ready_to_deploy: boolean
  errors: Finding[]
  warnings: Finding[]
  /** The incident captured (or seen again) for this failure; null when ready or not capturing. */
  incident_id: string | null
  occurrence?: PreflightOccurrence
}
