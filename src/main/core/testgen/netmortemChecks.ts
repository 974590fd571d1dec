import { assemble } from './header'

/**
 * netmortem_checks.py: the one place the exported model tests' semantics live. It is a port of
 * the TypeScript validator (../preflight/), finding for finding: same codes, same devices, same
 * JSON pointers; tests/testgen/agreement.test.ts holds the two to that on thousands of models.
 * It needs Python 3 alone (pytest only when a test calls assert_no_findings). Change the
 * validator and this together.
 */
export const HELPER_FILENAME = 'netmortem_checks.py'

const HELPER_DOC = `Netmortem's network model checks, for the regression tests beside this file.

It checks a network model (format 1, Netmortem's shared/network-model.md) for every
finding code of Netmortem's pre-flight validation, with the same semantics: addresses are
compared as addresses, 0 and 0.0.0.0 are one OSPF area, disabled interfaces still hold
their addresses, and so on. Each generated test calls assert_no_findings(CODE, INCIDENT)
for one kind of fault, on the whole model named by NETMORTEM_NETWORK_MODEL.

It needs Python 3 only (pytest for the tests). On its own it lists every finding:

    python tests/regression/netmortem_checks.py model.json

Netmortem writes this file when it exports regression tests; once you edit it, Netmortem
leaves it alone (see the netmortem-hash line below).`

const HELPER_BODY = String.raw`
import json
import os
import re
import sys

MODEL_ENV = "NETMORTEM_NETWORK_MODEL"

# Every finding code of the network model contract: its severity, and what it means.
CODES = {
    "DEVICE_DUPLICATE": ("error", "two devices share a name"),
    "INTERFACE_DUPLICATE": ("error", "a device has two interfaces of one name"),
    "VLAN_DUPLICATE_ID": ("error", "two entries of vlans share an id"),
    "VLAN_ID_OUT_OF_RANGE": ("error", "a VLAN id (defined or referenced) is outside 1..4094"),
    "VLAN_UNDEFINED": ("error", "an interface names a VLAN that vlans does not define"),
    "UNKNOWN_DEVICE_REFERENCE": ("error", "a link end or a VLAN names a device that does not exist"),
    "UNKNOWN_INTERFACE_REFERENCE": ("error", "a link end names an interface its device does not have"),
    "IP_DUPLICATE": ("error", "one IP address is assigned twice"),
    "LINK_SUBNET_MISMATCH": ("error", "the two ends of a link are not in one subnet"),
    "MTU_MISMATCH": ("error", "the two ends of a link have different MTUs"),
    "OSPF_AREA_MISMATCH": ("error", "the two ends of a link are in different OSPF areas"),
    "BGP_REMOTE_AS_MISMATCH": ("error", "a BGP neighbor's remote_as is not the ASN of the device owning its IP"),
    "BGP_NEIGHBOR_UNKNOWN": ("warning", "a BGP neighbor's IP belongs to no device in the model"),
    "ROUTER_ID_DUPLICATE": ("error", "two devices share a router_id"),
    "SUBNET_OVERLAP": ("error", "two VLAN subnets overlap"),
    "INVALID_VALUE": ("error", "a value breaks its type or range"),
}

MODES = ("routed", "access", "trunk")
MAX_AS = 4294967295
VLAN_MIN = 1
VLAN_MAX = 4094

# JSON numbers are IEEE doubles in the TypeScript validator: integers beyond this lose precision there.
_SAFE_INTEGER = 2 ** 53

# What JavaScript's String.prototype.trim removes: a name made only of these is empty.
_JS_SPACE = frozenset(
    "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)

_MISSING = object()
_PREFIX = re.compile(r"0|[1-9][0-9]?")
_AREA_NUMBER = re.compile(r"0|[1-9][0-9]{0,9}")


# --- addresses: compared as numbers, never as text --------------------------------------------


def parse_address(text):
    """10.0.1.1 as a number, or None. Leading zeros are refused (010 reads as octal on some platforms)."""
    value = octet = digits = dots = 0
    for ch in text:
        if ch == ".":
            if digits == 0:
                return None
            dots += 1
            if dots > 3:
                return None
            value = value * 256 + octet
            octet = digits = 0
        elif "0" <= ch <= "9":
            if digits > 0 and octet == 0:
                return None
            octet = octet * 10 + ord(ch) - 48
            digits += 1
            if digits > 3 or octet > 255:
                return None
        else:
            return None
    if dots != 3 or digits == 0:
        return None
    return value * 256 + octet


def parse_cidr(text):
    """10.0.1.1/31 as (address, prefix length), or None; the prefix length is required."""
    slash = text.find("/")
    if slash < 0:
        return None
    address = parse_address(text[:slash])
    prefix = text[slash + 1 :]
    if address is None or not _PREFIX.fullmatch(prefix):
        return None
    return None if int(prefix) > 32 else (address, int(prefix))


def parse_address_or_cidr(text):
    """A loopback: 10.255.1.1 (taken as /32) or 10.255.1.1/32."""
    if "/" in text:
        return parse_cidr(text)
    address = parse_address(text)
    return None if address is None else (address, 32)


def parse_ospf_area(text):
    """An OSPF area as a number: 0, 1, 0.0.0.0 and 0.0.0.1 are areas; 0 and 0.0.0.0 are the same one."""
    if _AREA_NUMBER.fullmatch(text):
        value = int(text)
        return value if value <= 0xFFFFFFFF else None
    return parse_address(text)


def network_of(cidr):
    address, prefix = cidr
    return address - address % (2 ** (32 - prefix))


def last_of(cidr):
    return network_of(cidr) + 2 ** (32 - cidr[1]) - 1


def same_subnet(a, b):
    return a[1] == b[1] and network_of(a) == network_of(b)


def format_address(value):
    return ".".join(str(value >> shift & 255) for shift in (24, 16, 8, 0))


def format_subnet(cidr):
    return "%s/%d" % (format_address(network_of(cidr)), cidr[1])


def _cidr_text(cidr):
    return "%s/%d" % (format_address(cidr[0]), cidr[1])


# --- reading the model: a value of the wrong type or out of range is an INVALID_VALUE finding ---


def _finding(code, message, devices, path):
    return {"code": code, "severity": CODES[code][0], "message": message, "devices": list(devices), "path": path}


def _pointer(*tokens):
    return "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in tokens)


def _unique(names):
    seen = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


def _listing(items):
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else "%s and %s" % (", ".join(items[:-1]), items[-1])


def _times(n):
    return "twice" if n == 2 else "%d times" % n


def _shown(value):
    if value is _MISSING:
        return "nothing"
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:39] + "\u2026"


def _blank(text):
    return all(ch in _JS_SPACE for ch in text)


def _integer(value):
    """A whole number as JSON means it (1 and 1.0 alike), or None; true and false are not numbers."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if -_SAFE_INTEGER <= value <= _SAFE_INTEGER:
            return value
        try:
            value = float(value)
        except OverflowError:
            return None
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or not value.is_integer():
            return None
        return int(value)
    return None


class _Place(object):
    def __init__(self, path, where, devices):
        self.path = path
        self.where = where
        self.devices = devices


class _Reader(object):
    """Reads fields defensively: a bad value becomes one INVALID_VALUE finding and reads as absent."""

    def __init__(self):
        self.findings = []

    def invalid(self, place, key, message):
        return self.report(place.path + _pointer(key), place.devices, "%s: %s" % (place.where, message))

    def report(self, path, devices, message):
        self.findings.append(_finding("INVALID_VALUE", message, devices, path))
        return None

    def _present(self, obj, key, place, required, label):
        value = obj.get(key, _MISSING)
        if value is _MISSING and required:
            self.invalid(place, key, "%s is missing" % label)
        return value

    def text(self, obj, key, place, required=False):
        value = self._present(obj, key, place, required, key)
        if value is _MISSING:
            return None
        if not isinstance(value, str):
            return self.invalid(place, key, "%s must be text, not %s" % (key, _shown(value)))
        if required and _blank(value):
            return self.invalid(place, key, "%s is empty" % key)
        return value

    def boolean(self, obj, key, place):
        value = obj.get(key, _MISSING)
        if value is _MISSING or isinstance(value, bool):
            return None if value is _MISSING else value
        return self.invalid(place, key, "%s must be true or false, not %s" % (key, _shown(value)))

    def integer(self, obj, key, place, required=False, low=None, high=None, label=None):
        label = label or key
        value = self._present(obj, key, place, required, label)
        if value is _MISSING:
            return None
        number = _integer(value)
        if number is None:
            return self.invalid(place, key, "%s must be a whole number, not %s" % (label, _shown(value)))
        if (low is not None and number < low) or (high is not None and number > high):
            return self.invalid(place, key, "%s %d is outside %s..%s" % (label, number, low, high))
        return number

    def address(self, obj, key, place, required=False):
        text = self.text(obj, key, place, required)
        if text is None:
            return None
        address = parse_address(text)
        if address is not None:
            return address
        if parse_cidr(text) is not None:
            return self.invalid(place, key, '%s "%s" must be a plain address, without a prefix length' % (key, text))
        return self.invalid(place, key, '%s "%s" is not an IPv4 address' % (key, text))

    def cidr(self, obj, key, place):
        text = self.text(obj, key, place)
        if text is None:
            return None
        cidr = parse_cidr(text)
        if cidr is not None:
            return cidr
        if parse_address(text) is not None:
            return self.invalid(place, key, '%s "%s" needs a prefix length, e.g. %s/31' % (key, text, text))
        return self.invalid(place, key, '%s "%s" is not an IPv4 address with a prefix length' % (key, text))

    def address_or_cidr(self, obj, key, place):
        text = self.text(obj, key, place)
        if text is None:
            return None
        cidr = parse_address_or_cidr(text)
        if cidr is not None:
            return cidr
        return self.invalid(place, key, '%s "%s" is not an IPv4 address' % (key, text))

    def ospf_area(self, obj, key, place):
        text = self.text(obj, key, place)
        if text is None:
            return None
        area = parse_ospf_area(text)
        if area is not None:
            return area
        return self.invalid(
            place, key, 'OSPF area "%s" is not an area id (a number such as 0, or dotted such as 0.0.0.0)' % text
        )

    def array(self, obj, key, place):
        value = obj.get(key, _MISSING)
        if value is _MISSING:
            return None
        if isinstance(value, list):
            return value
        return self.invalid(place, key, "%s must be a list, not %s" % (key, _shown(value)))

    def element(self, value, place):
        if isinstance(value, dict):
            return value
        return self.report(place.path, place.devices, "%s must be an object, not %s" % (place.where, _shown(value)))


class _Device(object):
    def __init__(self, index):
        self.index = index
        self.name = self.asn = self.router_id = self.loopback = None
        self.interfaces = []
        self.neighbors = []
        self.devices = []

    @property
    def path(self):
        return "/devices/%d" % self.index

    @property
    def label(self):
        return self.name if self.name is not None else "devices entry %d" % self.index

    where = label


class _Interface(object):
    def __init__(self, device, index):
        self.device = device
        self.index = index
        self.name = self.ip = self.mtu = self.ospf_area = self.access_vlan = None
        self.trunk_vlans = []

    @property
    def path(self):
        return "%s/interfaces/%d" % (self.device.path, self.index)

    @property
    def label(self):
        if self.name is None:
            return "%s interfaces entry %d" % (self.device.label, self.index)
        return "%s %s" % (self.device.label, self.name)

    where = label

    @property
    def devices(self):
        return self.device.devices


class _Neighbor(object):
    def __init__(self, device, index):
        self.device = device
        self.index = index
        self.ip = self.remote_as = None

    @property
    def path(self):
        return "%s/bgp/neighbors/%d" % (self.device.path, self.index)

    @property
    def where(self):
        if self.ip is None:
            return "%s BGP neighbors entry %d" % (self.device.label, self.index)
        return "%s BGP neighbor %s" % (self.device.label, format_address(self.ip))

    @property
    def devices(self):
        return self.device.devices


class _Vlan(object):
    def __init__(self, index, path, vlan_id, label, subnet):
        self.index = index
        self.path = path
        self.id = vlan_id
        self.label = label
        self.subnet = subnet
        self.devices = []


class _Link(object):
    def __init__(self, index):
        self.index = index
        self.ends = {}
        self.devices = []

    @property
    def path(self):
        return "/links/%d" % self.index

    @property
    def where(self):
        return "links entry %d" % self.index


class _View(object):
    def __init__(self):
        self.devices = []
        self.vlans = None
        self.links = []


def _read_model(raw, reader):
    top = _Place("", "The model", [])
    reader.text(raw, "name", top)
    view = _View()
    devices = raw.get("devices", _MISSING)
    if not isinstance(devices, list):
        reader.report("/devices", [], "The model needs a devices array, found %s" % _shown(devices))
    else:
        for i, item in enumerate(devices):
            device = _read_device(item, i, reader)
            if device is not None:
                view.devices.append(device)
    vlans = reader.array(raw, "vlans", top)
    if vlans is not None:
        view.vlans = [v for v in (_read_vlan(item, i, reader) for i, item in enumerate(vlans)) if v is not None]
    links = reader.array(raw, "links", top)
    if links is not None:
        view.links = [k for k in (_read_link(item, i, reader) for i, item in enumerate(links)) if k is not None]
    return view


def _read_device(raw, index, reader):
    device = _Device(index)
    obj = reader.element(raw, device)
    if obj is None:
        return None
    device.name = reader.text(obj, "name", device, True)
    if device.name is not None:
        device.devices = [device.name]
    for key in ("role", "platform", "site"):
        reader.text(obj, key, device)
    device.asn = reader.integer(obj, "asn", device, low=1, high=MAX_AS, label="ASN")
    device.router_id = reader.address(obj, "router_id", device)
    device.loopback = reader.address_or_cidr(obj, "loopback", device)
    for j, item in enumerate(reader.array(obj, "interfaces", device) or []):
        entry = _read_interface(item, j, device, reader)
        if entry is not None:
            device.interfaces.append(entry)
    _read_bgp(obj, device, reader)
    return device


def _read_interface(raw, index, device, reader):
    entry = _Interface(device, index)
    obj = reader.element(raw, entry)
    if obj is None:
        return None
    entry.name = reader.text(obj, "name", entry, True)
    mode = obj.get("mode", _MISSING)
    if mode is not _MISSING and not (isinstance(mode, str) and mode in MODES):
        reader.invalid(entry, "mode", "mode %s must be routed, access or trunk" % _shown(mode))
    reader.boolean(obj, "enabled", entry)
    reader.text(obj, "description", entry)
    entry.ip = reader.cidr(obj, "ip", entry)
    entry.mtu = reader.integer(obj, "mtu", entry, low=68, high=9216, label="MTU")
    entry.ospf_area = reader.ospf_area(obj, "ospf_area", entry)
    entry.access_vlan = reader.integer(obj, "access_vlan", entry)
    trunk = reader.array(obj, "trunk_vlans", entry)
    if trunk is None:
        return entry
    for k, value in enumerate(trunk):
        vlan_id = _integer(value)
        if vlan_id is not None:
            entry.trunk_vlans.append((vlan_id, k))
        else:
            reader.report(
                "%s/trunk_vlans/%d" % (entry.path, k),
                entry.devices,
                "%s: trunk_vlans entry %d must be a VLAN id (a whole number), not %s" % (entry.label, k, _shown(value)),
            )
    return entry


def _read_bgp(obj, device, reader):
    bgp = obj.get("bgp", _MISSING)
    if bgp is _MISSING:
        return
    if not isinstance(bgp, dict):
        reader.invalid(device, "bgp", "bgp must be an object, not %s" % _shown(bgp))
        return
    place = _Place(device.path + "/bgp", device.label, device.devices)
    for k, item in enumerate(reader.array(bgp, "neighbors", place) or []):
        entry = _Neighbor(device, k)
        neighbor = reader.element(item, entry)
        if neighbor is None:
            continue
        entry.ip = reader.address(neighbor, "ip", entry, True)
        reader.text(neighbor, "description", entry)
        entry.remote_as = reader.integer(neighbor, "remote_as", entry, required=True, low=1, high=MAX_AS)
        device.neighbors.append(entry)


def _read_vlan(raw, index, reader):
    path = "/vlans/%d" % index
    unnamed = _Place(path, "vlans entry %d" % index, [])
    obj = reader.element(raw, unnamed)
    if obj is None:
        return None
    vlan_id = reader.integer(obj, "id", unnamed, required=True, label="VLAN id")
    label = unnamed.where if vlan_id is None else "VLAN %d (vlans entry %d)" % (vlan_id, index)
    place = _Place(path, label, [])
    reader.text(obj, "name", place)
    vlan = _Vlan(index, path, vlan_id, label, reader.cidr(obj, "subnet", place))
    names = reader.array(obj, "devices", place) or []
    for k, name in enumerate(names):
        if isinstance(name, str) and not _blank(name):
            vlan.devices.append((name, k))
        else:
            reader.invalid(
                _Place(path + "/devices", label, []), k, "devices entry %d must be a device name, not %s" % (k, _shown(name))
            )
    return vlan


def _read_link(raw, index, reader):
    link = _Link(index)
    obj = reader.element(raw, link)
    if obj is None:
        return None
    for end in ("a", "b"):
        value = obj.get(end, _MISSING)
        if value is _MISSING:
            reader.invalid(link, end, "end %s is missing" % end)
            continue
        place = _Place("%s/%s" % (link.path, end), "%s end %s" % (link.where, end), [])
        endpoint = reader.element(value, place)
        if endpoint is None:
            continue
        device = reader.text(endpoint, "device", place, True)
        interface = reader.text(endpoint, "interface", place, True)
        if device is not None and interface is not None:
            link.ends[end] = (device, interface)
    return link


# --- lookups built in one pass ----------------------------------------------------------------


class _Holder(object):
    """One assignment of an address: an interface ip, or a device's loopback (no interface)."""

    def __init__(self, device, cidr, interface=None):
        self.device = device
        self.cidr = cidr
        self.interface = interface

    @property
    def label(self):
        return self.interface.label if self.interface is not None else "%s loopback" % self.device.label

    @property
    def path(self):
        return self.interface.path + "/ip" if self.interface is not None else self.device.path + "/loopback"


class _Index(object):
    def __init__(self, view):
        self.devices_by_name = {}
        self.interfaces_by_device = {}
        self.repeated = []
        self.holders = {}
        for device in view.devices:
            by_name = self._interfaces(device)
            if device.name is not None:
                self.devices_by_name.setdefault(device.name, []).append(device)
                known = self.interfaces_by_device.get(device.name)
                if known is None:
                    self.interfaces_by_device[device.name] = by_name
                else:
                    for name, interface in by_name.items():
                        known.setdefault(name, interface)
            if device.loopback is not None:
                self.holders.setdefault(device.loopback[0], []).append(_Holder(device, device.loopback))

    def _interfaces(self, device):
        by_name = {}
        repeated = {}
        for interface in device.interfaces:
            # Disabled interfaces count: their address is still configured and comes back with no shutdown.
            if interface.ip is not None:
                self.holders.setdefault(interface.ip[0], []).append(_Holder(device, interface.ip, interface))
            if interface.name is None:
                continue
            first = by_name.get(interface.name)
            if first is None:
                by_name[interface.name] = interface
            elif interface.name in repeated:
                repeated[interface.name].append(interface)
            else:
                repeated[interface.name] = [first, interface]
        for name, entries in repeated.items():
            self.repeated.append((device, name, entries))
        return by_name


# --- the checks -------------------------------------------------------------------------------


def _names_of(devices):
    return _unique(d.name for d in devices if d.name is not None)


def _check_devices(view, index, out):
    for name, entries in index.devices_by_name.items():
        if len(entries) > 1:
            where = _listing([d.index for d in entries])
            message = 'Device "%s" is defined %s (devices entries %s)' % (name, _times(len(entries)), where)
            out.append(_finding("DEVICE_DUPLICATE", message, [name], entries[1].path + "/name"))
    for device, name, entries in index.repeated:
        where = _listing([i.index for i in entries])
        message = "%s has interface %s %s (interfaces entries %s)" % (device.label, name, _times(len(entries)), where)
        out.append(_finding("INTERFACE_DUPLICATE", message, device.devices, entries[1].path + "/name"))
    for address, holders in index.holders.items():
        if len(holders) > 1:
            where = _listing(["%s (%s)" % (h.label, _cidr_text(h.cidr)) for h in holders])
            message = "%s is assigned %s: %s" % (format_address(address), _times(len(holders)), where)
            out.append(_finding("IP_DUPLICATE", message, _names_of(h.device for h in holders), holders[1].path))
    by_router_id = {}
    for device in view.devices:
        if device.router_id is not None:
            by_router_id.setdefault(device.router_id, []).append(device)
    for router_id, devices in by_router_id.items():
        if len(devices) > 1:
            message = "Router id %s is used by %s" % (format_address(router_id), _listing([d.label for d in devices]))
            out.append(_finding("ROUTER_ID_DUPLICATE", message, _names_of(devices), devices[1].path + "/router_id"))


def _vlan_devices(vlans):
    return _unique(name for vlan in vlans for name, _ in vlan.devices)


def _check_vlans(view, index, out):
    vlans = view.vlans if view.vlans is not None else []
    by_id = {}
    for vlan in vlans:
        if vlan.id is None:
            continue
        by_id.setdefault(vlan.id, []).append(vlan)
        if not VLAN_MIN <= vlan.id <= VLAN_MAX:
            message = "VLAN %d (vlans entry %d) is outside the VLAN range %d..%d" % (vlan.id, vlan.index, VLAN_MIN, VLAN_MAX)
            out.append(_finding("VLAN_ID_OUT_OF_RANGE", message, _vlan_devices([vlan]), vlan.path + "/id"))
    for vlan_id, entries in by_id.items():
        if len(entries) > 1:
            where = _listing([v.index for v in entries])
            message = "VLAN %d is defined %s (entries %s)" % (vlan_id, _times(len(entries)), where)
            out.append(_finding("VLAN_DUPLICATE_ID", message, _vlan_devices(entries), entries[1].path + "/id"))
    for vlan in vlans:
        for name, k in vlan.devices:
            if name not in index.devices_by_name:
                message = '%s is deployed on "%s", which is not a device in the model' % (vlan.label, name)
                out.append(_finding("UNKNOWN_DEVICE_REFERENCE", message, [name], "%s/devices/%d" % (vlan.path, k)))
    defined = by_id if view.vlans is not None else None
    for device in view.devices:
        for interface in device.interfaces:
            if interface.access_vlan is not None:
                _check_reference(interface, interface.access_vlan, -1, defined, out)
            for vlan_id, k in interface.trunk_vlans:
                _check_reference(interface, vlan_id, k, defined, out)
    _check_overlaps(vlans, out)


def _check_reference(interface, vlan_id, trunk_index, defined, out):
    # An id no switch accepts is reported as such, not also as undefined.
    if not VLAN_MIN <= vlan_id <= VLAN_MAX:
        code = "VLAN_ID_OUT_OF_RANGE"
        why = "outside the VLAN range %d..%d" % (VLAN_MIN, VLAN_MAX)
    elif defined is not None and vlan_id not in defined:
        code = "VLAN_UNDEFINED"
        why = "which the model's vlans do not define"
    else:
        return
    if trunk_index < 0:
        says, path = "is an access port in", interface.path + "/access_vlan"
    else:
        says, path = "trunks", "%s/trunk_vlans/%d" % (interface.path, trunk_index)
    message = "%s %s VLAN %d, %s" % (interface.label, says, vlan_id, why)
    out.append(_finding(code, message, interface.devices, path))


def _check_overlaps(vlans, out):
    # CIDR blocks are nested or disjoint: sorted by first address (wider first), the blocks still
    # open at a block all contain it, so a stack finds every overlapping pair.
    blocks = sorted(
        ((network_of(v.subnet), last_of(v.subnet), v) for v in vlans if v.subnet is not None),
        key=lambda b: (b[0], -b[1], b[2].index),
    )
    stack = []
    pairs = []
    for block in blocks:
        while stack and stack[-1][1] < block[0]:
            stack.pop()
        for outer in stack:
            pairs.append((outer[2], block[2]) if outer[2].index < block[2].index else (block[2], outer[2]))
        stack.append(block)
    pairs.sort(key=lambda p: (p[1].index, p[0].index))
    for first, second in pairs:
        how = "is the same as" if first.subnet[1] == second.subnet[1] else "overlaps"
        message = "%s subnet %s %s %s subnet %s" % (
            second.label,
            format_subnet(second.subnet),
            how,
            first.label,
            format_subnet(first.subnet),
        )
        out.append(_finding("SUBNET_OVERLAP", message, _vlan_devices([first, second]), second.path + "/subnet"))


def _resolve(link, end, index, out):
    device, name = link.ends[end]
    interfaces = index.interfaces_by_device.get(device)
    if interfaces is None:
        message = 'links entry %d end %s names device "%s", which is not in the model' % (link.index, end, device)
        out.append(_finding("UNKNOWN_DEVICE_REFERENCE", message, [device], "%s/%s/device" % (link.path, end)))
        return None
    interface = interfaces.get(name)
    if interface is None:
        message = "links entry %d end %s names %s %s, but %s has no interface %s" % (
            link.index,
            end,
            device,
            name,
            device,
            name,
        )
        out.append(_finding("UNKNOWN_INTERFACE_REFERENCE", message, [device], "%s/%s/interface" % (link.path, end)))
    return interface


def _check_links(view, index, out):
    for link in view.links:
        a = _resolve(link, "a", index, out) if "a" in link.ends else None
        b = _resolve(link, "b", index, out) if "b" in link.ends else None
        if a is None or b is None:
            continue
        name = "Link %s <-> %s" % (a.label, b.label)
        devices = _unique([link.ends["a"][0], link.ends["b"][0]])
        if a.ip is not None and b.ip is not None and not same_subnet(a.ip, b.ip):
            message = "%s: %s and %s are not in one subnet (%s vs %s)" % (
                name,
                _cidr_text(a.ip),
                _cidr_text(b.ip),
                format_subnet(a.ip),
                format_subnet(b.ip),
            )
            out.append(_finding("LINK_SUBNET_MISMATCH", message, devices, link.path))
        if a.mtu is not None and b.mtu is not None and a.mtu != b.mtu:
            message = "%s: MTU %d on %s but %d on %s" % (name, a.mtu, a.label, b.mtu, b.label)
            out.append(_finding("MTU_MISMATCH", message, devices, link.path))
        if a.ospf_area is not None and b.ospf_area is not None and a.ospf_area != b.ospf_area:
            message = "%s: OSPF area %s on %s but %s on %s" % (
                name,
                format_address(a.ospf_area),
                a.label,
                format_address(b.ospf_area),
                b.label,
            )
            out.append(_finding("OSPF_AREA_MISMATCH", message, devices, link.path))


def _check_bgp(view, index, out):
    for device in view.devices:
        for neighbor in device.neighbors:
            if neighbor.ip is None:
                continue
            address = format_address(neighbor.ip)
            holders = index.holders.get(neighbor.ip)
            if not holders:
                message = "%s has BGP neighbor %s, which is not an address of any device in the model" % (
                    device.label,
                    address,
                )
                devices = [] if device.name is None else [device.name]
                out.append(_finding("BGP_NEIGHBOR_UNKNOWN", message, devices, neighbor.path + "/ip"))
                continue
            owner = holders[0].device
            # An address several devices hold is an IP_DUPLICATE already: which ASN it should have is unknowable.
            if any(h.device is not owner for h in holders):
                continue
            if owner.asn is None or neighbor.remote_as is None or owner.asn == neighbor.remote_as:
                continue
            message = "%s peers with %s (%s) as AS %d, but %s has ASN %d" % (
                device.label,
                address,
                holders[0].label,
                neighbor.remote_as,
                owner.label,
                owner.asn,
            )
            devices = _unique(n for n in (device.name, owner.name) if n is not None)
            out.append(_finding("BGP_REMOTE_AS_MISMATCH", message, devices, neighbor.path + "/remote_as"))


def validate(model):
    """Every finding of a model (as parsed from JSON), as Netmortem's pre-flight validator reports it."""
    if not isinstance(model, dict):
        return [_finding("INVALID_VALUE", "The model must be a JSON object with a devices array, not %s" % _shown(model), [], "")]
    reader = _Reader()
    view = _read_model(model, reader)
    index = _Index(view)
    findings = reader.findings
    _check_devices(view, index, findings)
    _check_vlans(view, index, findings)
    _check_links(view, index, findings)
    _check_bgp(view, index, findings)
    return findings


# --- what the generated tests call ------------------------------------------------------------


class ModelError(Exception):
    """The network model cannot be checked at all: not set, unreadable, not JSON, no devices array."""


def _reject_constant(name):
    raise ValueError("%s is not JSON" % name)


def load_model(path=None):
    """The network model in the file named by NETMORTEM_NETWORK_MODEL (or path), checked for shape."""
    path = path or os.environ.get(MODEL_ENV)
    if not path:
        raise ModelError(
            "%s is not set: point it at the network model (JSON) to check, e.g. "
            "%s=model.json pytest tests/regression" % (MODEL_ENV, MODEL_ENV)
        )
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            text = handle.read()
    except OSError as error:
        raise ModelError("Cannot read the network model %s: %s" % (path, error.strerror or error))
    try:
        model = json.loads(text, parse_constant=_reject_constant)
    except ValueError as error:
        raise ModelError("The network model %s is not valid JSON: %s" % (path, error))
    if not isinstance(model, dict):
        raise ModelError("The network model %s must be a JSON object with a devices array" % path)
    if "devices" not in model:
        raise ModelError("The network model %s has no devices array" % path)
    if not isinstance(model["devices"], list):
        raise ModelError("The devices of the network model %s must be an array" % path)
    return model


_checked = {}


def findings_of(path=None):
    """The findings of the model file, validated once per file version however many tests ask."""
    path = path or os.environ.get(MODEL_ENV) or ""
    try:
        stat = os.stat(path)
        key = (os.path.abspath(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = None
    if key is None or key not in _checked:
        findings = validate(load_model(path or None))
        if key is None:
            return findings
        _checked.clear()
        _checked[key] = findings
    return _checked[key]


def printable(text):
    """Text safe to print on one line: control characters and lone surrogates escaped."""
    return "".join(
        ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else ch.encode("unicode_escape").decode("ascii")
        for ch in str(text)
    )


def report(code, findings, incident=None, path=None):
    """The failure message of a check: what kind of fault, where it is, which incident it repeats."""
    path = path or os.environ.get(MODEL_ENV) or "the network model"
    what = CODES.get(code, ("error", code))[1]
    if incident is not None:
        head = "Incident %s can happen again: %s" % (printable(incident), code)
    else:
        head = code
    lines = ["%s (%s) in %s, %d time(s):" % (head, what, printable(path), len(findings))]
    for f in findings:
        devices = ", ".join(printable(d) for d in f["devices"]) or "no device named"
        lines.append("  - %s [devices: %s] at %s" % (printable(f["message"]), devices, f["path"] or "/"))
    return "\n".join(lines)


def assert_no_findings(code, incident=None):
    """Fails the calling pytest test when the model has a finding of this code, on any object."""
    import pytest

    try:
        findings = [f for f in findings_of() if f["code"] == code]
    except ModelError as error:
        pytest.fail(printable(error), pytrace=False)
    if findings:
        pytest.fail(report(code, findings, incident), pytrace=False)


def main(argv=None):
    """python netmortem_checks.py MODEL.json: every finding, as netmortem preflight would report them."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: python netmortem_checks.py MODEL.json\n")
        return 2
    try:
        findings = validate(load_model(args[0]))
    except ModelError as error:
        sys.stderr.write("%s\n" % printable(error))
        return 2
    for f in findings:
        sys.stdout.write("%s %s %s: %s\n" % (f["severity"], f["code"], f["path"] or "/", printable(f["message"])))
    return 1 if any(f["severity"] == "error" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
`

/** The helper module as exported: the same bytes on every export of one Netmortem version. */
export function helperFile(): string {
  return assemble({ kind: 'helper', doc: HELPER_DOC }, HELPER_BODY.replace(/^\n/, ''))
}
