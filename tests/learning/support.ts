import { analyzeIncident } from '../../src/main/core/analysis/analyze'
import { notFound } from '../../src/main/core/errors'
import type { LearnDeps } from '../../src/main/core/learning/learn'
import { generateTest } from '../../src/main/core/testgen/generate'
import type { Incident } from '../../src/shared/incident'
import { historyOf, incident, resolved } from '../analysis/history'

export { incident, resolved }

export const NOW = new Date('2025-12-01T09:00:00Z')

/** A VLAN duplicate finding as pre-flight records it in validation_errors. */
export const vlanDup = {
  code: 'VLAN_DUPLICATE_ID',
  severity: 'error',
  message: 'VLAN 120 is defined twice',
  devices: ['leaf-01']
}

/**
 * Learning dependencies over a hand-built history: the incidents are "stored" in a map, every
 * analysis sees `ranked` as its search results (as in tests/analysis/history.ts).
 */
export function memoryDeps(
  stored: Incident[],
  ranked: [Incident, number][]
): LearnDeps & { records: Map<string, Incident> } {
  const records = new Map(stored.map((i) => [i.id, i]))
  const history = historyOf(ranked)
  return {
    records,
    get: (id) => {
      const found = records.get(id)
      if (!found) throw notFound(id)
      return found
    },
    analyze: (target) => analyzeIncident(history, target),
    generateTest: (target) => generateTest(target, NOW.toISOString()),
    update: async (id, patch, extra) => {
      const next = { ...records.get(id)!, ...patch, ...extra } as Incident
      records.set(id, next)
      return next
    },
    recent: (limit) =>
      [...records.values()].sort((a, b) => b.timestamp.localeCompare(a.timestamp)).slice(0, limit),
    now: () => NOW
  }
}

/** Three resolved incidents that agree on a cause and share a finding code: a high-confidence history. */
export function agreeingHistory(): [Incident, number][] {
  const cause = 'VLAN 120 allocated twice by the IPAM sync script'
  const over = { category: 'deployment_failure', validation_errors: [vlanDup] }
  return [
    [resolved('past-1', cause, over), 0.95],
    [resolved('past-2', cause, over), 0.9],
    [resolved('past-3', cause, over), 0.85]
  ]
}
