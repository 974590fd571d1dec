import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { promptGuidance } from '../../src/main/core/learning/guidance'
import { policyModule, policyRules } from '../../src/main/core/learning/policy'
import { helperFile } from '../../src/main/core/testgen/netmortemChecks'
import type { Incident } from '../../src/shared/incident'
import { incident, resolved, vlanDup } from './support'

const PYTHON = '/usr/bin/python3'
const finding = (code: string, severity = 'error') => ({
  code,
  severity,
  message: `${code} seen`,
  devices: []
})

/** Newest first, as the store lists them. */
function history(): Incident[] {
  const vlan = Array.from({ length: 5 }, (_, i) =>
    resolved(`vlan-${i}`, 'VLAN reused', {
      validation_errors: [vlanDup],
      severity: i === 2 ? 'critical' : 'high'
    })
  )
  return [
    ...vlan,
    resolved('mtu-1', 'Jumbo frames on one side', {
      validation_errors: [finding('MTU_MISMATCH')],
      severity: 'medium'
    }),
    resolved('mtu-2', 'Jumbo frames on one side', {
      validation_errors: [finding('MTU_MISMATCH')],
      severity: 'low'
    }),
    resolved('rid-1', 'Cloned config', {
      validation_errors: [finding('ROUTER_ID_DUPLICATE')],
      severity: 'critical'
    }),
    resolved('rid-2', 'Cloned config', {
      validation_errors: [finding('ROUTER_ID_DUPLICATE'), finding('ROUTER_ID_DUPLICATE')],
      severity: 'high'
    }),
    // Learned, still open: counts.
    incident('bgp-1', {
      validation_errors: [finding('BGP_REMOTE_AS_MISMATCH')],
      learned_at: '2025-11-30T00:00:00Z'
    } as Partial<Incident>),
    // Neither resolved nor learned: does not count.
    incident('open-1', { validation_errors: [finding('SUBNET_OVERLAP'), vlanDup] }),
    // Not a contract code: no rule.
    resolved('odd-1', 'x', {
      validation_errors: [{ code: 'NOT_A_CODE', message: 'x' }, { error: 'free text' }]
    })
  ]
}

describe('policy rules', () => {
  it('one rule per finding code of resolved or learned incidents, with what it checks and where it came from', () => {
    const rules = policyRules(history())
    expect(rules.map((r) => [r.code, r.count])).toEqual([
      ['VLAN_DUPLICATE_ID', 5],
      ['MTU_MISMATCH', 2],
      ['BGP_REMOTE_AS_MISMATCH', 1],
      ['ROUTER_ID_DUPLICATE', 2]
    ])
    const vlan = rules[0]!
    expect(vlan).toEqual({
      code: 'VLAN_DUPLICATE_ID',
      severity: 'error',
      incident_severity: 'critical',
      checks: 'No two entries of vlans share an id.',
      learned_from: ['vlan-0', 'vlan-1', 'vlan-2', 'vlan-3', 'vlan-4'],
      count: 5
    })
    expect(rules.find((r) => r.code === 'ROUTER_ID_DUPLICATE')!.learned_from).toEqual(['rid-1', 'rid-2'])
    expect(JSON.parse(JSON.stringify(rules))).toEqual(rules)
  })

  it('none without learned incidents', () => {
    expect(policyRules([incident('a', { validation_errors: [vlanDup] })])).toEqual([])
  })
})

describe('the Python NetworkPolicy module', () => {
  it('parses, and has one check method per rule naming its incidents in the docstring', () => {
    const rules = policyRules(history())
    const code = policyModule(rules, '2025-12-01T09:00:00.000Z')
    const script = [
      'import ast, json, sys',
      'tree = ast.parse(sys.stdin.read())',
      'cls = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "NetworkPolicy"][0]',
      'methods = [f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name.startswith("check_")]',
      'print(json.dumps({f.name: [a.arg for a in f.args.args] + [ast.get_docstring(f)] for f in methods}))'
    ].join('\n')
    const out = JSON.parse(execFileSync(PYTHON, ['-c', script], { input: code, encoding: 'utf8' })) as Record<
      string,
      string[]
    >
    expect(Object.keys(out).sort()).toEqual(
      [
        'check_bgp_remote_as_mismatch',
        'check_mtu_mismatch',
        'check_router_id_duplicate',
        'check_vlan_duplicate_id'
      ].sort()
    )
    expect(out.check_vlan_duplicate_id!.slice(0, 2)).toEqual(['self', 'model'])
    expect(out.check_vlan_duplicate_id![2]).toContain('vlan-4')
    expect(out.check_vlan_duplicate_id![2]).toContain('No two entries of vlans share an id.')
  })

  it('escapes hostile incident ids: they stay inside string literals', () => {
    const evil = 'x"""\n    def check_pwned(self, model):\n        import os\n\u202e#'
    const rules = policyRules([resolved(evil, 'cause', { validation_errors: [vlanDup] })])
    const code = policyModule(rules, '2025-12-01T09:00:00.000Z')
    expect(/^[\x20-\x7e\n]*$/.test(code)).toBe(true)
    const script = [
      'import ast, sys',
      'tree = ast.parse(sys.stdin.read())',
      'names = [n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]',
      'print(",".join(sorted(names)))'
    ].join('\n')
    const names = execFileSync(PYTHON, ['-c', script], { input: code, encoding: 'utf8' }).trim().split(',')
    expect(names).not.toContain('check_pwned')
    expect(names).toContain('check_vlan_duplicate_id')
  })

  it('parses with no rules at all', () => {
    const code = policyModule([], '2025-12-01T09:00:00.000Z')
    expect(
      execFileSync(PYTHON, ['-c', 'import ast, sys; ast.parse(sys.stdin.read()); print("ok")'], {
        input: code,
        encoding: 'utf8'
      })
    ).toBe('ok\n')
  })

  it('runs against a model with netmortem_checks.py beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nm-policy-'))
    writeFileSync(join(dir, 'netmortem_checks.py'), helperFile())
    writeFileSync(
      join(dir, 'network_policy.py'),
      policyModule(policyRules(history()), '2025-12-01T09:00:00.000Z')
    )
    const model = {
      devices: [{ name: 'leaf-01' }],
      vlans: [
        { id: 120, name: 'a' },
        { id: 120, name: 'b' }
      ]
    }
    const script = [
      'import json, sys',
      `sys.path.insert(0, ${JSON.stringify(dir)})`,
      'from network_policy import NetworkPolicy',
      'p = NetworkPolicy()',
      'model = json.loads(sys.stdin.read())',
      'print(json.dumps([len(p.check_vlan_duplicate_id(model)), len(p.check_mtu_mismatch(model)), sorted(p.check(model))]))'
    ].join('\n')
    const out = execFileSync(PYTHON, ['-c', script], { input: JSON.stringify(model), encoding: 'utf8' })
    expect(JSON.parse(out)).toEqual([1, 0, ['VLAN_DUPLICATE_ID']])
  })
})

describe('prompt guidance', () => {
  it('one line per rule, most often learned first, then by severity', () => {
    const g = promptGuidance(policyRules(history()))
    expect(g.lines).toEqual([
      'CRITICAL: Ensure VLAN IDs are unique across all devices (learned from 5 incidents)',
      'CRITICAL: Ensure router IDs are unique across all devices (learned from 2 incidents)',
      'MEDIUM: Ensure both ends of every link have the same MTU (learned from 2 incidents)',
      "HIGH: Ensure every BGP neighbor's remote AS is the ASN of the device that owns the neighbor address (learned from 1 incident)"
    ])
    expect(g.items.map((i) => i.code)).toEqual([
      'VLAN_DUPLICATE_ID',
      'ROUTER_ID_DUPLICATE',
      'MTU_MISMATCH',
      'BGP_REMOTE_AS_MISMATCH'
    ])
  })

  it('is empty without rules', () => {
    expect(promptGuidance([])).toEqual({ lines: [], items: [] })
  })
})
