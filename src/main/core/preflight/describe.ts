import type { Finding } from '../../../shared/networkModel'
import { unique } from './findings'

const MAX_DEVICES_NAMED = 8
const MAX_MESSAGES = 3

/** `2 MTU_MISMATCH, 1 VLAN_UNDEFINED`: how many findings of each code, most frequent first. */
function byCode(findings: Finding[]): string {
  const counts = new Map<string, number>()
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1)
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, n]) => (findings.length === 1 ? code : `${n} ${code}`))
    .join(', ')
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function named(devices: string[]): string {
  if (devices.length <= MAX_DEVICES_NAMED) return devices.join(', ')
  return `${devices.slice(0, MAX_DEVICES_NAMED).join(', ')} and ${devices.length - MAX_DEVICES_NAMED} more`
}

/** The incident's description: one paragraph an engineer can read in the incident list. */
export function describeFailure(modelName: unknown, errors: Finding[], warnings: Finding[]): string {
  const model =
    typeof modelName === 'string' && modelName.trim() ? `network model "${modelName}"` : 'the network model'
  const devices = unique([...errors, ...warnings].flatMap((f) => f.devices))
  let text = `Pre-flight validation of ${model} failed with ${plural(errors.length, 'error')}`
  text += ` (${byCode(errors)})`
  if (warnings.length) text += ` and ${plural(warnings.length, 'warning')} (${byCode(warnings)})`
  text += devices.length ? ` on ${plural(devices.length, 'device')} (${named(devices)}).` : '.'
  // The first error of each code says more than several of the same kind.
  const codes = new Set<string>()
  const firsts = errors.filter((e) => !codes.has(e.code) && codes.add(e.code))
  const shown = firsts.slice(0, MAX_MESSAGES).map((e) => e.message)
  const rest = errors.length - shown.length
  text += ` ${shown.join('; ')}${rest > 0 ? `; and ${plural(rest, 'more error')}` : ''}.`
  return `${text} Caught by the pre-flight check before deployment.`
}
