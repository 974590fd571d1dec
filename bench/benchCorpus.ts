import type { Incident } from '../src/shared/incident'
import { loadEvalSet } from './searchEval'

/** Realistic incidents: the development set's texts with other devices, numbers and dates. */
export function benchCorpus(count: number): Incident[] {
  const { incidents } = loadEvalSet()
  const out: Incident[] = []
  for (let i = 0; i < count; i++) {
    const base = incidents[i % incidents.length]!
    const n = Math.floor(i / incidents.length)
    const swap = (text: string) =>
      text
        .replace(
          /\b(leaf|spine|border|core-rtr|dist-sw)-?(\d+)/g,
          (_, kind: string) => `${kind}-${(n % 97) + 1}`
        )
        .replace(/\b10\.(\d+)\.(\d+)\.(\d+)/g, () => `10.${n % 250}.${(n * 7) % 250}.${(n * 13) % 250}`)
    out.push({
      ...base,
      id: `${base.id}-${n}`,
      timestamp: new Date(Date.UTC(2023, 0, 1) + i * 37_000).toISOString(),
      description: swap(base.description),
      affected_devices: base.affected_devices.map(swap),
      root_cause: base.root_cause ? swap(base.root_cause) : null
    })
  }
  return out
}
