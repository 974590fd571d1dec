import type { Incident } from '../../../shared/incident'
import type { FindingCode } from '../../../shared/networkModel'
import type { RecordedFinding } from './facts'
import { assemble } from './header'
import { OWNERSHIP_NOTE, incidentSection } from './incidentDoc'
import { pythonName, pythonString } from './pythonLiteral'

/** What each model test checks, for its docstring: the contract's "when" of each code. */
export const CODE_CHECKS: Record<FindingCode, string> = {
  DEVICE_DUPLICATE: 'No two devices share a name.',
  INTERFACE_DUPLICATE: 'No device has two interfaces of one name.',
  VLAN_DUPLICATE_ID: 'No two entries of vlans share an id.',
  VLAN_ID_OUT_OF_RANGE: 'Every VLAN id, defined or referenced, is within 1..4094.',
  VLAN_UNDEFINED: 'Every access or trunk VLAN of an interface is defined in vlans.',
  UNKNOWN_DEVICE_REFERENCE: 'Every link end and VLAN names a device of the model.',
  UNKNOWN_INTERFACE_REFERENCE: 'Every link end names an interface its device has.',
  IP_DUPLICATE: 'No IP address is assigned twice (interfaces, disabled ones too, and loopbacks).',
  LINK_SUBNET_MISMATCH: 'Both ends of every link are in one subnet.',
  MTU_MISMATCH: 'Both ends of every link have the same MTU.',
  OSPF_AREA_MISMATCH: 'Both ends of every link are in the same OSPF area.',
  BGP_REMOTE_AS_MISMATCH: "Every BGP neighbor's remote_as is the ASN of the device owning its IP.",
  BGP_NEIGHBOR_UNKNOWN: "Every BGP neighbor's IP belongs to a device of the model.",
  ROUTER_ID_DUPLICATE: 'No two devices share a router_id.',
  SUBNET_OVERLAP: 'No two VLAN subnets overlap.',
  INVALID_VALUE: 'Every value has its type and range (addresses, MTU, ASN, mode, required fields).'
}

const MAX_FINDINGS_LISTED = 12

function findingLines(findings: RecordedFinding[]): string[] {
  const lines = findings.slice(0, MAX_FINDINGS_LISTED).map((f) => {
    const devices = f.devices.length ? ` [${f.devices.join(', ')}]` : ''
    return `  - ${f.code}: ${f.message.replace(/\s+/g, ' ').trim() || '(no message)'}${devices}`
  })
  if (findings.length > MAX_FINDINGS_LISTED)
    lines.push(`  - and ${findings.length - MAX_FINDINGS_LISTED} more`)
  return lines
}

/** The pytest model check of an incident: one test function per finding code. */
export function pytestFile(
  incident: Incident,
  generatedAt: string,
  codes: FindingCode[],
  findings: RecordedFinding[],
  notTested: FindingCode[]
): string {
  const doc = [
    `Regression test for Netmortem incident ${incident.id}.`,
    '',
    incidentSection(incident, generatedAt),
    '',
    'Pre-flight validation found, when it happened:',
    ...findingLines(findings),
    '',
    `Each test checks the WHOLE network model named by NETMORTEM_NETWORK_MODEL for one kind`,
    'of fault, on any object, so the fault fails its test wherever it appears again:',
    '',
    '    NETMORTEM_NETWORK_MODEL=model.json pytest tests/regression',
    '',
    'The checks live in netmortem_checks.py beside this file (Python 3 and pytest only).'
  ]
  if (notTested.length) {
    doc.push(`Not tested: ${notTested.join(', ')} (a warning: a peer outside the model may be intended).`)
  }
  doc.push('', OWNERSHIP_NOTE)
  const tests = codes.map(
    (code) =>
      `\n\ndef test_no_${pythonName(code)}():\n` +
      `    ${pythonString(`${CODE_CHECKS[code]} (${code}, on the whole model)`)}\n` +
      `    netmortem_checks.assert_no_findings(${pythonString(code)}, INCIDENT)\n`
  )
  const body = `import netmortem_checks\n\nINCIDENT = ${pythonString(incident.id)}\n${tests.join('')}`
  return assemble({ kind: 'pytest', doc: doc.join('\n'), incidentId: incident.id, generatedAt }, body)
}

/**
 * The file for an incident no automatic check fits: a pytest test that fails, pointing to the
 * incident, until an engineer writes the check (and by editing it, takes the file over). A test
 * the incident already stored (imported from elsewhere, so untrusted) is kept as a string for
 * reference, never as code.
 */
export function skeletonFile(
  incident: Incident,
  generatedAt: string,
  why: string,
  storedTest?: string
): string {
  const doc = [
    `Regression test for Netmortem incident ${incident.id}: to be written.`,
    '',
    incidentSection(incident, generatedAt),
    '',
    `No automatic check fits this incident: ${why}`,
    'Replace test_incident_cannot_happen_again below with a check that fails when the',
    'incident can happen again, e.g. against your configuration, inventory or monitoring data.'
  ]
  if (storedTest !== undefined) {
    doc.push(
      '',
      'The incident has a stored regression test; STORED_TEST below holds its text for reference',
      '(it came with the incident and is not run: review it before using any of it).'
    )
  }
  doc.push('', OWNERSHIP_NOTE)
  const stored = storedTest === undefined ? '' : `\nSTORED_TEST = ${pythonString(storedTest)}\n`
  const body =
    `import pytest\n\nINCIDENT = ${pythonString(incident.id)}\n${stored}\n\n` +
    'def test_incident_cannot_happen_again():\n' +
    `    ${pythonString('Fails until the check for this incident is written.')}\n` +
    '    pytest.fail(\n' +
    '        "No regression check is written yet for Netmortem incident %r: edit %s" % (INCIDENT, __file__),\n' +
    '        pytrace=False,\n' +
    '    )\n'
  return assemble({ kind: 'pytest', doc: doc.join('\n'), incidentId: incident.id, generatedAt }, body)
}
