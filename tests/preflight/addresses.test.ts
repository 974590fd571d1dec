import { describe, expect, it } from 'vitest'
import {
  formatAddress,
  formatSubnet,
  networkOf,
  overlaps,
  parseAddress,
  parseAddressOrCidr,
  parseCidr,
  parseOspfArea,
  sameSubnet
} from '../../src/main/core/preflight/addresses'

const cidr = (text: string) => parseCidr(text)!

describe('IPv4 addresses as numbers', () => {
  it('parses dotted quads, and refuses anything else', () => {
    expect(parseAddress('0.0.0.0')).toBe(0)
    expect(parseAddress('255.255.255.255')).toBe(0xffffffff)
    expect(parseAddress('10.0.1.1')).toBe(0x0a000101)
    for (const bad of [
      '10.0.1',
      '10.0.1.1.1',
      '10.0.1.256',
      '10.0.01.1',
      '10.0.1.1/31',
      ' 10.0.1.1',
      '',
      'a.b.c.d',
      '1e1.0.0.1'
    ]) {
      expect(parseAddress(bad), bad).toBeNull()
    }
  })

  it('needs a prefix length of 0..32 for a CIDR', () => {
    expect(parseCidr('10.0.1.1/31')).toEqual({ address: 0x0a000101, prefix: 31 })
    expect(parseCidr('0.0.0.0/0')).toEqual({ address: 0, prefix: 0 })
    for (const bad of [
      '10.0.1.1',
      '10.0.1.1/33',
      '10.0.1.1/',
      '10.0.1.1/031',
      '10.0.1.1/-1',
      '10.0.1.1/24/1'
    ]) {
      expect(parseCidr(bad), bad).toBeNull()
    }
  })

  it('reads a loopback with or without a prefix length', () => {
    expect(parseAddressOrCidr('10.255.1.1')).toEqual({ address: 0x0aff0101, prefix: 32 })
    expect(parseAddressOrCidr('10.255.1.1/32')).toEqual({ address: 0x0aff0101, prefix: 32 })
    expect(parseAddressOrCidr('10.255.1.1/33')).toBeNull()
  })

  it('computes subnets for /31, /32 and /0', () => {
    expect(formatAddress(networkOf(cidr('10.0.1.1/31')))).toBe('10.0.1.0')
    expect(formatAddress(networkOf(cidr('10.0.1.1/32')))).toBe('10.0.1.1')
    expect(formatAddress(networkOf(cidr('200.1.2.3/0')))).toBe('0.0.0.0')
    expect(formatSubnet(cidr('10.100.0.77/24'))).toBe('10.100.0.0/24')
    expect(sameSubnet(cidr('10.0.1.0/31'), cidr('10.0.1.1/31'))).toBe(true)
    expect(sameSubnet(cidr('10.0.1.1/31'), cidr('10.0.1.2/31'))).toBe(false)
    expect(sameSubnet(cidr('10.0.1.1/31'), cidr('10.0.1.1/30'))).toBe(false)
    expect(sameSubnet(cidr('10.0.1.1/32'), cidr('10.0.1.1/32'))).toBe(true)
  })

  it('finds overlapping subnets, never adjacent ones', () => {
    expect(overlaps(cidr('10.0.0.0/8'), cidr('10.200.0.0/24'))).toBe(true)
    expect(overlaps(cidr('10.200.0.0/24'), cidr('10.0.0.0/8'))).toBe(true)
    expect(overlaps(cidr('10.0.0.0/25'), cidr('10.0.0.128/25'))).toBe(false)
    expect(overlaps(cidr('255.255.255.255/32'), cidr('255.255.255.0/24'))).toBe(true)
  })

  it('reads OSPF areas as numbers: 0 is 0.0.0.0', () => {
    expect(parseOspfArea('0')).toBe(parseOspfArea('0.0.0.0'))
    expect(parseOspfArea('1')).toBe(parseOspfArea('0.0.0.1'))
    expect(parseOspfArea('256')).toBe(parseOspfArea('0.0.1.0'))
    expect(parseOspfArea('4294967295')).toBe(0xffffffff)
    for (const bad of ['4294967296', 'backbone', '-1', '01', '']) expect(parseOspfArea(bad), bad).toBeNull()
  })
})
