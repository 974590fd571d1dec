import type { Incident } from '../../../shared/incident'
import { incidentDevices, incidentText, interfacesIn, modelExpectations, prefixesIn } from './facts'
import { assemble } from './header'
import { OWNERSHIP_NOTE, incidentSection } from './incidentDoc'
import { pythonDictOfTuples, pythonString, pythonTuple } from './pythonLiteral'

/** The live checks a pyATS script can hold, in the order its Testcases run. */
export const LIVE_CHECKS = ['interfaces', 'bgp', 'ospf', 'routes'] as const
export type LiveCheck = (typeof LIVE_CHECKS)[number]

const MENTIONS: Record<LiveCheck, RegExp> = {
  bgp: /\b[ei]?bgp\b|\bremote[-_ ]?as\b|\bas[-_ ]?path\b|\bpeering\b|\bpeers?\b/i,
  ospf: /\bospf(?:v[23])?\b|\blsas?\b|\bspf\b|\badjacenc(?:y|ies)\b|\bexstart\b|\bdr\/bdr\b/i,
  interfaces:
    /\binterfaces?\b|\blinks?\b|\bports?\b|\bflap\w*|\bcrc\b|\berrors?\b|\bdown\b|\bmtu\b|\boptics?\b|\btransceivers?\b|\bcables?\b|\bethernet\b|\berr-disabled\b|\blacp\b|\bport-channel\b/i,
  routes: /\broutes?\b|\bprefix(?:es)?\b|\bblackhol\w*|\bunreachable\b|\brib\b|\bfib\b/i
}

/** What a pyATS script for an incident checks, and with what expectations. */
export interface LivePlan {
  checks: LiveCheck[]
  devices: string[]
  bgp: [string, string[]][]
  ospf: [string, string[]][]
  interfaces: [string, string[]][]
  routes: string[]
  /** A protocol the incident does not name is checked where it runs, and not missed where it does not. */
  bgpRequired: boolean
  ospfRequired: boolean
  why: string
}

function merge(a: Map<string, string[]>, pairs: [string, string][]): [string, string[]][] {
  const out = new Map([...a].map(([k, v]) => [k, [...v]]))
  for (const [device, name] of pairs) {
    const list = out.get(device) ?? []
    if (!list.includes(name)) list.push(name)
    out.set(device, list)
  }
  return [...out]
}

/**
 * Chooses the checks from the incident: the protocols and symptoms its text names, what its
 * network model says the affected devices run, and its category (an outage always checks
 * interfaces; a routing issue that names nothing checks BGP and OSPF where they run).
 */
export function planLiveChecks(incident: Incident): LivePlan {
  const text = incidentText(incident)
  const devices = incidentDevices(incident)
  const model = modelExpectations(incident.network_model, devices)
  const named = interfacesIn(text, devices)
  const routes = prefixesIn(text)
  const says = (check: LiveCheck) => MENTIONS[check].test(text)
  const chosen = new Set<LiveCheck>()
  const reasons: string[] = []
  if (says('bgp') || model.bgp.size) {
    chosen.add('bgp')
    reasons.push(says('bgp') ? 'it names BGP' : 'its model has BGP sessions on the devices')
  }
  if (says('ospf') || model.ospf.size) {
    chosen.add('ospf')
    reasons.push(says('ospf') ? 'it names OSPF' : 'its model has OSPF adjacencies on the devices')
  }
  if (incident.category === 'network_outage' || says('interfaces') || named.length) {
    chosen.add('interfaces')
    reasons.push(incident.category === 'network_outage' ? 'it is an outage' : 'it names interfaces or links')
  }
  if (routes.length) {
    chosen.add('routes')
    reasons.push(`it names ${routes.length === 1 ? 'a prefix' : 'prefixes'}`)
  }
  const bgpRequired = chosen.has('bgp')
  const ospfRequired = chosen.has('ospf')
  if (chosen.size === 0) {
    chosen.add('bgp').add('ospf')
    reasons.push('it is a routing issue naming no protocol, so BGP and OSPF are checked where they run')
  }
  return {
    checks: LIVE_CHECKS.filter((c) => chosen.has(c)),
    devices,
    bgp: chosen.has('bgp') ? [...model.bgp] : [],
    ospf: chosen.has('ospf') ? [...model.ospf] : [],
    interfaces: chosen.has('interfaces') ? merge(model.interfaces, named) : [],
    routes,
    bgpRequired,
    ospfRequired,
    why: `${incident.category}: ${reasons.join('; ')}`
  }
}

const CHECK_TITLES: Record<LiveCheck, string> = {
  interfaces: 'interfaces up, without growing error counters',
  bgp: 'BGP sessions Established',
  ospf: 'OSPF neighbors FULL',
  routes: 'the routes the incident names present'
}

const COMMANDS: Record<LiveCheck, string> = {
  interfaces: `    "interfaces": {
        "iosxe": "show interfaces",
        "ios": "show interfaces",
        "nxos": "show interface",
        "iosxr": "show interfaces",
        "junos": "show interfaces extensive",
        "default": "show interfaces",
    },
`,
  bgp: `    "bgp": {
        "iosxe": "show bgp all neighbors",
        "ios": "show bgp all neighbors",
        "nxos": "show bgp vrf all all neighbors",
        "iosxr": "show bgp instance all all all neighbors detail",
        "junos": "show bgp neighbor",
        "default": "show ip bgp summary",
    },
`,
  ospf: `    "ospf": {
        "iosxe": "show ip ospf neighbor",
        "ios": "show ip ospf neighbor",
        "nxos": "show ip ospf neighbors detail vrf all",
        "iosxr": "show ospf vrf all-inclusive neighbor detail",
        "junos": "show ospf neighbor",
        "default": "show ip ospf neighbor",
    },
`,
  routes: `    "routes": {
        "iosxe": "show ip route",
        "ios": "show ip route",
        "nxos": "show ip route",
        "iosxr": "show route ipv4",
        "junos": "show route",
        "default": "show ip route",
    },
`
}

/** Shared functions every script has: running and reading Genie parsers. */
const COMMON_FUNCTIONS = String.raw`

def _printable(text):
    """Text safe to print on one line: control characters and lone surrogates escaped."""
    return "".join(
        ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else ch.encode("unicode_escape").decode("ascii")
        for ch in str(text)
    )


def _command(device, check):
    table = COMMANDS[check]
    return table.get(getattr(device, "os", None) or "default", table["default"])


def _parse(device, check, problems, optional=False):
    """The Genie-parsed output of the check's show command, or None with the reason in problems."""
    command = _command(device, check)
    try:
        return device.parse(command)
    except Exception as error:  # Genie: SchemaEmptyParserError on empty output, others on unparsable output
        kind = type(error).__name__
        if optional and kind == "SchemaEmptyParserError":
            log.info("%s: %r shows nothing: %s does not run there", device.name, command, check)
            return None
        problems.append(
            "%s: cannot read %r (%s: %s); if Genie has no parser for OS %r, set another command in COMMANDS"
            % (device.name, command, kind, _printable(error), getattr(device, "os", None))
        )
        return None


def _walk(node):
    """Every dict inside a parsed output."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def _entries(value):
    if isinstance(value, dict):
        return [value]
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _address(text):
    try:
        return str(ipaddress.ip_address(str(text).split("+")[0].split("/")[0].strip()))
    except ValueError:
        return None


def _verdict(section, problems, passed):
    if problems:
        section.failed("Incident %s can happen again:\n  - %s" % (_printable(INCIDENT), "\n  - ".join(problems)))
    else:
        section.passed(passed)
`

const FUNCTIONS: Record<LiveCheck, string> = {
  interfaces: String.raw`

def _error_total(counters):
    total = 0
    for node in _walk(counters):
        for key, value in node.items():
            name = str(key).lower()
            if "error" not in name and "crc" not in name:
                continue
            if isinstance(value, int) and not isinstance(value, bool):
                total += value
            elif isinstance(value, str) and value.isdigit():
                total += int(value)
    return total


def _interfaces(parsed):
    """Interface name -> (oper status, total of its error counters), from COMMANDS["interfaces"]."""
    found = {}
    if isinstance(parsed, dict):
        for name, info in parsed.items():
            if isinstance(info, dict) and "oper_status" in info:
                found[str(name)] = (str(info["oper_status"]).lower(), _error_total(info.get("counters", {})))
    for node in _walk(parsed):
        for entry in _entries(node.get("physical-interface")):
            if "name" in entry:
                errors = {k: v for k, v in entry.items() if str(k).endswith("error-list")}
                found[str(entry["name"])] = (str(entry.get("oper-status", "unknown")).lower(), _error_total(errors))
    return found


def _find_interface(found, name):
    if name in found:
        return name
    try:
        from genie.libs.parser.utils.common import Common

        full = Common.convert_intf_name(name)
    except Exception:
        full = name
    for candidate in found:
        if candidate.lower() in (name.lower(), full.lower()):
            return candidate
    return None
`,
  bgp: String.raw`

def _bgp_sessions(parsed):
    """Neighbor address -> its session states (one per VRF or address family), from COMMANDS["bgp"]."""
    sessions = {}
    for node in _walk(parsed):
        for key in ("neighbor", "neighbors"):
            table = node.get(key)
            if not isinstance(table, dict):
                continue
            for ip, info in table.items():
                address = _address(ip)
                state = _bgp_state(info) if isinstance(info, dict) else None
                if address and state:
                    sessions.setdefault(address, []).append(state)
        for peer in _entries(node.get("bgp-peer")):
            address = _address(peer.get("peer-address", ""))
            if address:
                sessions.setdefault(address, []).append(str(peer.get("peer-state", "unknown")))
    return sessions


def _bgp_state(info):
    if "session_state" in info:
        return str(info["session_state"])
    for family in _walk(info.get("address_family", {})):
        if "state_pfxrcd" in family:
            state = str(family["state_pfxrcd"]).strip()
            return "Established" if state.isdigit() else state
    return str(info["state"]) if "state" in info else None
`,
  ospf: String.raw`

def _ospf_neighbors(parsed):
    """Neighbor router id -> its adjacency states, from COMMANDS["ospf"]."""
    found = {}
    for node in _walk(parsed):
        table = node.get("neighbors")
        if isinstance(table, dict):
            for router_id, info in table.items():
                if isinstance(info, dict) and "state" in info:
                    found.setdefault(str(router_id), []).append(str(info["state"]))
        for entry in _entries(node.get("ospf-neighbor")):
            found.setdefault(str(entry.get("neighbor-id", "?")), []).append(str(entry.get("ospf-neighbor-state", "?")))
    return found


def _ospf_full(state):
    # FULL (FULL/DR, FULL/BDR, full); 2WAY/DROTHER is how two DROTHERs on a LAN stay, and is fine.
    text = state.strip().lower()
    return text.startswith("full") or text.startswith("2way/drother")
`,
  routes: String.raw`

def _prefixes(parsed):
    """Every prefix in a parsed routing table, from COMMANDS["routes"]."""
    found = set()
    for node in _walk(parsed):
        for key, value in node.items():
            for text in (key, value if key in ("rt-destination", "route", "prefix") else None):
                if isinstance(text, str) and "/" in text:
                    try:
                        found.add(ipaddress.ip_network(text.strip(), strict=False))
                    except ValueError:
                        pass
    return found
`
}

const SETUP = String.raw`

class CommonSetup(aetest.CommonSetup):
    """Connects to the devices the incident affected."""

    @aetest.subsection
    def connect_to_devices(self, testbed):
        """Connects to each device of DEVICES (every device of the testbed when DEVICES is empty)."""
        self.parent.parameters["devices"] = []
        try:
            from genie.testbed import load
        except ImportError:
            self.failed('This script needs the pyATS library (Genie): pip install "pyats[library]"')
        testbed = load(testbed)
        names = list(DEVICES) or sorted(testbed.devices)
        missing = [name for name in names if name not in testbed.devices]
        if missing:
            self.failed(
                "Not in the testbed: %s. Add them to the testbed file, or edit DEVICES."
                % ", ".join(_printable(name) for name in missing)
            )
        devices = []
        failures = []
        for name in names:
            device = testbed.devices[name]
            try:
                device.connect(log_stdout=False)
            except Exception as error:
                failures.append("%s: %s" % (_printable(name), _printable(error)))
            else:
                devices.append(device)
        self.parent.parameters["devices"] = devices
        if failures:
            self.failed("Cannot connect to %s" % "; ".join(failures))
`

const TESTCASES: Record<LiveCheck, string> = {
  interfaces: String.raw`

class InterfacesUpWithoutErrors(aetest.Testcase):
    """The interfaces in INTERFACES are up, and no up interface's error counters grow."""

    @aetest.setup
    def read_interfaces(self, devices):
        self.problems = []
        self.first = {}
        for device in devices:
            parsed = _parse(device, "interfaces", self.problems)
            if parsed is not None:
                self.first[device.name] = _interfaces(parsed)

    @aetest.test
    def interfaces_up(self, devices):
        problems = list(self.problems)
        for device in devices:
            found = self.first.get(device.name)
            if found is None:
                continue
            for name in INTERFACES.get(device.name, ()):
                actual = _find_interface(found, name)
                if actual is None:
                    problems.append("%s: interface %s is not there" % (device.name, _printable(name)))
                elif found[actual][0] != "up":
                    problems.append("%s: interface %s is %s, not up" % (device.name, actual, found[actual][0]))
            down = sorted(n for n, (status, _) in found.items() if status != "up")
            if down:
                log.info("%s: interfaces not up (not checked): %s", device.name, ", ".join(down))
        _verdict(self, problems, "every interface the incident involves is up")

    @aetest.test
    def error_counters_steady(self, devices):
        problems = []
        log.info("Watching error counters for %d seconds", ERROR_WATCH_SECONDS)
        time.sleep(ERROR_WATCH_SECONDS)
        for device in devices:
            before = self.first.get(device.name)
            if before is None:
                continue
            parsed = _parse(device, "interfaces", problems)
            if parsed is None:
                continue
            for name, (status, errors) in sorted(_interfaces(parsed).items()):
                if status == "up" and name in before and errors > before[name][1]:
                    problems.append(
                        "%s: interface %s counted %d new errors in %d seconds"
                        % (device.name, name, errors - before[name][1], ERROR_WATCH_SECONDS)
                    )
        _verdict(self, problems, "no up interface counted new errors")
`,
  bgp: String.raw`

class BgpNeighborsEstablished(aetest.Testcase):
    """Every BGP session of the devices is Established, and those in BGP_NEIGHBORS exist."""

    @aetest.test
    def bgp_sessions_established(self, devices):
        problems = []
        for device in devices:
            parsed = _parse(device, "bgp", problems, optional=not BGP_REQUIRED)
            if parsed is None:
                continue
            sessions = _bgp_sessions(parsed)
            expected = BGP_NEIGHBORS.get(device.name, ())
            if not sessions and not expected:
                problems.append("%s: %r shows no BGP neighbor" % (device.name, _command(device, "bgp")))
            for address in expected:
                if address not in sessions:
                    problems.append("%s: BGP neighbor %s is not configured" % (device.name, address))
            for address, states in sorted(sessions.items()):
                down = [s for s in states if s.strip().lower() != "established"]
                if down:
                    problems.append("%s: BGP neighbor %s is %s, not Established" % (device.name, address, down[0]))
        _verdict(self, problems, "every BGP session is Established")
`,
  ospf: String.raw`

class OspfNeighborsFull(aetest.Testcase):
    """Every OSPF neighbor of the devices is FULL, and those in OSPF_NEIGHBORS exist."""

    @aetest.test
    def ospf_neighbors_full(self, devices):
        problems = []
        for device in devices:
            parsed = _parse(device, "ospf", problems, optional=not OSPF_REQUIRED)
            if parsed is None:
                continue
            neighbors = _ospf_neighbors(parsed)
            expected = OSPF_NEIGHBORS.get(device.name, ())
            if not neighbors and not expected:
                problems.append("%s: %r shows no OSPF neighbor" % (device.name, _command(device, "ospf")))
            for router_id in expected:
                if router_id not in neighbors:
                    problems.append("%s: no OSPF neighbor with router id %s" % (device.name, router_id))
            for router_id, states in sorted(neighbors.items()):
                stuck = [s for s in states if not _ospf_full(s)]
                if stuck:
                    problems.append("%s: OSPF neighbor %s is %s, not FULL" % (device.name, router_id, stuck[0]))
        _verdict(self, problems, "every OSPF neighbor is FULL")
`,
  routes: String.raw`

class ExpectedRoutesPresent(aetest.Testcase):
    """Every device has a route to each prefix in ROUTES (that exact prefix, not a covering one)."""

    @aetest.test
    def routes_present(self, devices):
        problems = []
        for device in devices:
            parsed = _parse(device, "routes", problems)
            if parsed is None:
                continue
            found = _prefixes(parsed)
            for prefix in ROUTES:
                if ipaddress.ip_network(prefix) not in found:
                    problems.append("%s: no route to %s" % (device.name, prefix))
        _verdict(self, problems, "every expected route is present")
`
}

const CLEANUP_AND_MAIN = String.raw`

class CommonCleanup(aetest.CommonCleanup):
    """Disconnects from the devices."""

    @aetest.subsection
    def disconnect_from_devices(self, devices=()):
        for device in devices:
            try:
                device.disconnect()
            except Exception as error:
                log.warning("%s: cannot disconnect: %s", device.name, _printable(error))


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Netmortem regression test (pyATS aetest)")
    parser.add_argument("--testbed", dest="testbed", required=True, help="the pyATS testbed YAML file")
    args, _ = parser.parse_known_args()
    aetest.main(testbed=args.testbed)
`

/** The pyATS aetest script of an incident. */
export function pyatsFile(incident: Incident, generatedAt: string, plan: LivePlan, filename: string): string {
  const has = (check: LiveCheck) => plan.checks.includes(check)
  const doc = [
    `pyATS regression test for Netmortem incident ${incident.id}.`,
    '',
    incidentSection(incident, generatedAt),
    '',
    'It checks the live network for what went wrong:',
    ...plan.checks.map((c) => `  - ${CHECK_TITLES[c]}`),
    `(chosen because ${plan.why}).`,
    '',
    'Run it with pyATS and its library (pip install "pyats[library]") against your testbed:',
    '',
    `    python tests/regression/${filename} --testbed testbed.yaml`,
    '',
    'or from a pyATS job file (aetest.main(testscript=..., testbed=...)). pytest does not',
    'collect it (conftest.py beside it skips pyATS scripts). Edit DEVICES and the expectations',
    'below to fit your testbed; the show commands per device OS are in COMMANDS.',
    '',
    OWNERSHIP_NOTE
  ]
  let body = 'import ipaddress\nimport logging\n'
  if (has('interfaces')) body += 'import time\n'
  body += '\nfrom pyats import aetest\n\nlog = logging.getLogger(__name__)\n\n'
  body += `INCIDENT = ${pythonString(incident.id)}\n\n`
  body += '# The devices the incident affected, by their testbed names; empty: every device of the testbed.\n'
  body += `DEVICES = ${pythonTuple(plan.devices)}\n`
  if (has('bgp')) {
    body += "\n# BGP neighbors that must be Established, per device (from the incident's network model).\n"
    body += `BGP_NEIGHBORS = ${pythonDictOfTuples(plan.bgp)}\n`
    body += '# False: a device where BGP does not run is not a failure.\n'
    body += `BGP_REQUIRED = ${plan.bgpRequired ? 'True' : 'False'}\n`
  }
  if (has('ospf')) {
    body +=
      "\n# OSPF neighbors (router ids) that must be FULL, per device (from the incident's network model).\n"
    body += `OSPF_NEIGHBORS = ${pythonDictOfTuples(plan.ospf)}\n`
    body += '# False: a device where OSPF does not run is not a failure.\n'
    body += `OSPF_REQUIRED = ${plan.ospfRequired ? 'True' : 'False'}\n`
  }
  if (has('interfaces')) {
    body +=
      '\n# Interfaces that must be up, per device (link ends in the model, interfaces the incident names).\n'
    body += `INTERFACES = ${pythonDictOfTuples(plan.interfaces)}\n`
    body += '# Error counters of up interfaces are read twice, this many seconds apart: growth fails.\n'
    body += 'ERROR_WATCH_SECONDS = 10\n'
  }
  if (has('routes')) {
    body += '\n# Prefixes the incident names: every device must have a route to each.\n'
    body += `ROUTES = ${pythonTuple(plan.routes)}\n`
  }
  body += '\n# The show command each check parses with Genie, by device OS ("default" for any other).\n'
  body += `COMMANDS = {\n${plan.checks.map((c) => COMMANDS[c]).join('')}}\n`
  body += COMMON_FUNCTIONS
  for (const check of plan.checks) body += FUNCTIONS[check]
  body += SETUP
  for (const check of plan.checks) body += TESTCASES[check]
  body += CLEANUP_AND_MAIN
  return assemble({ kind: 'pyats', doc: doc.join('\n'), incidentId: incident.id, generatedAt }, body)
}
