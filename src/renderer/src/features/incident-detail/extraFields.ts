import { INCIDENT_FIELDS, type Incident } from '../../../../shared/incident'

const KNOWN: ReadonlySet<string> = new Set(INCIDENT_FIELDS)

/** Fields an imported record carried beyond the documented ones; kept and exported as they are. */
export function extraFields(incident: Incident): [string, unknown][] {
  return Object.entries(incident).filter(([key]) => !KNOWN.has(key))
}
