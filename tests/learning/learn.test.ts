import { describe, expect, it } from 'vitest'
import { learnFromIncident, learnFromRecent } from '../../src/main/core/learning/learn'
import { readMark } from '../../src/main/core/testgen/header'
import { NOW, agreeingHistory, incident, memoryDeps, resolved, vlanDup } from './support'

const target = () =>
  incident('new-1', {
    timestamp: '2025-11-30T10:00:00Z',
    category: 'deployment_failure',
    description: 'Pre-flight rejected the model: VLAN 120 defined twice',
    validation_errors: [vlanDup]
  })

describe('learnFromIncident', () => {
  it('takes a high-confidence suggestion: root cause, resolved, test, confidence and learned_at stored', async () => {
    const deps = memoryDeps([target()], agreeingHistory())
    const l = await learnFromIncident(deps, 'new-1')
    expect(l.confidence_level).toBe('high')
    expect(l.confidence).toBeGreaterThanOrEqual(0.7)
    expect(l).toMatchObject({
      incident_id: 'new-1',
      root_cause: 'VLAN 120 allocated twice by the IPAM sync script',
      applied: true,
      status: 'resolved',
      learned_at: NOW.toISOString()
    })
    expect(l.test).toMatchObject({ kind: 'pytest', checks: ['VLAN_DUPLICATE_ID'], skeleton: false })
    expect(l.message).toMatch(/took the suggested root cause/)
    const stored = deps.records.get('new-1')! as Record<string, unknown>
    expect(stored.root_cause).toBe(l.root_cause)
    expect(stored.resolved_at).toBe(NOW.toISOString())
    expect(stored.regression_test).toBe(l.regression_test)
    expect(l.regression_test).toContain('assert_no_findings("VLAN_DUPLICATE_ID", INCIDENT)')
    expect(stored.confidence).toBe(l.confidence)
    expect(stored.learned_at).toBe(NOW.toISOString())
    expect(stored.learning).toMatchObject({ applied: true, confidence_level: 'high' })
  })

  it('keeps the incident open below high confidence, says so, and still stores the test', async () => {
    const ranked = agreeingHistory().slice(0, 1)
    const deps = memoryDeps([target()], ranked)
    const l = await learnFromIncident(deps, 'new-1')
    expect(['medium', 'low']).toContain(l.confidence_level)
    expect(l.applied).toBe(false)
    expect(l.status).toBe('open')
    expect(l.root_cause).toBeNull()
    expect(l.message).toMatch(/not applied; the incident stays open/)
    const stored = deps.records.get('new-1')! as Record<string, unknown>
    expect(stored.root_cause).toBeNull()
    expect(stored.resolved_at).toBeNull()
    expect(stored.regression_test).toBe(l.regression_test)
    expect(readMark(l.regression_test).ours).toBe(true)
    expect(stored.confidence).toBe(l.confidence)
    expect(stored.learned_at).toBe(NOW.toISOString())
  })

  it('with no similar incident at all: low, open, a skeleton test', async () => {
    const deps = memoryDeps([incident('lonely', { description: 'Something odd' })], [])
    const l = await learnFromIncident(deps, 'lonely')
    expect(l).toMatchObject({ confidence: 0, confidence_level: 'low', applied: false, status: 'open' })
    expect(l.test.skeleton).toBe(true)
    expect(l.message).toMatch(/manual analysis/)
  })

  it('never replaces a root cause an engineer recorded, nor a regression test Netmortem did not write', async () => {
    const own = incident('new-1', {
      ...target(),
      root_cause: 'Typo in the change ticket',
      regression_test: 'def test_mine():\n    assert True\n'
    })
    const deps = memoryDeps([own], agreeingHistory())
    const l = await learnFromIncident(deps, 'new-1')
    expect(l.applied).toBe(false)
    expect(l.root_cause).toBe('Typo in the change ticket')
    expect(l.regression_test).toBe('def test_mine():\n    assert True\n')
    expect(l.message).toMatch(/kept/)
  })

  it('an unknown id is an error', async () => {
    const deps = memoryDeps([], [])
    await expect(learnFromIncident(deps, 'no-such')).rejects.toThrow('No incident with id "no-such".')
  })
})

describe('learnFromRecent', () => {
  it('counts the recent incidents, the unresolved ones, and learns from each of those', async () => {
    const deps = memoryDeps(
      [
        target(),
        incident('new-2', { timestamp: '2025-11-29T10:00:00Z', validation_errors: [vlanDup] }),
        resolved('old-r', 'Known', { timestamp: '2025-11-28T10:00:00Z' }),
        incident('older', { timestamp: '2025-10-01T10:00:00Z' })
      ],
      agreeingHistory()
    )
    const r = await learnFromRecent(deps, 3)
    expect(r).toMatchObject({ total_incidents: 3, unresolved: 2, analyzed: 2, errors: [] })
    expect(r.learnings.map((l) => l.incident_id)).toEqual(['new-1', 'new-2'])
    for (const l of r.learnings) {
      expect(l).toHaveProperty('root_cause')
      expect(typeof l.confidence).toBe('number')
      expect(typeof l.regression_test).toBe('string')
    }
    expect((deps.records.get('older') as Record<string, unknown>).learned_at).toBeUndefined()
    expect((deps.records.get('old-r') as Record<string, unknown>).learned_at).toBeUndefined()
  })
})
