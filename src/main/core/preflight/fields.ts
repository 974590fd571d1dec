import type { Finding } from '../../../shared/networkModel'
import { parseAddress, parseAddressOrCidr, parseCidr, parseOspfArea, type Cidr } from './addresses'
import { finding, pointer, shown } from './findings'

export type Obj = Record<string, unknown>

export const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Where a value sits: its JSON pointer, how a message names its owner, the device holding it. */
export interface Place {
  path: string
  where: string
  devices: string[]
}

/**
 * Reads fields of the raw model defensively. A value of the wrong type or out of range becomes
 * an INVALID_VALUE finding and reads as absent, so no later check trips over it and one fault
 * gives one finding.
 */
export class FieldReader {
  readonly findings: Finding[] = []

  invalid(place: Place, key: string | number, message: string): undefined {
    return this.report(place.path + pointer(key), place.devices, `${place.where}: ${message}`)
  }

  report(path: string, devices: string[], message: string): undefined {
    this.findings.push(finding('INVALID_VALUE', message, devices, path))
    return undefined
  }

  /** The value of a field, or undefined when absent; reports a required one that is missing. */
  private present(obj: Obj, key: string, place: Place, required: boolean, label: string): unknown {
    const value = obj[key]
    if (value === undefined && required) this.invalid(place, key, `${label} is missing`)
    return value
  }

  text(obj: Obj, key: string, place: Place, required = false): string | undefined {
    const value = this.present(obj, key, place, required, key)
    if (value === undefined) return undefined
    if (typeof value !== 'string') return this.invalid(place, key, `${key} must be text, not ${shown(value)}`)
    if (required && value.trim() === '') return this.invalid(place, key, `${key} is empty`)
    return value
  }

  bool(obj: Obj, key: string, place: Place): boolean | undefined {
    const value = obj[key]
    if (value === undefined || typeof value === 'boolean') return value
    return this.invalid(place, key, `${key} must be true or false, not ${shown(value)}`)
  }

  /** A whole number; outside [min, max] is reported when a range is given. */
  int(
    obj: Obj,
    key: string,
    place: Place,
    opts: { required?: boolean; min?: number; max?: number; label?: string } = {}
  ): number | undefined {
    const label = opts.label ?? key
    const value = this.present(obj, key, place, opts.required ?? false, label)
    if (value === undefined) return undefined
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      return this.invalid(place, key, `${label} must be a whole number, not ${shown(value)}`)
    }
    if ((opts.min !== undefined && value < opts.min) || (opts.max !== undefined && value > opts.max)) {
      return this.invalid(place, key, `${label} ${value} is outside ${opts.min}..${opts.max}`)
    }
    return value
  }

  /** A plain IPv4 address, as a router id or a BGP neighbor is written. */
  address(obj: Obj, key: string, place: Place, required = false): number | undefined {
    const text = this.text(obj, key, place, required)
    if (text === undefined) return undefined
    const address = parseAddress(text)
    if (address !== null) return address
    if (parseCidr(text)) {
      return this.invalid(place, key, `${key} "${text}" must be a plain address, without a prefix length`)
    }
    return this.invalid(place, key, `${key} "${text}" is not an IPv4 address`)
  }

  /** An address with its prefix length, as an interface `ip` or a VLAN `subnet` is written. */
  cidr(obj: Obj, key: string, place: Place): Cidr | undefined {
    const text = this.text(obj, key, place)
    if (text === undefined) return undefined
    const cidr = parseCidr(text)
    if (cidr) return cidr
    if (parseAddress(text) !== null) {
      return this.invalid(place, key, `${key} "${text}" needs a prefix length, e.g. ${text}/31`)
    }
    return this.invalid(place, key, `${key} "${text}" is not an IPv4 address with a prefix length`)
  }

  /** A loopback: an address, or an address with its prefix length. */
  addressOrCidr(obj: Obj, key: string, place: Place): Cidr | undefined {
    const text = this.text(obj, key, place)
    if (text === undefined) return undefined
    return parseAddressOrCidr(text) ?? this.invalid(place, key, `${key} "${text}" is not an IPv4 address`)
  }

  ospfArea(obj: Obj, key: string, place: Place): number | undefined {
    const text = this.text(obj, key, place)
    if (text === undefined) return undefined
    const area = parseOspfArea(text)
    if (area !== null) return area
    return this.invalid(
      place,
      key,
      `OSPF area "${text}" is not an area id (a number such as 0, or dotted such as 0.0.0.0)`
    )
  }

  /** An array field, or undefined when absent or not an array (reported). */
  array(obj: Obj, key: string, place: Place): unknown[] | undefined {
    const value = obj[key]
    if (value === undefined) return undefined
    if (Array.isArray(value)) return value
    return this.invalid(place, key, `${key} must be a list, not ${shown(value)}`)
  }

  /** An object element of an array, or undefined when it is something else (reported). */
  element(value: unknown, place: Place): Obj | undefined {
    if (isObject(value)) return value
    return this.report(place.path, place.devices, `${place.where} must be an object, not ${shown(value)}`)
  }
}
