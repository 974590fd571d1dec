import { describe, expect, it } from 'vitest'
import { analyzeIncident } from '../../src/main/core/analysis/analyze'
import { CONFIDENCE_FACTORS, confidenceOf, levelOf } from '../../src/main/core/analysis/confidence'
import { SIMILAR_MIN_SCORE } from '../../src/main/core/analysis/similarity'
import type { Incident } from '../../src/shared/incident'
import { historyOf, incident, resolved } from './history'

/** Root causes that share no meaning: each is its own vote group. */
const CAUSE = {
  as: 'Wrong remote-as on the BGP neighbor statement',
  fibre: 'Dirty fibre connector on the patch panel',
  bpdu: 'Spanning tree BPDU guard disabled the edge port',
  cert: 'Expired TLS certificate on the management API',
  ntp: 'NTP server unreachable after the firewall change'
}
const VLAN_DUP = 'Duplicate VLAN ID in the network model'
const VLAN_TWICE = 'VLAN ID defined twice in the network model'

/** The incident analysed: no devices, codes, changes or category, so nothing is shared unless a case says so. */
const target = incident('new-1', { description: 'Something broke' })
const code = (c: string) => ({ code: c, severity: 'error', message: c })

async function confidence(ranked: [Incident, number][], analysed: Incident = target) {
  const a = await analyzeIncident(historyOf(ranked), analysed)
  return {
    confidence: a.confidence,
    level: a.confidence_level,
    counts: a.confidence_factors.map((f) => f.count),
    cause: a.suggested_cause
  }
}

describe('the confidence table', () => {
  it('is the published one', () => {
    expect(CONFIDENCE_FACTORS).toEqual({
      similar: { weight: 0.4, fullAt: 3 },
      resolved: { weight: 0.3, fullAt: 2 },
      patterns: { weight: 0.3, fullAt: 2 }
    })
    expect(confidenceOf({ similar: 2, resolved: 1, patterns: 1 }).factors).toEqual([
      { name: 'similar', count: 2, weight: 0.4, full_at: 3, value: 0.267 },
      { name: 'resolved', count: 1, weight: 0.3, full_at: 2, value: 0.15 },
      { name: 'patterns', count: 1, weight: 0.3, full_at: 2, value: 0.15 }
    ])
    expect([levelOf(0.7), levelOf(0.699), levelOf(0.4), levelOf(0.399)]).toEqual([
      'high',
      'medium',
      'medium',
      'low'
    ])
  })
})

describe('confidence of hand-built histories', () => {
  it('0 similar: 0, low, no cause', async () => {
    // Candidates exist, but none reaches the similarity threshold.
    const below = SIMILAR_MIN_SCORE - 0.01
    expect(await confidence([[resolved('r1', CAUSE.as), below]])).toEqual({
      confidence: 0,
      level: 'low',
      counts: [0, 0, 0],
      cause: null
    })
  })

  it('1 similar, 0 resolved: 0.133, low, no cause', async () => {
    expect(await confidence([[incident('o1'), 0.95]])).toEqual({
      confidence: 0.133,
      level: 'low',
      counts: [1, 0, 0],
      cause: null
    })
  })

  it('1 similar, 1 resolved, 0 patterns: 0.283, low', async () => {
    expect(await confidence([[resolved('r1', CAUSE.as), 0.95]])).toEqual({
      confidence: 0.283,
      level: 'low',
      counts: [1, 1, 0],
      cause: CAUSE.as
    })
  })

  it('2 similar, 1 resolved, 0 patterns: 0.417, medium', async () => {
    const r = await confidence([
      [resolved('r1', CAUSE.as), 0.95],
      [incident('o1'), 0.9]
    ])
    expect(r).toEqual({ confidence: 0.417, level: 'medium', counts: [2, 1, 0], cause: CAUSE.as })
  })

  it('2 similar, 2 resolved, 0 patterns: 0.567, medium', async () => {
    const r = await confidence([
      [resolved('r1', CAUSE.as), 0.95],
      [resolved('r2', CAUSE.fibre), 0.9]
    ])
    expect(r).toEqual({ confidence: 0.567, level: 'medium', counts: [2, 2, 0], cause: CAUSE.as })
  })

  it('3 similar, 3 resolved, 0 patterns: 0.7, high', async () => {
    const r = await confidence([
      [resolved('r1', CAUSE.as), 0.95],
      [resolved('r2', CAUSE.fibre), 0.9],
      [resolved('r3', CAUSE.bpdu), 0.85]
    ])
    expect(r).toEqual({ confidence: 0.7, level: 'high', counts: [3, 3, 0], cause: CAUSE.as })
  })

  it('5 similar, 5 resolved: each factor stops at its threshold (0.7)', async () => {
    const r = await confidence([
      [resolved('r1', CAUSE.as), 0.99],
      [resolved('r2', CAUSE.fibre), 0.95],
      [resolved('r3', CAUSE.bpdu), 0.9],
      [resolved('r4', CAUSE.cert), 0.85],
      [resolved('r5', CAUSE.ntp), 0.81]
    ])
    expect(r).toEqual({ confidence: 0.7, level: 'high', counts: [5, 5, 0], cause: CAUSE.as })
  })

  it('3 similar, none resolved: 0.4 by the table, but low, since no cause can be suggested', async () => {
    const r = await confidence([
      [incident('o1'), 0.95],
      [incident('o2'), 0.9],
      [incident('o3'), 0.85]
    ])
    expect(r).toEqual({ confidence: 0.4, level: 'low', counts: [3, 0, 0], cause: null })
  })

  it('1 similar, 1 resolved, 1 pattern (a shared validation code): 0.433, medium', async () => {
    const analysed = incident('new-2', { validation_errors: [code('VLAN_DUPLICATE_ID')] })
    const r = await confidence(
      [[resolved('r1', VLAN_DUP, { validation_errors: [code('VLAN_DUPLICATE_ID')] }), 0.95]],
      analysed
    )
    expect(r).toEqual({ confidence: 0.433, level: 'medium', counts: [1, 1, 1], cause: VLAN_DUP })
  })

  it('1 similar, 1 resolved, 2 patterns (code and device): 0.583, medium', async () => {
    const analysed = incident('new-3', {
      validation_errors: [code('VLAN_DUPLICATE_ID')],
      affected_devices: ['leaf-01']
    })
    const r = await confidence(
      [
        [
          resolved('r1', VLAN_DUP, {
            validation_errors: [code('VLAN_DUPLICATE_ID')],
            affected_devices: ['leaf-01', 'leaf-02']
          }),
          0.95
        ]
      ],
      analysed
    )
    expect(r).toEqual({ confidence: 0.583, level: 'medium', counts: [1, 1, 2], cause: VLAN_DUP })
  })

  it('2 similar, 2 resolved, 1 pattern (the common root cause): 0.717, high', async () => {
    const r = await confidence([
      [resolved('r1', VLAN_DUP), 0.95],
      [resolved('r2', VLAN_TWICE), 0.9]
    ])
    expect(r).toEqual({ confidence: 0.717, level: 'high', counts: [2, 2, 1], cause: VLAN_DUP })
  })

  it('3 similar, 3 resolved, 3 patterns: full confidence, 1', async () => {
    const analysed = incident('new-4', { affected_devices: ['leaf-01'], category: 'config_error' })
    const r = await confidence(
      [
        [resolved('r1', VLAN_DUP, { affected_devices: ['leaf-01'], category: 'config_error' }), 0.95],
        [resolved('r2', VLAN_TWICE, { category: 'config_error' }), 0.9],
        [resolved('r3', CAUSE.fibre), 0.85]
      ],
      analysed
    )
    expect(r).toEqual({ confidence: 1, level: 'high', counts: [3, 3, 3], cause: VLAN_DUP })
  })
})
