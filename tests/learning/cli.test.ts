import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Incident } from '../../src/shared/incident'
import type { Learning, PolicyRule, PromptGuidance, RecentLearning } from '../../src/shared/learning'
import { ROOT, assertBuilt, netmortem, netmortemJson } from '../cli/cliHarness'

const dir = mkdtempSync(join(tmpdir(), 'nm-cli-learn-'))
const withDb = (...args: string[]) => [...args, '--db', join(dir, 'learn.db')]
const EVAL_SET = join(ROOT, 'tests', 'fixtures', 'eval', 'incidents.json')

describe('netmortem learn, policy and guidance (real process)', () => {
  beforeAll(() => {
    assertBuilt()
    netmortemJson(withDb('import', EVAL_SET))
  })

  it('learn ID --json prints the contract and updates the incident', () => {
    const l = netmortemJson<Learning>(withDb('learn', 'eval-vlandup-03'))
    expect(l.incident_id).toBe('eval-vlandup-03')
    expect(l).toHaveProperty('root_cause')
    expect(typeof l.confidence).toBe('number')
    expect(l.regression_test).toContain('VLAN_DUPLICATE_ID')
    const stored = netmortemJson<Incident & Record<string, unknown>>(withDb('get', 'eval-vlandup-03'))
    expect(stored.regression_test).toBe(l.regression_test)
    expect(stored.root_cause).toBe(l.root_cause)
    expect(stored.confidence).toBe(l.confidence)
    expect(typeof stored.learned_at).toBe('string')
    expect(Boolean(stored.resolved_at)).toBe(l.applied)
  })

  it('learn without --json says whether the suggestion was taken', () => {
    const run = netmortem(withDb('learn', 'eval-trunk-03'))
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^eval-trunk-03: (open|resolved), confidence \d\.\d{3} \((high|medium|low)\)/)
    expect(run.stdout).toMatch(/took the suggested root cause|stays open/)
  })

  it('learn of an unknown id fails: non-zero exit, one line on standard error, nothing on standard output', () => {
    for (const json of [[], ['--json']]) {
      const run = netmortem(withDb('learn', 'no-such-incident', ...json))
      expect(run.code).not.toBe(0)
      expect(run.stdout).toBe('')
      expect(run.stderr.trim().split('\n')).toEqual(['netmortem: No incident with id "no-such-incident".'])
    }
    expect(netmortem(withDb('learn')).code).toBe(2)
    expect(netmortem(withDb('learn', '--recent', '0')).code).toBe(2)
    expect(netmortem(withDb('learn', 'x', '--recent', '2')).code).toBe(2)
  })

  it('learn --recent N --json counts the recent, unresolved and analysed incidents', () => {
    const newest = netmortemJson<Incident[]>(withDb('list', '--limit', '5'))
    const open = newest.filter((i) => !i.resolved_at).map((i) => i.id)
    const r = netmortemJson<RecentLearning>(withDb('learn', '--recent', '5'))
    expect(r.total_incidents).toBe(5)
    expect(r.unresolved).toBe(open.length)
    expect(r.analyzed).toBe(open.length)
    expect(r.learnings.map((l) => l.incident_id)).toEqual(open)
    for (const l of r.learnings) {
      expect(Object.keys(l)).toEqual(
        expect.arrayContaining(['incident_id', 'root_cause', 'confidence', 'regression_test'])
      )
    }
  })

  it('policy --json lists the rules; --python writes a module that parses', () => {
    const file = join(dir, 'network_policy.py')
    const p = netmortemJson<{ rules: PolicyRule[]; python_file: string }>(withDb('policy', '--python', file))
    expect(p.python_file).toBe(file)
    const vlan = p.rules.find((r) => r.code === 'VLAN_DUPLICATE_ID')!
    expect(vlan.learned_from).toContain('eval-vlandup-01')
    expect(vlan.count).toBe(vlan.learned_from.length)
    const methods = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import ast, sys; t = ast.parse(open(sys.argv[1]).read()); print(sum(1 for n in ast.walk(t) if isinstance(n, ast.FunctionDef) and n.name.startswith("check_")))',
        file
      ],
      { encoding: 'utf8' }
    )
    expect(Number(methods)).toBe(p.rules.length)
    expect(readFileSync(file, 'utf8')).toContain('class NetworkPolicy:')
  })

  it('guidance prints one line per rule, most often learned first', () => {
    const g = netmortemJson<PromptGuidance>(withDb('guidance'))
    expect(g.lines[0]).toMatch(
      /^[A-Z]+: Ensure VLAN IDs are unique across all devices \(learned from \d+ incidents\)$/
    )
    const counts = g.items.map((i) => i.count)
    expect([...counts].sort((a, b) => b - a)).toEqual(counts)
    const run = netmortem(withDb('guidance'))
    expect(run.stdout.trim().split('\n')).toEqual(g.lines)
  })
})
