import type { Finding, FindingCode, FindingSeverity } from '../../../../shared/networkModel'

export interface FindingGroup {
  code: FindingCode
  severity: FindingSeverity
  findings: Finding[]
  /** Every device the group's findings name, once, in order of appearance. */
  devices: string[]
}

/** Findings by code: errors first, then warnings, each in the order the core reported them. */
export function groupFindings(errors: Finding[], warnings: Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>()
  for (const finding of [...errors, ...warnings]) {
    const key = `${finding.severity}:${finding.code}`
    let group = groups.get(key)
    if (!group) {
      group = { code: finding.code, severity: finding.severity, findings: [], devices: [] }
      groups.set(key, group)
    }
    group.findings.push(finding)
    for (const device of finding.devices) if (!group.devices.includes(device)) group.devices.push(device)
  }
  return [...groups.values()]
}
