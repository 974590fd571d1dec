import { describe, expect, it } from 'vitest'
import { describeFailure } from '../../src/main/core/preflight/describe'
import { fingerprintOf } from '../../src/main/core/preflight/occurrence'
import { severityOf } from '../../src/main/core/preflight/severity'
import { FINDING_SEVERITY, type Finding, type FindingCode } from '../../src/shared/networkModel'

const f = (code: FindingCode, devices: string[], message = `${code} on ${devices.join(', ')}`): Finding => ({
  code,
  severity: FINDING_SEVERITY[code],
  message,
  devices,
  path: ''
})

describe('the severity of a pre-flight failure', () => {
  it('is critical for an address collision', () => {
    for (const code of ['IP_DUPLICATE', 'ROUTER_ID_DUPLICATE', 'SUBNET_OVERLAP'] as const) {
      expect(severityOf([f('INVALID_VALUE', ['a']), f(code, ['a', 'b'])])).toBe('critical')
    }
  })

  it('is critical when the errors name 10 devices or more', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `leaf-${i}`)
    expect(severityOf([f('VLAN_DUPLICATE_ID', ten)])).toBe('critical')
    expect(severityOf([f('VLAN_DUPLICATE_ID', ten.slice(1))])).toBe('high')
  })

  it('is high for a control-plane or VLAN fault on a few devices', () => {
    for (const code of [
      'VLAN_DUPLICATE_ID',
      'VLAN_UNDEFINED',
      'LINK_SUBNET_MISMATCH',
      'MTU_MISMATCH',
      'OSPF_AREA_MISMATCH',
      'BGP_REMOTE_AS_MISMATCH',
      'DEVICE_DUPLICATE',
      'INTERFACE_DUPLICATE'
    ] as const) {
      expect(severityOf([f(code, ['a', 'b'])]), code).toBe('high')
    }
  })

  it('is medium when only the file is faulty', () => {
    expect(
      severityOf([
        f('INVALID_VALUE', ['a']),
        f('UNKNOWN_DEVICE_REFERENCE', ['ghost']),
        f('UNKNOWN_INTERFACE_REFERENCE', ['a']),
        f('VLAN_ID_OUT_OF_RANGE', ['a'])
      ])
    ).toBe('medium')
  })
})

describe('the description of a pre-flight failure', () => {
  it('summarises codes, devices and the first message of each code in one paragraph', () => {
    const devices = Array.from({ length: 12 }, (_, i) => `leaf-${String(i + 1).padStart(2, '0')}`)
    const text = describeFailure(
      'dc1',
      [
        f('MTU_MISMATCH', ['spine-01', 'leaf-01'], 'MTU 9214 on spine-01 but 1500 on leaf-01'),
        f('MTU_MISMATCH', ['spine-01', 'leaf-02'], 'MTU 9214 on spine-01 but 1500 on leaf-02'),
        f('VLAN_UNDEFINED', devices, 'leaf-03 Ethernet1 is an access port in VLAN 300'),
        f('INVALID_VALUE', ['leaf-04'], 'leaf-04: ASN 0 is outside 1..4294967295'),
        f('IP_DUPLICATE', ['leaf-05'], '10.0.0.1 is assigned twice')
      ],
      [f('BGP_NEIGHBOR_UNKNOWN', ['leaf-01'])]
    )
    expect(text).toBe(
      'Pre-flight validation of network model "dc1" failed with 5 errors (2 MTU_MISMATCH, 1 INVALID_VALUE, ' +
        '1 IP_DUPLICATE, 1 VLAN_UNDEFINED) and 1 warning (BGP_NEIGHBOR_UNKNOWN) on 13 devices (spine-01, ' +
        'leaf-01, leaf-02, leaf-03, leaf-04, leaf-05, leaf-06, leaf-07 and 5 more). ' +
        'MTU 9214 on spine-01 but ' +
        '1500 on leaf-01; leaf-03 Ethernet1 is an access port in VLAN 300; leaf-04: ASN 0 is outside ' +
        '1..4294967295; and 2 more errors. Caught by the pre-flight check before deployment.'
    )
    expect(text).not.toMatch(/\n/)
  })

  it('speaks of "the network model" when it has no name', () => {
    expect(describeFailure(undefined, [f('MTU_MISMATCH', ['a', 'b'], 'MTU differs')], [])).toBe(
      'Pre-flight validation of the network model failed with 1 error (MTU_MISMATCH) on 2 devices (a, b). ' +
        'MTU differs. Caught by the pre-flight check before deployment.'
    )
  })
})

describe('the fingerprint of a failure', () => {
  it('is the set of codes with their devices: order, repeats, messages and warnings do not count', () => {
    const one = fingerprintOf([f('MTU_MISMATCH', ['a', 'b'], 'x'), f('VLAN_UNDEFINED', ['c'])])
    expect(fingerprintOf([f('VLAN_UNDEFINED', ['c']), f('MTU_MISMATCH', ['b', 'a'], 'y')])).toBe(one)
    expect(
      fingerprintOf([f('VLAN_UNDEFINED', ['c']), f('VLAN_UNDEFINED', ['c']), f('MTU_MISMATCH', ['a', 'b'])])
    ).toBe(one)
    expect(fingerprintOf([f('MTU_MISMATCH', ['a', 'b'])])).not.toBe(one)
    expect(fingerprintOf([f('MTU_MISMATCH', ['a', 'c']), f('VLAN_UNDEFINED', ['b'])])).not.toBe(one)
  })
})
