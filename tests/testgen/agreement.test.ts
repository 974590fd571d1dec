import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { FINDING_CODES, type FindingCode } from '../../src/shared/networkModel'
import { validateModel } from '../../src/main/core/preflight/validate'
import { HELPER_FILENAME, helperFile } from '../../src/main/core/testgen/netmortemChecks'
import { FAULTS, fabric, fullParams, params } from '../preflight/generators'
import { EXAMPLES, lab, type Json } from '../preflight/support'
import { runPython, tempDir } from './support'

const cleanups: (() => void)[] = []
afterAll(() => cleanups.forEach((c) => c()))
const dir = tempDir('nm-testgen-agreement-', cleanups)
writeFileSync(join(dir, HELPER_FILENAME), helperFile())

/** Validates each line of standard input (one JSON model) with the exported helper. */
const VALIDATE_LINES = String.raw`
import json, sys
sys.path.insert(0, sys.argv[1])
import netmortem_checks
for line in sys.stdin:
    findings = netmortem_checks.validate(json.loads(line))
    sys.stdout.write(json.dumps([[f["code"], f["severity"], f["path"], f["devices"]] for f in findings]) + "\n")
`

type Row = [string, string, string, string[]]

/** A finding as compared: code, severity, JSON pointer and the set of devices; order aside. */
const normal = (rows: Row[]): string[] =>
  rows
    .map(([code, severity, path, devices]) => JSON.stringify([code, severity, path, [...devices].sort()]))
    .sort()

async function python(texts: string[]): Promise<Row[][]> {
  const run = await runPython(['-c', VALIDATE_LINES, dir], { input: texts.map((t) => `${t}\n`).join('') })
  expect(run.stderr).toBe('')
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Row[])
}

/** Compares the two validators on JSON texts; returns the disagreements, for a readable failure. */
async function disagreements(texts: string[]): Promise<string[]> {
  const py = await python(texts)
  expect(py).toHaveLength(texts.length)
  const out: string[] = []
  texts.forEach((text, i) => {
    const ts = validateModel(JSON.parse(text)).map((f): Row => [f.code, f.severity, f.path, f.devices])
    const [a, b] = [normal(ts), normal(py[i]!)]
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      out.push(`model ${text.slice(0, 400)}\n  TypeScript: ${a.join(' ')}\n  Python:     ${b.join(' ')}`)
    }
  })
  return out
}

const full = fullParams()

/** A clean fabric with one to three faults of any kinds (the property tests' faults). */
const faulty = fc
  .tuple(
    full,
    fc.array(fc.tuple(fc.constantFrom(...FINDING_CODES), fc.nat(100), fc.nat(100)), {
      minLength: 1,
      maxLength: 3
    })
  )
  .map(([p, faults]) => {
    const built = fabric(p)
    for (const [code, n, m] of faults) {
      try {
        FAULTS[code as FindingCode](built, n, m)
      } catch {
        // An earlier fault removed what this one needs: the model stays as it is.
      }
    }
    return built.model as Json
  })

/** Values that break types and ranges, or collide with others: what INVALID_VALUE and the rest read. */
const ODD_VALUES: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1,
  1.5,
  -0.5,
  67,
  68,
  9216,
  9217,
  4094,
  4095,
  65000,
  4294967295,
  4294967296,
  1e21,
  '',
  ' ',
  '\u00a0',
  '\ufeff',
  '\u001c',
  '\u2028',
  '0',
  '1',
  '0.0.0.0',
  '0.0.0.1',
  '00',
  '4294967296',
  '٣',
  '1٣',
  '010.0.0.1',
  '10.0.0.1',
  '10.0.0.1/31',
  '10.0.0.0/31',
  '10.0.0.1/24',
  '10.0.0.1/32',
  '10.0.0.1/33',
  '10.0.0.1/',
  '10.0.0.1/031',
  '10.0.0.256',
  '1.2.3',
  '1.2.3.4.5',
  '10.0.0.1\n',
  '10.0.0.1/31\n',
  ' 10.0.0.1',
  '10.0.0.1/31/2',
  'routed',
  'access',
  'trunk',
  'Routed',
  'dev-0',
  'dev-1',
  'dev-1 ',
  'Ethernet1',
  'Ethernet2',
  '\ud800',
  [],
  {},
  [1, 'x', null, 2.0, true],
  { name: 'x' },
  [100, 100, 0, 4095]
]

type Path = (string | number)[]

/** Every place in a JSON value: objects, arrays and leaves. */
function paths(value: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at)
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out))
  else if (value && typeof value === 'object')
    for (const k of Object.keys(value)) paths(value[k], [...at, k], out)
  return out
}

function get(root: Json, path: Path): Json {
  return path.reduce((node, key) => node?.[key], root)
}

/** Changes the model at one place: a value, a deletion, a copy of an entry or of another value. */
function mutate(model: Json, [where, op, pick, other]: [number, number, number, number]): void {
  const all = paths(model).filter((p) => p.length > 0)
  if (!all.length) return
  const path = all[where % all.length]!
  const parent = get(model, path.slice(0, -1))
  const key = path[path.length - 1]!
  switch (op % 4) {
    case 0:
      parent[key] = structuredClone(ODD_VALUES[pick % ODD_VALUES.length])
      break
    case 1:
      if (Array.isArray(parent)) parent.splice(key as number, 1)
      else delete parent[key]
      break
    case 2:
      if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]))
      break
    default:
      parent[key] = structuredClone(get(model, all[other % all.length]!))
  }
}

const mutated = fc
  .tuple(
    params(),
    fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 })
  )
  .map(([p, ops]) => {
    const model = fabric(p).model as Json
    for (const op of ops) mutate(model, op)
    return model
  })

/** JSON texts whose parsing matters: floats that are whole numbers, huge numbers, odd spaces, odd shapes. */
const EDGE_TEXTS = [
  '{"devices": [{"name": "a", "asn": 65000.0, "interfaces": [{"name": "e1", "mtu": 9000.0, "access_vlan": 1e2}]}], "vlans": [{"id": 100.0}]}',
  '{"devices": [{"name": "a", "asn": 1e400}]}',
  '{"devices": [{"name": "a", "asn": -0}]}',
  '{"devices": [{"name": "a", "asn": 4294967295.5}]}',
  '{"devices": [{"name": "a", "interfaces": [{"name": "e", "trunk_vlans": [9007199254740993, 9007199254740992, 1e300, 2.5, "3", true]}]}], "vlans": [{"id": 9007199254740993}, {"id": 9007199254740992}]}',
  '{"devices": [{"name": "\\u00a0"}, {"name": "\\u001c"}, {"name": "\\ufeff"}, {"name": "\\u2028x"}, {"name": "\\ud800"}, {"name": "\\ud800"}]}',
  '{"devices": [{"name": "a", "name": "b"}, {"name": "b"}]}',
  '{"__proto__": {"devices": 1}, "devices": [{"name": "constructor"}, {"name": "toString", "interfaces": [{"name": "__proto__"}, {"name": "__proto__"}]}]}',
  '{"devices": [{"name": "a", "interfaces": [{"name": "e1", "ospf_area": "4294967295"}, {"name": "e2", "ospf_area": "4294967296"}, {"name": "e3", "ospf_area": "0\\n"}, {"name": "e4", "ospf_area": "\\u0660"}, {"name": "e5", "ospf_area": "1\\u0660"}, {"name": "e6", "ip": "10.0.0.1/2\\u0663"}, {"name": "e7", "ip": "10.0.0.1/24\\n"}]}]}',
  '{"devices": [{"name": "a", "router_id": "10.0.0.1", "loopback": "10.0.0.1"}, {"name": "b", "router_id": "10.0.0.1/32", "loopback": "10.0.0.1/8"}]}',
  '{"devices": [{"name": "a", "asn": 1, "loopback": "10.9.9.9", "bgp": {"neighbors": [{"ip": "10.9.9.9", "remote_as": 2}, {"ip": "10.9.9.8"}, {"remote_as": 1}, {"ip": " "}, 5]}}]}',
  '{"devices": [{"name": "a", "asn": 1, "loopback": "10.1.1.1"}, {"name": "a", "asn": 2, "interfaces": [{"name": "x", "ip": "10.1.1.1/24"}]}, {"name": "c", "bgp": {"neighbors": [{"ip": "10.1.1.1", "remote_as": 7}]}}]}',
  '{"devices": [{"name": "a", "interfaces": [{"name": "e1", "ip": "10.0.0.0/31", "enabled": false}]}, {"name": "b", "interfaces": [{"name": "e1", "ip": "10.0.0.1/31", "enabled": null}]}], "links": [{"a": {"device": "a", "interface": "e1"}, "b": {"device": "b", "interface": "e1"}}, {"a": null}, {"b": {"device": " ", "interface": "e1"}}, 3, {"a": {"device": "a", "interface": "nope"}, "b": {"device": "zz", "interface": "e1"}}]}',
  '{"devices": [], "vlans": [{"id": 1, "subnet": "10.0.0.0/8"}, {"id": 2, "subnet": "10.0.0.0/8"}, {"id": 3, "subnet": "10.1.0.0/16"}, {"id": 4, "subnet": "10.1.2.0/24"}, {"id": 5, "subnet": "11.0.0.0/8"}, {"id": 6, "subnet": "0.0.0.0/0"}, {"subnet": "12.0.0.0/8", "devices": ["x", "", 3]}]}',
  '{"devices": [{"name": "a", "interfaces": [{"name": "e", "access_vlan": 5, "trunk_vlans": [5, 0, 4095]}]}], "vlans": []}',
  '{"devices": [{"name": "a", "interfaces": [{"name": "e", "access_vlan": 5, "trunk_vlans": [0]}]}]}',
  '{"devices": [{"name": "a", "interfaces": "e1", "bgp": []}, {"name": "b", "bgp": {"neighbors": {}}}, 7, null, [], {"role": 1}]}',
  '{"name": 5, "devices": [], "vlans": {}, "links": "x"}',
  '{"devices": {}}',
  '{}',
  '[]',
  '"model"',
  'null',
  '{"devices": [{"name": "a", "interfaces": [{"name": "e1", "mode": ["routed"]}, {"name": "e2", "mode": null}, {"name": "e3", "mode": "trunk", "description": 1}]}]}'
]

describe('the Python helper agrees with the TypeScript validator', () => {
  it('on the examples and the lab model', async () => {
    const examples = ['dc1-fabric.json', 'dc1-fabric-duplicate-vlan.json'].map((f) =>
      readFileSync(join(EXAMPLES, f), 'utf8').replace(/\s*\n\s*/g, ' ')
    )
    expect(await disagreements([...examples, JSON.stringify(lab())])).toEqual([])
  })

  it('on models whose parsing is delicate (whole floats, huge numbers, odd spaces, odd shapes)', async () => {
    expect(await disagreements(EDGE_TEXTS)).toEqual([])
  })

  it('on thousands of generated models: faults of every kind, and random breakage (fast-check)', async () => {
    const models = [
      ...fc.sample(faulty, { numRuns: 1000, seed: 2025 }),
      ...fc.sample(mutated, { numRuns: 2000, seed: 1125 })
    ]
    const texts = models.map((m) => JSON.stringify(m))
    const found = await disagreements(texts)
    expect(found.slice(0, 5)).toEqual([])
    // The samples reach every code, so every check was compared.
    const codes = new Set(models.flatMap((m) => validateModel(m).map((f) => f.code)))
    expect([...codes].sort()).toEqual([...FINDING_CODES].sort())
  }, 60_000)
})
