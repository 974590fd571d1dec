import type { Severity } from '../../../shared/incident'
import type { Finding, FindingCode } from '../../../shared/networkModel'

/** Address collisions: after deployment they black-hole or flap traffic and are the hardest to trace. */
const CRITICAL: ReadonlySet<FindingCode> = new Set(['IP_DUPLICATE', 'ROUTER_ID_DUPLICATE', 'SUBNET_OVERLAP'])

/** Faults of the file itself: deployment tooling or the devices would refuse it before changing anything. */
const MODEL_ONLY: ReadonlySet<FindingCode> = new Set([
  'INVALID_VALUE',
  'UNKNOWN_DEVICE_REFERENCE',
  'UNKNOWN_INTERFACE_REFERENCE',
  'VLAN_ID_OUT_OF_RANGE'
])

/** Errors naming this many devices or more would have touched a large part of the network. */
export const WIDE_FAILURE_DEVICES = 10

/**
 * The severity of a pre-flight failure, judged by what its errors would have done if deployed:
 * critical for an address collision or errors on 10+ devices; medium when every error is a
 * fault of the file alone; high for the rest (a control-plane or VLAN fault on a few devices).
 * Warnings never raise it, and without errors (nothing is captured then) it is low.
 */
export function severityOf(errors: Finding[]): Severity {
  if (errors.length === 0) return 'low'
  const devices = new Set(errors.flatMap((e) => e.devices))
  if (devices.size >= WIDE_FAILURE_DEVICES || errors.some((e) => CRITICAL.has(e.code))) return 'critical'
  if (errors.every((e) => MODEL_ONLY.has(e.code))) return 'medium'
  return 'high'
}
