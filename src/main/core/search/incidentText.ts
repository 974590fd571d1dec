import type { Incident } from '../../../shared/incident'
import { configChangeLines, validationErrorText } from '../incidents/record'
import { isNumeric, tokenize } from '../text/tokenize'

/**
 * The text an incident is embedded and found by: what happened, what the checks said, what
 * changed, and, once known, why and how it was fixed.
 */
export function incidentText(incident: Incident): string {
  const changes = configChangeLines(incident)
  return [
    incident.description,
    validationErrorText(incident),
    changes.join('\n'),
    incident.root_cause ?? '',
    incident.resolution ?? '',
    incident.category.replace(/_/g, ' '),
    incident.tags.join(' ')
  ]
    .filter(Boolean)
    .join('\n')
}

/** The distinct words of an incident that typo correction may draw on. */
export function incidentWords(incident: Incident): string[] {
  return [
    ...new Set(
      tokenize(incidentText(incident))
        .map((t) => t.word)
        .filter((w) => !isNumeric(w))
    )
  ]
}
