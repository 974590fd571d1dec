import { describe, expect, it } from 'vitest'
import { FINDING_CODES, FINDING_SEVERITY } from '../../src/shared/networkModel'
import { at, expectClean, expectOnly, findingsOf, lab, labWith, leaf, spine, type Json } from './support'

const link = (a: string, ai: string, b: string, bi: string) => ({
  a: { device: a, interface: ai },
  b: { device: b, interface: bi }
})

describe('the contract table', () => {
  it('lists every code with its severity', () => {
    expect(FINDING_CODES).toHaveLength(16)
    expect(FINDING_CODES.filter((c) => FINDING_SEVERITY[c] === 'warning')).toEqual(['BGP_NEIGHBOR_UNKNOWN'])
  })

  it('the lab model used below is clean', () => {
    expectClean(lab())
  })
})

describe('DEVICE_DUPLICATE', () => {
  it('names the shared name once, however many devices share it', () => {
    const f = expectOnly(
      labWith((m) => m.devices.push({ name: 'leaf-01' }, { name: 'leaf-01' })),
      'DEVICE_DUPLICATE',
      ['leaf-01']
    )
    expect(f.message).toBe('Device "leaf-01" is defined 3 times (devices entries 1, 2 and 3)')
    expect(f.path).toBe('/devices/2/name')
  })

  it('compares names exactly: Leaf-01 is another device', () => {
    expectClean(labWith((m) => m.devices.push({ name: 'Leaf-01' })))
  })
})

describe('INTERFACE_DUPLICATE', () => {
  it('names the device with two interfaces of one name', () => {
    const f = expectOnly(
      labWith((m) => leaf(m).interfaces.push({ name: 'Ethernet1' })),
      'INTERFACE_DUPLICATE',
      ['leaf-01']
    )
    expect(f.message).toBe('leaf-01 has interface Ethernet1 twice (interfaces entries 1 and 4)')
    expect(f.path).toBe('/devices/1/interfaces/4/name')
  })

  it('allows one interface name on different devices, and names differing in case', () => {
    expectClean(
      labWith((m) => {
        spine(m).interfaces.push({ name: 'Ethernet48' })
        leaf(m).interfaces.push({ name: 'ethernet1' })
      })
    )
  })
})

describe('VLAN_DUPLICATE_ID', () => {
  it('names the union of the entries’ devices and both entries', () => {
    const model = labWith((m) => {
      m.devices.push({ name: 'leaf-02', interfaces: [{ name: 'Ethernet1', access_vlan: 100 }] })
      m.vlans.push({ id: 100, name: 'web-staging', subnet: '10.101.0.0/24', devices: ['leaf-02', 'leaf-01'] })
    })
    const f = expectOnly(model, 'VLAN_DUPLICATE_ID', ['leaf-01', 'leaf-02'])
    expect(f.message).toBe('VLAN 100 is defined twice (entries 0 and 2)')
    expect(f.path).toBe('/vlans/2/id')
    expect(at(model, f.path)).toBe(100)
  })

  it('names no device when neither entry is deployed anywhere', () => {
    expectOnly(
      labWith((m) => m.vlans.push({ id: 300 }, { id: 300 })),
      'VLAN_DUPLICATE_ID',
      []
    )
  })

  it('allows one name for two ids', () => {
    expectClean(labWith((m) => m.vlans.push({ id: 101, name: 'web' })))
  })
})

describe('VLAN_ID_OUT_OF_RANGE', () => {
  it('accepts VLAN 1 and VLAN 4094, defined and referenced', () => {
    expectClean(
      labWith((m) => {
        m.vlans.push({ id: 1, devices: ['leaf-01'] }, { id: 4094, devices: ['leaf-01'] })
        leaf(m).interfaces.push({ name: 'Ethernet3', mode: 'trunk', trunk_vlans: [1, 4094] })
      })
    )
  })

  it('reports a definition of 0 or 4095 with the VLAN’s devices', () => {
    const model = labWith((m) => m.vlans.push({ id: 0, devices: ['leaf-01'] }, { id: 4095, devices: [] }))
    expect(findingsOf(model).map((f) => [f.code, f.devices, f.path])).toEqual([
      ['VLAN_ID_OUT_OF_RANGE', ['leaf-01'], '/vlans/2/id'],
      ['VLAN_ID_OUT_OF_RANGE', [], '/vlans/3/id']
    ])
  })

  it('reports each reference with the interface’s device, and not also as undefined', () => {
    const model = labWith((m) => {
      leaf(m).interfaces[1].access_vlan = 4095
      leaf(m).interfaces[2].trunk_vlans = [100, 0, 5000]
    })
    const findings = findingsOf(model)
    expect(findings.map((f) => [f.code, f.devices, f.path])).toEqual([
      ['VLAN_ID_OUT_OF_RANGE', ['leaf-01'], '/devices/1/interfaces/1/access_vlan'],
      ['VLAN_ID_OUT_OF_RANGE', ['leaf-01'], '/devices/1/interfaces/2/trunk_vlans/1'],
      ['VLAN_ID_OUT_OF_RANGE', ['leaf-01'], '/devices/1/interfaces/2/trunk_vlans/2']
    ])
    expect(findings[0]!.message).toBe(
      'leaf-01 Ethernet1 is an access port in VLAN 4095, outside the VLAN range 1..4094'
    )
  })

  it('checks references even when the model defines no VLANs', () => {
    expectOnly(
      labWith((m) => {
        delete m.vlans
        leaf(m).interfaces[1].access_vlan = 4095
      }),
      'VLAN_ID_OUT_OF_RANGE',
      ['leaf-01']
    )
  })
})

describe('VLAN_UNDEFINED', () => {
  it('reports an access VLAN that vlans does not define', () => {
    const f = expectOnly(
      labWith((m) => (leaf(m).interfaces[1].access_vlan = 300)),
      'VLAN_UNDEFINED',
      ['leaf-01']
    )
    expect(f.path).toBe('/devices/1/interfaces/1/access_vlan')
    expect(f.message).toBe(
      "leaf-01 Ethernet1 is an access port in VLAN 300, which the model's vlans do not define"
    )
  })

  it('reports each undefined trunk VLAN, on a disabled interface too', () => {
    const model = labWith((m) => {
      leaf(m).interfaces[2].enabled = false
      leaf(m).interfaces[2].trunk_vlans = [300, 100, 301]
    })
    expect(findingsOf(model).map((f) => [f.code, f.devices, f.path])).toEqual([
      ['VLAN_UNDEFINED', ['leaf-01'], '/devices/1/interfaces/2/trunk_vlans/0'],
      ['VLAN_UNDEFINED', ['leaf-01'], '/devices/1/interfaces/2/trunk_vlans/2']
    ])
  })

  it('checks against an empty vlans array', () => {
    const model = labWith((m) => (m.vlans = []))
    expect(findingsOf(model).map((f) => f.code)).toEqual([
      'VLAN_UNDEFINED',
      'VLAN_UNDEFINED',
      'VLAN_UNDEFINED'
    ])
  })

  it('does not check when the model has no vlans array', () => {
    expectClean(labWith((m) => delete m.vlans))
  })
})

describe('UNKNOWN_DEVICE_REFERENCE', () => {
  it('names the unknown device of a link end, and checks nothing else of that link', () => {
    const model = labWith((m) => (m.links[0].b.device = 'leaf-99'))
    const f = expectOnly(model, 'UNKNOWN_DEVICE_REFERENCE', ['leaf-99'])
    expect(f.path).toBe('/links/0/b/device')
  })

  it('names the unknown device of a VLAN, compared exactly', () => {
    const model = labWith((m) => m.vlans[0].devices.push('Leaf-01'))
    const f = expectOnly(model, 'UNKNOWN_DEVICE_REFERENCE', ['Leaf-01'])
    expect(f.path).toBe('/vlans/0/devices/1')
    expect(f.message).toBe(
      'VLAN 100 (vlans entry 0) is deployed on "Leaf-01", which is not a device in the model'
    )
  })

  it('reports every occurrence', () => {
    const model = labWith((m) => {
      m.vlans[0].devices.push('ghost')
      m.vlans[1].devices.push('ghost')
      m.links.push(link('ghost', 'Ethernet1', 'leaf-01', 'Ethernet48'))
    })
    expect(findingsOf(model).map((f) => f.path)).toEqual([
      '/vlans/0/devices/1',
      '/vlans/1/devices/1',
      '/links/1/a/device'
    ])
  })
})

describe('UNKNOWN_INTERFACE_REFERENCE', () => {
  it('names the existing device that lacks the interface', () => {
    const model = labWith((m) => (m.links[0].b.interface = 'Ethernet99'))
    const f = expectOnly(model, 'UNKNOWN_INTERFACE_REFERENCE', ['leaf-01'])
    expect(f.path).toBe('/links/0/b/interface')
    expect(f.message).toBe(
      'links entry 0 end b names leaf-01 Ethernet99, but leaf-01 has no interface Ethernet99'
    )
  })

  it('accepts a link to a disabled interface without an address', () => {
    expectClean(labWith((m) => m.links.push(link('leaf-01', 'Ethernet48', 'spine-01', 'Ethernet1'))))
  })
})

describe('IP_DUPLICATE', () => {
  it('compares addresses, not text: one address with different prefix lengths is a duplicate', () => {
    const model = labWith((m) => spine(m).interfaces.push({ name: 'Ethernet9', ip: '10.0.1.1/24' }))
    const f = expectOnly(model, 'IP_DUPLICATE', ['spine-01', 'leaf-01'])
    expect(f.message).toBe(
      '10.0.1.1 is assigned twice: spine-01 Ethernet9 (10.0.1.1/24) and leaf-01 Ethernet49 (10.0.1.1/31)'
    )
    expect(f.path).toBe('/devices/1/interfaces/0/ip')
  })

  it('counts loopbacks, with or without a prefix length, and disabled interfaces', () => {
    const model = labWith((m) => {
      spine(m).loopback = '10.255.1.1/32'
      m.devices.push({
        name: 'leaf-02',
        interfaces: [{ name: 'Ethernet48', enabled: false, ip: '10.255.1.1/31' }]
      })
    })
    const f = expectOnly(model, 'IP_DUPLICATE', ['spine-01', 'leaf-01', 'leaf-02'])
    expect(f.message).toContain('is assigned 3 times')
  })

  it('reports two interfaces of one device holding one address', () => {
    expectOnly(
      labWith((m) => leaf(m).interfaces.push({ name: 'Vlan100', ip: '10.0.1.1/32' })),
      'IP_DUPLICATE',
      ['leaf-01']
    )
  })

  it('allows both ends of a /31, neighbouring /32 loopbacks, a router id equal to the loopback', () => {
    expectClean(
      labWith((m) => {
        spine(m).loopback = '10.255.1.0/32'
        leaf(m).router_id = '10.255.1.1'
        m.devices.push({ name: 'leaf-02', loopback: '10.255.1.10/32', router_id: '10.255.1.10' })
      })
    )
  })
})

describe('LINK_SUBNET_MISMATCH', () => {
  it('reports ends in different /31s', () => {
    const model = labWith((m) => (leaf(m).interfaces[0].ip = '10.0.1.3/31'))
    const errors = findingsOf(model).filter((f) => f.severity === 'error')
    expect(errors.map((f) => [f.code, f.devices])).toEqual([
      ['LINK_SUBNET_MISMATCH', ['spine-01', 'leaf-01']]
    ])
    expect(errors[0]!.path).toBe('/links/0')
    expect(errors[0]!.message).toBe(
      'Link spine-01 Ethernet1 <-> leaf-01 Ethernet49: 10.0.1.0/31 and 10.0.1.3/31 are not in one subnet ' +
        '(10.0.1.0/31 vs 10.0.1.2/31)'
    )
  })

  it('reports ends whose prefix lengths differ, even when one subnet contains the other', () => {
    expectOnly(
      labWith((m) => (leaf(m).interfaces[0].ip = '10.0.1.1/30')),
      'LINK_SUBNET_MISMATCH',
      ['spine-01', 'leaf-01']
    )
  })

  it('takes two /32 ends as two subnets', () => {
    const model = labWith((m) => {
      spine(m).interfaces[0].ip = '10.0.1.0/32'
      leaf(m).interfaces[0].ip = '10.0.1.1/32'
    })
    expectOnly(model, 'LINK_SUBNET_MISMATCH', ['spine-01', 'leaf-01'])
  })

  it('allows a /30 link and a link with an unnumbered end', () => {
    expectClean(
      labWith((m) => {
        spine(m).interfaces[0].ip = '10.0.1.1/30'
        leaf(m).interfaces[0].ip = '10.0.1.2/30'
        spine(m).bgp.neighbors[0].ip = '10.0.1.2'
        leaf(m).bgp.neighbors[0].ip = '10.0.1.1'
      })
    )
    expectClean(labWith((m) => m.links.push(link('leaf-01', 'Ethernet48', 'spine-01', 'Ethernet1'))))
  })
})

describe('MTU_MISMATCH', () => {
  it('reports two MTUs on one link with both devices', () => {
    const f = expectOnly(
      labWith((m) => (leaf(m).interfaces[0].mtu = 1500)),
      'MTU_MISMATCH',
      ['spine-01', 'leaf-01']
    )
    expect(f.message).toBe(
      'Link spine-01 Ethernet1 <-> leaf-01 Ethernet49: ' +
        'MTU 9214 on spine-01 Ethernet1 but 1500 on leaf-01 Ethernet49'
    )
  })

  it('says nothing when one end has no MTU', () => {
    expectClean(labWith((m) => delete leaf(m).interfaces[0].mtu))
  })

  it('reports an MTU out of range as INVALID_VALUE only', () => {
    expectOnly(
      labWith((m) => (leaf(m).interfaces[0].mtu = 9300)),
      'INVALID_VALUE',
      ['leaf-01']
    )
  })
})

describe('OSPF_AREA_MISMATCH', () => {
  it('reports different areas', () => {
    const f = expectOnly(
      labWith((m) => (leaf(m).interfaces[0].ospf_area = '0.0.0.1')),
      'OSPF_AREA_MISMATCH',
      ['spine-01', 'leaf-01']
    )
    expect(f.message).toContain('OSPF area 0.0.0.0 on spine-01 Ethernet1 but 0.0.0.1 on leaf-01 Ethernet49')
  })

  it('takes 0 and 0.0.0.0, and 1 and 0.0.0.1, as the same area', () => {
    expectClean(lab())
    expectClean(
      labWith((m) => {
        spine(m).interfaces[0].ospf_area = '1'
        leaf(m).interfaces[0].ospf_area = '0.0.0.1'
      })
    )
  })

  it('says nothing when one end has no area', () => {
    expectClean(labWith((m) => delete spine(m).interfaces[0].ospf_area))
  })
})

describe('BGP_REMOTE_AS_MISMATCH', () => {
  it('names the configuring device, then the owner of the address', () => {
    const model = labWith((m) => (spine(m).bgp.neighbors[0].remote_as = 65102))
    const f = expectOnly(model, 'BGP_REMOTE_AS_MISMATCH', ['spine-01', 'leaf-01'])
    expect(f.path).toBe('/devices/0/bgp/neighbors/0/remote_as')
    expect(f.message).toBe(
      'spine-01 peers with 10.0.1.1 (leaf-01 Ethernet49) as AS 65102, but leaf-01 has ASN 65101'
    )
  })

  it('finds the owner by its loopback', () => {
    const model = labWith((m) => leaf(m).bgp.neighbors.push({ ip: '10.255.0.1', remote_as: 65001 }))
    expectOnly(model, 'BGP_REMOTE_AS_MISMATCH', ['leaf-01', 'spine-01'])
  })

  it('says nothing when the owner has no ASN', () => {
    expectClean(labWith((m) => delete leaf(m).asn))
  })

  it('leaves an address held by two devices to IP_DUPLICATE', () => {
    const model = labWith((m) => m.devices.push({ name: 'leaf-02', asn: 65102, loopback: '10.0.1.1/32' }))
    expectOnly(model, 'IP_DUPLICATE', ['leaf-01', 'leaf-02'])
  })
})

describe('BGP_NEIGHBOR_UNKNOWN', () => {
  it('warns, naming the configuring device', () => {
    const model = labWith((m) => spine(m).bgp.neighbors.push({ ip: '192.0.2.1', remote_as: 64512 }))
    const f = expectOnly(model, 'BGP_NEIGHBOR_UNKNOWN', ['spine-01'])
    expect(f.severity).toBe('warning')
    expect(f.path).toBe('/devices/0/bgp/neighbors/1/ip')
  })

  it('takes an address on a disabled interface as belonging to its device', () => {
    expectClean(
      labWith((m) => {
        leaf(m).interfaces[3].ip = '10.9.9.1/31'
        spine(m).bgp.neighbors.push({ ip: '10.9.9.1', remote_as: 65101 })
      })
    )
  })

  it('does not match the network address of a subnet to its hosts', () => {
    const model = labWith((m) => spine(m).bgp.neighbors.push({ ip: '10.100.0.0', remote_as: 65101 }))
    expectOnly(model, 'BGP_NEIGHBOR_UNKNOWN', ['spine-01'])
  })
})

describe('ROUTER_ID_DUPLICATE', () => {
  it('names every device holding the router id', () => {
    const model = labWith((m) => {
      leaf(m).router_id = '10.255.0.1'
      m.devices.push({ name: 'leaf-02', router_id: '10.255.0.1' })
    })
    const f = expectOnly(model, 'ROUTER_ID_DUPLICATE', ['spine-01', 'leaf-01', 'leaf-02'])
    expect(f.message).toBe('Router id 10.255.0.1 is used by spine-01, leaf-01 and leaf-02')
    expect(f.path).toBe('/devices/1/router_id')
  })

  it('allows devices without router ids', () => {
    expectClean(
      labWith((m) => {
        delete spine(m).router_id
        delete leaf(m).router_id
      })
    )
  })
})

describe('SUBNET_OVERLAP', () => {
  it('reports a subnet inside another, with the union of both VLANs’ devices', () => {
    const model = labWith((m) => {
      m.devices.push({ name: 'leaf-02' })
      m.vlans.push({ id: 101, subnet: '10.100.0.128/25', devices: ['leaf-02'] })
    })
    const f = expectOnly(model, 'SUBNET_OVERLAP', ['leaf-01', 'leaf-02'])
    expect(f.message).toBe(
      'VLAN 101 (vlans entry 2) subnet 10.100.0.128/25 overlaps VLAN 100 (vlans entry 0) subnet 10.100.0.0/24'
    )
    expect(f.path).toBe('/vlans/2/subnet')
  })

  it('reports identical subnets, and every overlapping pair', () => {
    const model = labWith((m) => {
      m.vlans.push({ id: 300, subnet: '10.0.0.0/8' }, { id: 301, subnet: '10.200.0.0/24' })
    })
    expect(findingsOf(model).map((f) => f.message)).toEqual([
      'VLAN 300 (vlans entry 2) subnet 10.0.0.0/8 overlaps VLAN 100 (vlans entry 0) subnet 10.100.0.0/24',
      'VLAN 300 (vlans entry 2) subnet 10.0.0.0/8 overlaps VLAN 200 (vlans entry 1) subnet 10.200.0.0/24',
      'VLAN 301 (vlans entry 3) subnet 10.200.0.0/24 is the same as ' +
        'VLAN 200 (vlans entry 1) subnet 10.200.0.0/24',
      'VLAN 301 (vlans entry 3) subnet 10.200.0.0/24 overlaps VLAN 300 (vlans entry 2) subnet 10.0.0.0/8'
    ])
  })

  it('allows adjacent subnets and VLANs without a subnet', () => {
    expectClean(
      labWith((m) => {
        m.vlans[0].subnet = '10.100.0.0/25'
        m.vlans.push({ id: 101, subnet: '10.100.0.128/25' }, { id: 102 })
      })
    )
  })
})

describe('findings point at the offending value', () => {
  it('every path of a broken model resolves in it', () => {
    const model: Json = labWith((m) => {
      spine(m).bgp.neighbors[0].remote_as = 1
      leaf(m).interfaces[0].mtu = 1500
      leaf(m).interfaces[1].access_vlan = 4000
      m.vlans.push({ id: 200, subnet: '10.200.0.0/25' })
      m.links.push(link('ghost', 'x', 'leaf-01', 'y'))
    })
    const findings = findingsOf(model)
    expect(findings).toHaveLength(7)
    for (const f of findings) expect(at(model, f.path)).toBeDefined()
  })
})
