import { readFileSync } from 'node:fs'
import { EDITABLE_FIELDS, type IncidentField } from '../shared/incident'
import { CliError } from './output'

const TEXT: IncidentField[] = ['timestamp', 'severity', 'category', 'description']
const NULLABLE_TEXT: IncidentField[] = ['root_cause', 'resolution', 'resolved_at', 'regression_test']
const LISTS: IncidentField[] = ['affected_devices', 'tags']

/**
 * Turns `FIELD=VALUE` of `update --set` into a patch entry, by the field's type:
 * text fields take VALUE as written; root_cause, resolution, resolved_at, regression_test take
 * `null` to clear; affected_devices and tags take `a,b,c` or a JSON array; network_model,
 * validation_errors and config_changes take JSON. `FIELD=@FILE` reads the value from a file.
 */
export function parseAssignment(assignment: string): [string, unknown] {
  const eq = assignment.indexOf('=')
  if (eq <= 0) throw new CliError(`--set takes FIELD=VALUE, got "${assignment}".`, 2)
  const field = assignment.slice(0, eq) as IncidentField
  let raw = assignment.slice(eq + 1)
  if (!(EDITABLE_FIELDS as readonly string[]).includes(field)) {
    throw new CliError(
      field === 'id'
        ? 'The id of an incident cannot be changed.'
        : `Unknown field "${field}"; fields: ${EDITABLE_FIELDS.join(', ')}.`,
      2
    )
  }
  if (raw.startsWith('@')) {
    try {
      raw = readFileSync(raw.slice(1), 'utf8').replace(/\n$/, '')
    } catch {
      throw new CliError(`Cannot read ${raw.slice(1)} for field ${field}.`, 2)
    }
  }
  if (TEXT.includes(field)) return [field, raw]
  if (NULLABLE_TEXT.includes(field)) return [field, raw === 'null' ? null : raw]
  if (LISTS.includes(field) && !raw.trimStart().startsWith('[')) {
    return [
      field,
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    ]
  }
  try {
    return [field, JSON.parse(raw)]
  } catch {
    throw new CliError(`The value of ${field} must be JSON.`, 2)
  }
}
