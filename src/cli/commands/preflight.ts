import { readFile } from 'node:fs/promises'
import { NetmortemError } from '../../main/core/errors'
import { describeFsError } from '../../main/core/fsErrors'
import { parseModelFile } from '../../main/core/preflight/parseModel'
import { checkModel } from '../../main/core/preflight/preflight'
import type { Finding, PreflightResult } from '../../shared/networkModel'
import type { Command } from '../command'
import { CliError, printJson, printLine, printTable } from '../output'

/** The exit codes a deployment pipeline acts on. */
const READY = 0
const NOT_READY = 1
const UNUSABLE_INPUT = 2

const DEVICES_SHOWN = 3

async function readModel(path: string): Promise<Record<string, unknown>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    const reason = describeFsError(err, true)
    throw new CliError(`Cannot read network model ${path}: ${reason}.`, UNUSABLE_INPUT)
  }
  try {
    return parseModelFile(text)
  } catch (err) {
    if (err instanceof NetmortemError) throw new CliError(`${path}: ${err.message}`, UNUSABLE_INPUT)
    throw err
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function devicesCell(devices: string[]): string {
  if (devices.length === 0) return '-'
  const more = devices.length - DEVICES_SHOWN
  return devices.slice(0, DEVICES_SHOWN).join(',') + (more > 0 ? ` +${more}` : '')
}

function closingLine(result: PreflightResult): string {
  const counts = `${plural(result.errors.length, 'error')}, ${plural(result.warnings.length, 'warning')}`
  if (result.ready_to_deploy)
    return result.warnings.length ? `Ready to deploy: ${counts}.` : 'Ready to deploy: no findings.'
  const id = result.incident_id
  if (!id) return `Not ready to deploy: ${counts}. No incident captured (--no-capture).`
  const occurrence = result.occurrence
  if (occurrence && occurrence.count > 1) {
    return (
      `Not ready to deploy: ${counts}. Same failure seen again: ` +
      `occurrence ${occurrence.count} of incident ${id} (first seen ${occurrence.first_seen}).`
    )
  }
  return `Not ready to deploy: ${counts}. Captured incident ${id}.`
}

function printReport(result: PreflightResult): void {
  const findings: Finding[] = [...result.errors, ...result.warnings]
  if (findings.length) {
    printTable(
      ['CODE', 'SEVERITY', 'DEVICES', 'PATH', 'MESSAGE'],
      findings.map((f) => [f.code, f.severity, devicesCell(f.devices), f.path || '-', f.message])
    )
    printLine()
  }
  printLine(closingLine(result))
}

export const preflightCommand: Command = {
  name: 'preflight',
  usage: 'preflight MODEL.json [--no-capture]',
  summary:
    'Validate a network model before deployment: exit 0 ready, 1 not ready (incident captured), 2 bad input.',
  options: { 'no-capture': { type: 'boolean' } },
  positionals: [1, 1],
  async run(ctx) {
    const model = await readModel(ctx.positionals[0]!)
    const capture = ctx.values['no-capture'] !== true
    // A ready model, or --no-capture, needs no database: a pipeline can check without one.
    const checked = checkModel(model)
    const result =
      checked.ready_to_deploy || !capture ? checked : await ctx.service().preflight(model, { capture })
    if (ctx.json) printJson(result)
    else printReport(result)
    return result.ready_to_deploy ? READY : NOT_READY
  }
}
