/**
 * IPv4 as numbers: addresses are compared by value, never as text, so `10.0.1.1/31` and
 * `10.0.1.1/24` hold the same address and `0` and `0.0.0.0` are the same OSPF area.
 */

export interface Cidr {
  /** The address as an unsigned 32-bit number. */
  address: number
  prefix: number
}

const PREFIX = /^(0|[1-9]\d?)$/
const DOT = 46
const ZERO = 48
const NINE = 57

/**
 * `10.0.1.1` as a number, or null. Leading zeros are refused: `010` reads as octal on some
 * platforms. Read a character at a time: a large model has tens of thousands of addresses.
 */
export function parseAddress(text: string): number | null {
  let value = 0
  let octet = 0
  let digits = 0
  let dots = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === DOT) {
      if (digits === 0 || ++dots > 3) return null
      value = value * 256 + octet
      octet = 0
      digits = 0
    } else if (c >= ZERO && c <= NINE) {
      if (digits > 0 && octet === 0) return null
      octet = octet * 10 + (c - ZERO)
      if (++digits > 3 || octet > 255) return null
    } else {
      return null
    }
  }
  if (dots !== 3 || digits === 0) return null
  return value * 256 + octet
}

/** `10.0.1.1/31`, or null; the prefix length is required. */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/')
  if (slash < 0) return null
  const address = parseAddress(text.slice(0, slash))
  const prefixText = text.slice(slash + 1)
  if (address === null || !PREFIX.test(prefixText)) return null
  const prefix = Number(prefixText)
  return prefix > 32 ? null : { address, prefix }
}

/** A loopback: `10.255.1.1` (taken as /32) or `10.255.1.1/32`. */
export function parseAddressOrCidr(text: string): Cidr | null {
  if (text.includes('/')) return parseCidr(text)
  const address = parseAddress(text)
  return address === null ? null : { address, prefix: 32 }
}

/** The number of addresses in a prefix of this length. */
const sizeOf = (prefix: number) => 2 ** (32 - prefix)

/** The first address of the subnet an address is in. */
export function networkOf({ address, prefix }: Cidr): number {
  return address - (address % sizeOf(prefix))
}

/** The last address of that subnet. */
export function lastOf(cidr: Cidr): number {
  return networkOf(cidr) + sizeOf(cidr.prefix) - 1
}

export function sameSubnet(a: Cidr, b: Cidr): boolean {
  return a.prefix === b.prefix && networkOf(a) === networkOf(b)
}

/** Two subnets overlap when either contains the other (CIDR blocks never partly overlap). */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return networkOf(a) <= lastOf(b) && networkOf(b) <= lastOf(a)
}

export function formatAddress(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.')
}

export function formatSubnet(cidr: Cidr): string {
  return `${formatAddress(networkOf(cidr))}/${cidr.prefix}`
}

const AREA_NUMBER = /^(0|[1-9]\d{0,9})$/

/** An OSPF area id as a number: `0`, `1`, `0.0.0.0`, `0.0.0.1`; null when it is neither form. */
export function parseOspfArea(text: string): number | null {
  if (AREA_NUMBER.test(text)) {
    const value = Number(text)
    return value <= 0xffffffff ? value : null
  }
  return parseAddress(text)
}
