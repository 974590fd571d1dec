import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Analysis, RcaReport, Trends } from '../../src/shared/analysis'
import { ROOT, assertBuilt, netmortem, netmortemJson } from '../cli/cliHarness'

const dir = mkdtempSync(join(tmpdir(), 'nm-cli-rca-'))
const withDb = (...args: string[]) => [...args, '--db', join(dir, 'rca.db')]
const EVAL_SET = join(ROOT, 'tests', 'fixtures', 'eval', 'incidents.json')

describe('netmortem analyze, report and trends (real process)', () => {
  beforeAll(() => {
    assertBuilt()
    netmortemJson(withDb('import', EVAL_SET))
  })

  it('analyze ID --json prints the contract: suggestion, confidence, similar ids, patterns', () => {
    const a = netmortemJson<Analysis>(withDb('analyze', 'eval-vlandup-03'))
    expect(typeof a.suggested_root_cause).toBe('string')
    expect(a.confidence).toBeGreaterThanOrEqual(0)
    expect(a.confidence).toBeLessThanOrEqual(1)
    expect(['high', 'medium', 'low']).toContain(a.confidence_level)
    expect(Array.isArray(a.similar_incidents)).toBe(true)
    for (const id of a.similar_incidents) expect(typeof id).toBe('string')
    expect(a.similar_incidents).not.toContain('eval-vlandup-03')
    expect(a.patterns_found.every((p) => typeof p === 'string')).toBe(true)
    expect(a.confidence_factors.map((f) => f.name)).toEqual(['similar', 'resolved', 'patterns'])
    expect(a.similar.map((s) => s.id)).toEqual(a.similar_incidents)
  })

  it('analyze of an unknown id fails: non-zero exit, one line on standard error, nothing on standard output', () => {
    for (const json of [[], ['--json']]) {
      const run = netmortem(withDb('analyze', 'no-such-incident', ...json))
      expect(run.code).not.toBe(0)
      expect(run.stdout).toBe('')
      expect(run.stderr.trim().split('\n')).toEqual(['netmortem: No incident with id "no-such-incident".'])
    }
  })

  it('analyze --file analyses a draft without storing it', () => {
    const file = join(dir, 'draft.json')
    writeFileSync(
      file,
      JSON.stringify({ description: 'Pre-flight rejected the model: VLAN 120 defined twice' })
    )
    const before = netmortemJson<unknown[]>(withDb('list', '--limit', '0')).length
    const a = netmortemJson<Analysis>(withDb('analyze', '--file', file))
    expect(a.incident_id).toBeNull()
    expect(netmortemJson<unknown[]>(withDb('list', '--limit', '0')).length).toBe(before)
    expect(netmortem(withDb('analyze')).code).toBe(2)
  })

  it('analyze without --json explains the confidence', () => {
    const run = netmortem(withDb('analyze', 'eval-vlandup-03'))
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Suggested root cause of eval-vlandup-03:/)
    expect(run.stdout).toMatch(/Confidence \d\.\d{3}: (high|medium|low)/)
    expect(run.stdout).toMatch(/similar .*full at 3/)
  })

  it('report --json analyses every unresolved incident, most confident first', () => {
    const r = netmortemJson<RcaReport>(withDb('report'))
    expect(r.total_incidents).toBe(96)
    expect(r.unresolved).toBe(32)
    expect(r.entries).toHaveLength(32)
    const rank = { high: 0, medium: 1, low: 2 }
    for (let i = 1; i < r.entries.length; i++) {
      const [a, b] = [r.entries[i - 1]!, r.entries[i]!]
      expect(rank[a.confidence_level] < rank[b.confidence_level] || a.confidence >= b.confidence).toBe(true)
    }
  })

  it('trends --days N --json counts per period; bad options exit 2', () => {
    const t = netmortemJson<Trends>(withDb('trends', '--days', '3660', '--bucket', 'week'))
    expect(t.total).toBe(96)
    expect(t.periods.reduce((s, p) => s + p.total, 0)).toBe(96)
    expect(t.mean_time_to_resolve_hours).toBeGreaterThan(0)
    expect(netmortem(withDb('trends', '--days', '0')).code).toBe(2)
    expect(netmortem(withDb('trends', '--bucket', 'month')).code).toBe(2)
  })
})
