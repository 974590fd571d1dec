import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { trendsOf } from '../../src/main/core/analysis/trends'
import { openNetmortem } from '../../src/main/core/service'
import { incident } from './history'

// A Wednesday.
const NOW = new Date('2025-11-26T15:00:00Z')

const history = [
  incident('too-old', { timestamp: '2025-11-12T23:59:59Z', category: 'config_error' }),
  incident('a', {
    timestamp: '2025-11-13T00:00:00Z',
    category: 'config_error',
    severity: 'critical',
    root_cause: 'Duplicate VLAN ID in the network model',
    resolved_at: '2025-11-13T04:00:00Z'
  }),
  incident('b', {
    timestamp: '2025-11-17T09:00:00Z',
    category: 'routing_issue',
    severity: 'high',
    root_cause: 'Wrong BGP remote-as',
    resolved_at: '2025-11-17T10:30:00Z'
  }),
  incident('c', {
    timestamp: '2025-11-23T20:00:00Z',
    category: 'config_error',
    severity: 'low',
    root_cause: 'VLAN ID defined twice in the model',
    resolved_at: '2025-11-24T02:00:00Z'
  }),
  // Resolved "before" it happened: bad data, left out of the mean time to resolve.
  incident('d', {
    timestamp: '2025-11-24T10:00:00Z',
    category: 'config_error',
    severity: 'medium',
    resolved_at: '2025-11-24T09:00:00Z',
    root_cause: 'Duplicate VLAN ID'
  }),
  incident('e', { timestamp: '2025-11-26T08:00:00Z', category: 'network_outage', severity: 'high' }),
  incident('future', { timestamp: '2025-11-26T15:00:01Z' })
]

describe('trends', () => {
  it('count incidents per category and severity over the last N calendar days', () => {
    const t = trendsOf(history, 14, 'day', NOW)
    expect(t.since).toBe('2025-11-13T00:00:00.000Z')
    expect(t.until).toBe(NOW.toISOString())
    expect(t.total).toBe(5)
    expect(t.resolved).toBe(4)
    expect(t.open).toBe(1)
    expect(t.by_category).toEqual([
      { value: 'config_error', count: 3 },
      { value: 'network_outage', count: 1 },
      { value: 'routing_issue', count: 1 }
    ])
    expect(t.by_severity).toEqual([
      { value: 'critical', count: 1 },
      { value: 'high', count: 2 },
      { value: 'medium', count: 1 },
      { value: 'low', count: 1 }
    ])
  })

  it('by day: one period per day, empty days included', () => {
    const t = trendsOf(history, 14, 'day', NOW)
    expect(t.periods).toHaveLength(14)
    expect(t.periods[0]).toEqual({
      start: '2025-11-13',
      total: 1,
      by_category: { config_error: 1 },
      by_severity: { critical: 1, high: 0, medium: 0, low: 0 }
    })
    expect(t.periods[1]).toMatchObject({ start: '2025-11-14', total: 0, by_category: {} })
    expect(t.periods.at(-1)).toMatchObject({
      start: '2025-11-26',
      total: 1,
      by_category: { network_outage: 1 }
    })
    expect(t.periods.reduce((s, p) => s + p.total, 0)).toBe(t.total)
  })

  it('by week: weeks start on Monday (UTC), the first and last cut by the window', () => {
    const t = trendsOf(history, 14, 'week', NOW)
    expect(t.periods.map((p) => [p.start, p.total])).toEqual([
      ['2025-11-10', 1],
      ['2025-11-17', 2],
      ['2025-11-24', 2]
    ])
    expect(t.periods[2]!.by_category).toEqual({ config_error: 1, network_outage: 1 })
  })

  it('give the mean time to resolve, overall and per category', () => {
    const t = trendsOf(history, 14, 'day', NOW)
    // a: 4 h, b: 1.5 h, c: 6 h; d is left out.
    expect(t.mean_time_to_resolve_hours).toBe(3.83)
    expect(t.mean_time_to_resolve_by_category).toEqual([
      { value: 'config_error', hours: 5, resolved: 2 },
      { value: 'routing_issue', hours: 1.5, resolved: 1 }
    ])
    expect(trendsOf(history, 1, 'day', NOW).mean_time_to_resolve_hours).toBeNull()
  })

  it('list the root causes that recur, grouped like the vote', () => {
    const t = trendsOf(history, 14, 'day', NOW)
    expect(t.recurring_causes).toEqual([
      {
        root_cause: 'Duplicate VLAN ID',
        count: 3,
        incidents: ['d', 'c', 'a'],
        categories: ['config_error']
      }
    ])
  })

  it('are served by the service, which checks the number of days', async () => {
    const service = openNetmortem({
      dbPath: join(mkdtempSync(join(tmpdir(), 'nm-trends-')), 't.db'),
      now: () => NOW
    })
    try {
      await service.importText(JSON.stringify(history))
      const t = service.trends(14, 'week')
      expect(t.total).toBe(5)
      expect(t.periods).toHaveLength(3)
      expect(() => service.trends(0)).toThrow('days must be')
      expect(service.trends(3).periods.map((p) => p.start)).toEqual([
        '2025-11-24',
        '2025-11-25',
        '2025-11-26'
      ])
    } finally {
      await service.close()
    }
  })
})
