import type { Finding } from '../../../shared/networkModel'
import { checkBgp } from './checks/bgp'
import { checkDevices } from './checks/devices'
import { checkLinks } from './checks/links'
import { checkVlans } from './checks/vlans'
import { FieldReader, isObject } from './fields'
import { finding, shown } from './findings'
import { indexModel } from './modelIndex'
import { readModel } from './read'

/**
 * Every finding of ../shared/network-model.md for a model as parsed from JSON. Never throws:
 * a value of the wrong type or out of range is an INVALID_VALUE finding with its JSON pointer,
 * and fields the contract does not name are ignored.
 */
export function validateModel(model: unknown): Finding[] {
  if (!isObject(model)) {
    return [
      finding(
        'INVALID_VALUE',
        `The model must be a JSON object with a devices array, not ${shown(model)}`,
        [],
        ''
      )
    ]
  }
  const reader = new FieldReader()
  const view = readModel(model, reader)
  const index = indexModel(view)
  const findings = reader.findings
  checkDevices(view, index, findings)
  checkVlans(view, index, findings)
  checkLinks(view, index, findings)
  checkBgp(view, index, findings)
  return findings
}
