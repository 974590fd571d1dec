import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Incident } from '../../src/shared/incident'
import { generateTest } from '../../src/main/core/testgen/generate'
import { planLiveChecks } from '../../src/main/core/testgen/pyatsGenerator'
import { lab } from '../preflight/support'
import { incident, inspectPython, runPython, tempDir } from './support'

const cleanups: (() => void)[] = []
afterAll(() => cleanups.forEach((c) => c()))
const dir = tempDir('nm-testgen-pyats-', cleanups)
const AT = '2025-11-26T08:30:00.000Z'

/** The structure pyATS expects of an aetest script, read from its syntax tree. */
const STRUCTURE_PY = String.raw`
import ast, json, sys

def name_of(node):
    if isinstance(node, ast.Attribute):
        return name_of(node.value) + "." + node.attr
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Call):
        return name_of(node.func) + "()"
    return type(node).__name__

out = []
for path in json.load(sys.stdin):
    tree = ast.parse(open(path, encoding="utf-8").read())
    imports = [
        "%s:%s" % (n.module, a.name) for n in tree.body if isinstance(n, ast.ImportFrom) for a in n.names
    ]
    classes = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            classes[node.name] = {
                "bases": [name_of(b) for b in node.bases],
                "sections": [
                    [f.name, [name_of(d) for d in f.decorator_list], [a.arg for a in f.args.args]]
                    for f in node.body if isinstance(f, ast.FunctionDef)
                ],
                "calls": sorted({name_of(c.func) for c in ast.walk(node) if isinstance(c, ast.Call)}),
            }
    main = [n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "__name__ == '__main__'"]
    main_calls = sorted({name_of(c.func) for m in main for c in ast.walk(m) if isinstance(c, ast.Call)})
    calls = sorted({name_of(c.func) for c in ast.walk(tree) if isinstance(c, ast.Call)})
    out.append({"imports": imports, "classes": classes, "main": len(main), "main_calls": main_calls, "calls": calls,
                "last": type(tree.body[-1]).__name__})
json.dump(out, sys.stdout)
`

interface Structure {
  imports: string[]
  classes: Record<string, { bases: string[]; sections: [string, string[], string[]][]; calls: string[] }>
  main: number
  main_calls: string[]
  calls: string[]
  last: string
}

const TESTCASE_OF = {
  interfaces: 'InterfacesUpWithoutErrors',
  bgp: 'BgpNeighborsEstablished',
  ospf: 'OspfNeighborsFull',
  routes: 'ExpectedRoutesPresent'
} as const

/** Routing issues and outages of many kinds: what each names decides its Testcases. */
const LIVE: Incident[] = [
  incident({
    id: 'route-1',
    category: 'routing_issue',
    description: 'BGP session to 10.0.1.0 flapping on leaf-01 Ethernet49; prefix 10.100.0.0/24 withdrawn',
    affected_devices: ['leaf-01'],
    network_model: lab()
  }),
  incident({ id: 'route-2', category: 'routing_issue', description: 'OSPF adjacency stuck in EXSTART' }),
  incident({ id: 'route-3', category: 'routing_issue', description: 'Traffic took a strange path' }),
  incident({
    id: 'outage-1',
    category: 'network_outage',
    description: 'Site down',
    affected_devices: ['a', 'b']
  }),
  incident({
    id: 'outage-2',
    category: 'network_outage',
    description: 'Core outage: 10.0.0.0/8 unreachable',
    affected_devices: ['spine-01', 'leaf-01'],
    network_model: lab()
  })
]

describe('pyATS scripts', () => {
  it('choose their checks from the incident and its model', () => {
    const plans = LIVE.map(planLiveChecks)
    expect(plans.map((p) => p.checks)).toEqual([
      ['interfaces', 'bgp', 'ospf', 'routes'],
      ['ospf'],
      ['bgp', 'ospf'],
      ['interfaces'],
      ['interfaces', 'bgp', 'ospf', 'routes']
    ])
    expect(plans[0]).toMatchObject({
      devices: ['leaf-01'],
      bgp: [['leaf-01', ['10.0.1.0']]],
      // Areas 0 and 0.0.0.0 at the two ends are one area: the spine is an OSPF neighbor, by its router id.
      ospf: [['leaf-01', ['10.255.0.1']]],
      interfaces: [['leaf-01', ['Ethernet49']]],
      routes: ['10.100.0.0/24'],
      bgpRequired: true,
      ospfRequired: true
    })
    // A routing issue naming no protocol checks BGP and OSPF only where they run.
    expect(plans[2]).toMatchObject({ bgpRequired: false, ospfRequired: false })
    expect(plans[4]!.routes).toEqual(['10.0.0.0/8'])
  })

  it('compile, and have the aetest structure: CommonSetup, Testcases with test sections, CommonCleanup, aetest.main()', async () => {
    const paths = LIVE.map((source) => {
      const test = generateTest(source, AT)
      expect(test.kind).toBe('pyats')
      const path = join(dir, test.filename)
      writeFileSync(path, test.code)
      return path
    })
    const inspected = await inspectPython(paths)
    inspected.forEach((r) => expect(r.error).toBeUndefined())
    const run = await runPython(['-c', STRUCTURE_PY], { input: JSON.stringify(paths) })
    expect(run.stderr).toBe('')
    const structures = JSON.parse(run.stdout) as Structure[]
    structures.forEach((s, i) => {
      const plan = planLiveChecks(LIVE[i]!)
      const label = LIVE[i]!.id
      expect(s.imports, label).toContain('pyats:aetest')
      expect(s.classes.CommonSetup!.bases).toEqual(['aetest.CommonSetup'])
      expect(s.classes.CommonSetup!.sections).toEqual([
        ['connect_to_devices', ['aetest.subsection'], ['self', 'testbed']]
      ])
      expect(s.classes.CommonSetup!.calls).toContain('device.connect')
      expect(s.classes.CommonCleanup!.bases).toEqual(['aetest.CommonCleanup'])
      expect(s.classes.CommonCleanup!.sections[0]![1]).toEqual(['aetest.subsection'])
      expect(s.classes.CommonCleanup!.calls).toContain('device.disconnect')
      const testcases = Object.entries(s.classes).filter(([, c]) => c.bases[0] === 'aetest.Testcase')
      expect(testcases.map(([name]) => name)).toEqual(plan.checks.map((c) => TESTCASE_OF[c]))
      for (const [, c] of testcases) {
        const tests = c.sections.filter(([, decorators]) => decorators.includes('aetest.test'))
        expect(tests.length).toBeGreaterThan(0)
        for (const [, , args] of tests) expect(args).toEqual(['self', 'devices'])
        expect(c.calls).toContain('_parse')
      }
      expect(s.calls).toContain('device.parse')
      expect(s.main).toBe(1)
      expect(s.last).toBe('If')
      expect(s.main_calls).toContain('aetest.main')
    })
  })
})

/** Just enough of pyats.aetest and genie.testbed to run a generated script against canned Genie output. */
const FAKE_AETEST = String.raw`
import inspect, json, sys

def _mark(kind):
    def decorate(function):
        function._section = kind
        return function
    return decorate

subsection, setup, test, cleanup = _mark("subsection"), _mark("setup"), _mark("test"), _mark("cleanup")

class _Result(Exception):
    def __init__(self, result, reason):
        Exception.__init__(self, reason)
        self.result, self.reason = result, reason

class _Section(object):
    def __init__(self, parent):
        self.parent = parent
    def failed(self, reason=""):
        raise _Result("failed", reason)
    def passed(self, reason=""):
        raise _Result("passed", reason)

class CommonSetup(_Section): pass
class Testcase(_Section): pass
class CommonCleanup(_Section): pass

class _Script(object):
    pass

def main(**parameters):
    module = sys.modules["__main__"]
    script = _Script()
    script.parameters = dict(parameters)
    results = []
    for cls in [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, _Section)]:
        if cls.__module__ != "__main__":
            continue
        instance = cls(script)
        blocked = False
        for name, function in list(vars(cls).items()):
            if not hasattr(function, "_section"):
                continue
            wanted = [p for p in inspect.signature(function).parameters.values() if p.name != "self"]
            kwargs = {p.name: script.parameters[p.name] for p in wanted if p.name in script.parameters}
            if blocked:
                results.append([cls.__name__, name, "blocked", ""])
                continue
            try:
                function(instance, **kwargs)
                result, reason = "passed", ""
            except _Result as signal:
                result, reason = signal.result, signal.reason
            except Exception as error:
                result, reason = "errored", "%s: %s" % (type(error).__name__, error)
            results.append([cls.__name__, name, result, reason])
            blocked = blocked or (function._section == "setup" and result != "passed")
    print(json.dumps(results))
`

const FAKE_GENIE = String.raw`
import json, time

time.sleep = lambda seconds: None
DISCONNECTED = []

class SchemaEmptyParserError(Exception):
    pass

class Device(object):
    def __init__(self, name, spec):
        self.name, self.os, self.outputs, self.calls = name, spec.get("os"), spec.get("outputs", {}), {}
    def connect(self, **kwargs):
        self.connected = True
    def disconnect(self):
        DISCONNECTED.append(self.name)
    def parse(self, command):
        if command not in self.outputs:
            raise Exception("Could not find parser for '%s'" % command)
        outputs = self.outputs[command]
        if outputs is None:
            raise SchemaEmptyParserError("Parser Output is empty")
        n = self.calls.get(command, 0)
        self.calls[command] = n + 1
        return outputs[min(n, len(outputs) - 1)]

class Testbed(object):
    def __init__(self, devices):
        self.devices = devices

def load(testbed):
    if isinstance(testbed, Testbed):
        return testbed
    spec = json.load(open(testbed))
    return Testbed({name: Device(name, d) for name, d in spec.items()})
`

const healthyIosxe = {
  os: 'iosxe',
  outputs: {
    'show bgp all neighbors': [
      { vrf: { default: { neighbor: { '10.0.1.0': { session_state: 'Established', remote_as: 65000 } } } } }
    ],
    'show ip ospf neighbor': [
      {
        interfaces: {
          Ethernet49: { neighbors: { '10.255.0.1': { state: 'FULL/  -', address: '10.0.1.0' } } }
        }
      }
    ],
    'show interfaces': [
      {
        Ethernet49: { oper_status: 'up', counters: { in_errors: 5, in_crc_errors: 1, out_errors: 0 } },
        Ethernet1: { oper_status: 'down', counters: { in_errors: 0 } }
      }
    ],
    'show ip route': [
      {
        vrf: {
          default: {
            address_family: {
              ipv4: {
                routes: { '10.100.0.0/24': { route: '10.100.0.0/24' }, '0.0.0.0/0': { route: '0.0.0.0/0' } }
              }
            }
          }
        }
      }
    ]
  }
}

const brokenIosxe = {
  os: 'iosxe',
  outputs: {
    'show bgp all neighbors': [
      {
        vrf: {
          default: {
            neighbor: { '10.0.1.0': { session_state: 'Idle' }, '10.9.9.9': { session_state: 'Established' } }
          }
        }
      }
    ],
    'show ip ospf neighbor': [
      { interfaces: { Ethernet49: { neighbors: { '10.255.9.9': { state: 'INIT/DROTHER' } } } } }
    ],
    'show interfaces': [
      {
        Ethernet49: { oper_status: 'down', counters: { in_errors: 0 } },
        Ethernet2: { oper_status: 'up', counters: { in_errors: 0, in_crc_errors: 0 } }
      },
      {
        Ethernet49: { oper_status: 'down', counters: { in_errors: 0 } },
        Ethernet2: { oper_status: 'up', counters: { in_errors: 4, in_crc_errors: 3 } }
      }
    ],
    // A covering default route is not the route the incident lost.
    'show ip route': [{ vrf: { default: { address_family: { ipv4: { routes: { '0.0.0.0/0': {} } } } } } }]
  }
}

const healthyJunos = {
  os: 'junos',
  outputs: {
    'show bgp neighbor': [
      { 'bgp-information': { 'bgp-peer': [{ 'peer-address': '10.0.1.0+179', 'peer-state': 'Established' }] } }
    ],
    'show ospf neighbor': [
      {
        'ospf-neighbor-information': {
          'ospf-neighbor': [{ 'neighbor-id': '10.255.0.1', 'ospf-neighbor-state': 'Full' }]
        }
      }
    ],
    'show interfaces extensive': [
      {
        'interface-information': {
          'physical-interface': [
            { name: 'Ethernet49', 'oper-status': 'up', 'input-error-list': { 'input-errors': '0' } }
          ]
        }
      }
    ],
    'show route': [
      { 'route-information': { 'route-table': [{ rt: [{ 'rt-destination': '10.100.0.0/24' }] }] } }
    ]
  }
}

describe('pyATS scripts run (aetest and Genie stood in for, with Genie-shaped output)', () => {
  const fake = join(dir, 'fake')
  mkdirSync(join(fake, 'pyats'), { recursive: true })
  mkdirSync(join(fake, 'genie'), { recursive: true })
  writeFileSync(join(fake, 'pyats', '__init__.py'), '')
  writeFileSync(join(fake, 'pyats', 'aetest.py'), FAKE_AETEST)
  writeFileSync(join(fake, 'genie', '__init__.py'), '')
  writeFileSync(join(fake, 'genie', 'testbed.py'), FAKE_GENIE)
  const script = join(dir, 'route-1-script.py')
  writeFileSync(script, generateTest(LIVE[0]!, AT).code)

  async function run(
    name: string,
    devices: Record<string, unknown>
  ): Promise<[string, string, string, string][]> {
    const testbed = join(dir, `${name}.json`)
    writeFileSync(testbed, JSON.stringify(devices))
    const result = await runPython([script, '--testbed', testbed], { env: { PYTHONPATH: fake } })
    expect(result.stderr).toBe('')
    return JSON.parse(result.stdout.trim().split('\n').pop()!) as [string, string, string, string][]
  }

  it('pass on a healthy network (IOS XE and Junos output)', async () => {
    for (const device of [healthyIosxe, healthyJunos]) {
      const results = await run(`healthy-${device.os}`, { 'leaf-01': device })
      expect(results.map(([cls, section, result]) => [cls, section, result])).toEqual([
        ['CommonSetup', 'connect_to_devices', 'passed'],
        ['InterfacesUpWithoutErrors', 'read_interfaces', 'passed'],
        ['InterfacesUpWithoutErrors', 'interfaces_up', 'passed'],
        ['InterfacesUpWithoutErrors', 'error_counters_steady', 'passed'],
        ['BgpNeighborsEstablished', 'bgp_sessions_established', 'passed'],
        ['OspfNeighborsFull', 'ospf_neighbors_full', 'passed'],
        ['ExpectedRoutesPresent', 'routes_present', 'passed'],
        ['CommonCleanup', 'disconnect_from_devices', 'passed']
      ])
    }
  })

  it('fail, each with a message naming device and object, when the incident happens again', async () => {
    const results = await run('broken', { 'leaf-01': brokenIosxe })
    const failed = Object.fromEntries(results.filter((r) => r[2] === 'failed').map((r) => [r[1], r[3]]))
    expect(Object.keys(failed).sort()).toEqual([
      'bgp_sessions_established',
      'error_counters_steady',
      'interfaces_up',
      'ospf_neighbors_full',
      'routes_present'
    ])
    for (const reason of Object.values(failed))
      expect(reason).toMatch(/^Incident route-1 can happen again:\n {2}- leaf-01: /)
    expect(failed.bgp_sessions_established).toContain('BGP neighbor 10.0.1.0 is Idle, not Established')
    expect(failed.ospf_neighbors_full).toContain('no OSPF neighbor with router id 10.255.0.1')
    expect(failed.ospf_neighbors_full).toContain('OSPF neighbor 10.255.9.9 is INIT/DROTHER, not FULL')
    expect(failed.interfaces_up).toContain('interface Ethernet49 is down, not up')
    expect(failed.error_counters_steady).toContain('interface Ethernet2 counted 7 new errors')
    expect(failed.routes_present).toContain('no route to 10.100.0.0/24')
  })

  it('fail with a clear message when a device is missing or Genie cannot parse a command', async () => {
    const missing = await run('missing', { 'spine-01': healthyIosxe })
    expect(missing[0]).toEqual([
      'CommonSetup',
      'connect_to_devices',
      'failed',
      'Not in the testbed: leaf-01. Add them to the testbed file, or edit DEVICES.'
    ])
    const eos = await run('unparsable', { 'leaf-01': { os: 'eos', outputs: {} } })
    const bgp = eos.find((r) => r[1] === 'bgp_sessions_established')!
    expect(bgp[2]).toBe('failed')
    expect(bgp[3]).toContain("leaf-01: cannot read 'show ip bgp summary' (Exception: Could not find parser")
    expect(bgp[3]).toContain('set another command in COMMANDS')
  })
})
