import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rcaReport } from '../../src/main/core/analysis/report'
import { openNetmortem } from '../../src/main/core/service'
import type { Analysis, ConfidenceLevel } from '../../src/shared/analysis'
import type { Incident } from '../../src/shared/incident'
import { incident } from './history'

const NOW = new Date('2025-11-25T12:00:00Z')

/** A made-up analysis: only what the report reads. */
function analysisOf(confidence: number, level: ConfidenceLevel, similar: string[]): Analysis {
  return {
    incident_id: null,
    suggested_root_cause: `cause at ${confidence}`,
    suggested_cause: level === 'low' && confidence === 0 ? null : `cause at ${confidence}`,
    confidence,
    confidence_level: level,
    confidence_factors: [],
    similar_incidents: similar,
    patterns_found: [],
    similar: [],
    patterns: [],
    cause_groups: [],
    similarity_threshold: 0.8
  }
}

describe('the RCA report', () => {
  it('analyses every unresolved incident and sorts by confidence, then severity, then newest', async () => {
    const open: Incident[] = [
      incident('a', { severity: 'low', timestamp: '2025-11-20T00:00:00Z' }),
      incident('b', { severity: 'critical', timestamp: '2025-11-01T00:00:00Z' }),
      incident('c', { severity: 'critical', timestamp: '2025-11-10T00:00:00Z' }),
      incident('d', { severity: 'medium', timestamp: '2025-11-05T00:00:00Z' }),
      // 0.4 with no cause: low, below a real medium.
      incident('e', { severity: 'critical', timestamp: '2025-11-05T00:00:00Z' })
    ]
    const analyses: Record<string, Analysis> = {
      a: analysisOf(0.717, 'high', ['r1', 'r2']),
      b: analysisOf(0.433, 'medium', ['r3']),
      c: analysisOf(0.433, 'medium', ['r4']),
      d: analysisOf(0, 'low', []),
      e: { ...analysisOf(0.4, 'low', ['o1', 'o2', 'o3']), suggested_cause: null }
    }
    const report = await rcaReport(open, 12, async (i) => analyses[i.id]!, NOW)
    expect(report.entries.map((e) => e.incident_id)).toEqual(['a', 'c', 'b', 'e', 'd'])
    expect(report).toMatchObject({
      generated_at: NOW.toISOString(),
      total_incidents: 12,
      unresolved: 5,
      analyzed: 5,
      by_level: { high: 1, medium: 2, low: 2 }
    })
    expect(report.entries[0]).toEqual({
      incident_id: 'a',
      timestamp: '2025-11-20T00:00:00Z',
      severity: 'low',
      category: 'uncategorized',
      description: 'Incident a',
      suggested_root_cause: 'cause at 0.717',
      suggested_cause: 'cause at 0.717',
      confidence: 0.717,
      confidence_level: 'high',
      similar_count: 2,
      similar_incidents: ['r1', 'r2']
    })
  })

  it('covers the open incidents of a database, and only those', async () => {
    const service = openNetmortem({
      dbPath: join(mkdtempSync(join(tmpdir(), 'nm-report-')), 'r.db'),
      now: () => NOW
    })
    try {
      await service.importText(
        JSON.stringify([
          {
            id: 'r1',
            timestamp: '2025-11-01T10:00:00Z',
            description: 'OSPF stuck in EXSTART on leaf-01',
            root_cause: 'MTU mismatch',
            resolved_at: '2025-11-01T11:00:00Z'
          },
          {
            id: 'o1',
            timestamp: '2025-11-02T10:00:00Z',
            description: 'OSPF neighbour stuck in EXSTART on leaf-02'
          },
          { id: 'o2', timestamp: '2025-11-03T10:00:00Z', description: 'Printer offline on floor 3' }
        ])
      )
      const report = await service.rcaReport()
      expect(report.total_incidents).toBe(3)
      expect(report.unresolved).toBe(2)
      expect(report.entries.map((e) => e.incident_id).sort()).toEqual(['o1', 'o2'])
      for (const e of report.entries) expect(e.similar_count).toBe(e.similar_incidents.length)
    } finally {
      await service.close()
    }
  })
})
