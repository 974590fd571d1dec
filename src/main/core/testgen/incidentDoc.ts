import type { Incident } from '../../../shared/incident'

/** Text fields are cut to this length in a docstring; the incident keeps them whole. */
const MAX_FIELD = 8000
const MAX_DEVICES = 30

function cut(text: string): string {
  const points = [...text]
  return points.length <= MAX_FIELD
    ? text
    : `${points.slice(0, MAX_FIELD).join('')}... (cut: the incident has the whole text)`
}

function devicesLine(devices: string[]): string {
  const shown = devices.slice(0, MAX_DEVICES).join(', ')
  return devices.length > MAX_DEVICES ? `${shown} and ${devices.length - MAX_DEVICES} more` : shown
}

/**
 * The part of a generated file's docstring that says which incident it comes from: the id, the
 * description, when it happened, and what is known of its cause. Untrusted text: the docstring
 * escapes it.
 */
export function incidentSection(incident: Incident, generatedAt: string): string {
  const lines = [
    `Incident: ${incident.id}`,
    `Happened: ${incident.timestamp} (severity ${incident.severity}, category ${incident.category})`
  ]
  if (incident.affected_devices.length) lines.push(`Devices: ${devicesLine(incident.affected_devices)}`)
  lines.push(
    `Generated: ${generatedAt} by Netmortem`,
    '',
    'Description:',
    cut(incident.description || '(none)')
  )
  if (incident.root_cause) lines.push('', `Root cause: ${cut(incident.root_cause)}`)
  if (incident.resolution) lines.push('', `Resolution: ${cut(incident.resolution)}`)
  return lines.join('\n')
}

export const OWNERSHIP_NOTE =
  'Netmortem rewrites this file when the incident changes and you export again; once you\n' +
  'edit it, Netmortem leaves it alone (the netmortem-hash line below tells).'
