import type { IncidentPatch, Incident, Severity } from '../../../../shared/incident'

export interface EditValues {
  severity: Severity
  category: string
  tags: string[]
  description: string
}

export const editValuesOf = (incident: Incident): EditValues => ({
  severity: incident.severity,
  category: incident.category,
  tags: incident.tags,
  description: incident.description
})

/** Only what the engineer changed, so an edit never rewrites fields it did not show. */
export function editPatch(incident: Incident, values: EditValues): IncidentPatch {
  const patch: IncidentPatch = {}
  if (values.severity !== incident.severity) patch.severity = values.severity
  if (values.category.trim() !== incident.category) patch.category = values.category.trim()
  if (values.description !== incident.description) patch.description = values.description
  if (JSON.stringify(values.tags) !== JSON.stringify(incident.tags)) patch.tags = values.tags
  return patch
}
