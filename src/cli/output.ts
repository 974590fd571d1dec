import type { Incident, IncidentSummary } from '../shared/incident'

/** A failure the user caused: printed as one line on standard error, with this exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1
  ) {
    super(message)
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`)
}

/** A message for the person at the terminal: on standard error, so --json output stays clean. */
export function note(text: string): void {
  process.stderr.write(`${text}\n`)
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}

/** A plain aligned table; the last column takes what width is left. */
export function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  if (process.stdout.isTTY) {
    // On a terminal the last column is cut to the window; in a pipe nothing is cut.
    const fixed = widths.slice(0, -1).reduce((a, w) => a + w + 2, 0)
    widths[widths.length - 1] = Math.max(
      20,
      Math.min(widths[widths.length - 1]!, process.stdout.columns - fixed)
    )
  }
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? cut(c, widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  printLine(line(headers))
  printLine(line(widths.map((w) => '-'.repeat(w))))
  for (const row of rows) printLine(line(row))
}

export function printIncidentTable(items: (Incident | IncidentSummary)[]): void {
  printTable(
    ['ID', 'TIME', 'SEVERITY', 'CATEGORY', 'STATUS', 'DEVICES', 'DESCRIPTION'],
    items.map((i) => [
      i.id,
      i.timestamp.replace('T', ' ').slice(0, 19),
      i.severity,
      i.category,
      i.resolved_at ? 'resolved' : 'open',
      cut(i.affected_devices.join(','), 30),
      oneLine(i.description)
    ])
  )
}

export function printIncident(incident: Incident): void {
  const rows: [string, string][] = [
    ['id', incident.id],
    ['timestamp', incident.timestamp],
    ['severity', incident.severity],
    ['category', incident.category],
    ['status', incident.resolved_at ? `resolved ${incident.resolved_at}` : 'open'],
    ['devices', incident.affected_devices.join(', ') || '-'],
    ['description', incident.description || '-'],
    ['root cause', incident.root_cause ?? '-'],
    ['resolution', incident.resolution ?? '-'],
    ['tags', incident.tags.join(', ') || '-'],
    ['errors', String(incident.validation_errors.length)],
    ['changes', String(incident.config_changes.length)],
    ['model', incident.network_model ? 'yes' : 'no'],
    ['test', incident.regression_test ? `${incident.regression_test.split('\n').length} lines` : '-']
  ]
  for (const [key, value] of rows) printLine(`${key.padEnd(12)} ${value}`)
  for (const entry of incident.validation_errors) {
    const text = ['code', 'message', 'error', 'type']
      .map((k) => entry[k])
      .filter((v) => typeof v === 'string')
      .join(' - ')
    printLine(`  - ${oneLine(text || JSON.stringify(entry))}`)
  }
}
