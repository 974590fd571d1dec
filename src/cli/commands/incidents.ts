import { z } from 'zod'
import { CaptureInputSchema, ListQuerySchema } from '../../shared/api'
import { list, str, type Command, type Context } from '../command'
import { parseAssignment } from '../fieldValue'
import { CliError, note, printIncident, printIncidentTable, printJson, printLine } from '../output'
import { readJsonFile } from '../readJsonFile'
import type { Incident } from '../../shared/incident'

function show(ctx: Context, incident: Incident, verb?: string): void {
  if (ctx.json) return printJson(incident)
  if (verb) printLine(`${verb} ${incident.id}`)
  printIncident(incident)
}

/** Checks CLI input against a contract schema; the first problem becomes the one-line error. */
function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const field = issue.path.map(String).join('.')
  throw new CliError(`Invalid ${what}: ${field ? `${field} ` : ''}${issue.message}.`, 2)
}

export const add: Command = {
  name: 'add',
  usage: 'add --file INCIDENT.json',
  summary: 'Store one complete incident record read from a file.',
  options: { file: { type: 'string', short: 'f' } },
  async run(ctx) {
    const file = str(ctx, 'file')
    if (!file) throw new CliError('add needs --file INCIDENT.json.', 2)
    show(ctx, await ctx.service().addIncident(await readJsonFile(file, 'incident file')), 'Added')
  }
}

export const capture: Command = {
  name: 'capture',
  usage:
    'capture --description TEXT [--severity S] [--category C] [--device NAME]... [--errors FILE] [--model FILE]',
  summary: 'Record a deployment failure now (id deploy-YYYYMMDD-HHMMSS).',
  options: {
    description: { type: 'string', short: 'd' },
    severity: { type: 'string' },
    category: { type: 'string' },
    device: { type: 'string', multiple: true },
    errors: { type: 'string' },
    model: { type: 'string' },
    tag: { type: 'string', multiple: true }
  },
  async run(ctx) {
    const errorsFile = str(ctx, 'errors')
    const modelFile = str(ctx, 'model')
    let errors = errorsFile ? await readJsonFile(errorsFile, 'errors file') : undefined
    // Accept a bare list or a pre-flight result ({errors: [...], warnings: [...]}).
    if (errors && !Array.isArray(errors) && typeof errors === 'object' && 'errors' in errors) {
      const { errors: e = [], warnings: w = [] } = errors as { errors?: unknown[]; warnings?: unknown[] }
      errors = [...e, ...w]
    }
    const input = parseInput(
      CaptureInputSchema,
      {
        description: str(ctx, 'description') ?? '',
        severity: str(ctx, 'severity'),
        category: str(ctx, 'category'),
        affected_devices: list(ctx, 'device').length ? list(ctx, 'device') : undefined,
        validation_errors: errors,
        network_model: modelFile ? await readJsonFile(modelFile, 'network model') : undefined,
        tags: list(ctx, 'tag').length ? list(ctx, 'tag') : undefined
      },
      'capture'
    )
    show(ctx, await ctx.service().capture(input), 'Captured')
  }
}

export const get: Command = {
  name: 'get',
  usage: 'get ID',
  summary: 'Show one incident.',
  positionals: [1, 1],
  run(ctx) {
    show(ctx, ctx.service().getIncident(ctx.positionals[0]!))
  }
}

export const listCommand: Command = {
  name: 'list',
  usage:
    'list [--category C] [--severity S] [--status open|resolved] [--since DATE] [--until DATE] [--device NAME] [--limit N]',
  summary: 'List incidents, newest first (50 unless --limit; --limit 0 for all).',
  options: {
    category: { type: 'string' },
    severity: { type: 'string' },
    status: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    device: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' }
  },
  run(ctx) {
    const limit = str(ctx, 'limit') === undefined ? 50 : Number(str(ctx, 'limit'))
    if (!Number.isInteger(limit) || limit < 0)
      throw new CliError('--limit takes a whole number (0 for all).', 2)
    const offset = str(ctx, 'offset') === undefined ? undefined : Number(str(ctx, 'offset'))
    const query = parseInput(
      ListQuerySchema,
      {
        category: str(ctx, 'category'),
        severity: str(ctx, 'severity'),
        status: str(ctx, 'status'),
        since: str(ctx, 'since'),
        until: str(ctx, 'until'),
        device: str(ctx, 'device'),
        limit: limit === 0 ? undefined : limit,
        offset
      },
      'filter'
    )
    const service = ctx.service()
    const { total } = service.listIncidents({ ...query, limit: 1, offset: 0 })
    const items = service.listFullIncidents(query)
    if (ctx.json) printJson(items)
    else if (items.length === 0) printLine('No incidents match.')
    else printIncidentTable(items)
    if (items.length < total - (query.offset ?? 0)) {
      note(`(${items.length} of ${total} shown; --limit 0 shows all)`)
    }
  }
}

export const update: Command = {
  name: 'update',
  usage: 'update ID --set FIELD=VALUE...',
  summary: 'Change fields of an incident (lists as a,b or JSON; null clears; @FILE reads a file).',
  options: { set: { type: 'string', multiple: true, short: 's' } },
  positionals: [1, 1],
  async run(ctx) {
    const sets = list(ctx, 'set')
    if (sets.length === 0) throw new CliError('update needs at least one --set FIELD=VALUE.', 2)
    const patch = Object.fromEntries(sets.map(parseAssignment))
    show(ctx, await ctx.service().updateIncident(ctx.positionals[0]!, patch), 'Updated')
  }
}

export const resolve: Command = {
  name: 'resolve',
  usage: 'resolve ID --root-cause TEXT [--resolution TEXT]',
  summary: 'Mark an incident resolved with its root cause.',
  options: { 'root-cause': { type: 'string' }, resolution: { type: 'string' } },
  positionals: [1, 1],
  async run(ctx) {
    const rootCause = str(ctx, 'root-cause')?.trim()
    if (!rootCause) throw new CliError('resolve needs --root-cause TEXT.', 2)
    show(
      ctx,
      await ctx.service().resolveIncident(ctx.positionals[0]!, rootCause, str(ctx, 'resolution')),
      'Resolved'
    )
  }
}

export const remove: Command = {
  name: 'delete',
  usage: 'delete ID',
  summary: 'Delete an incident.',
  positionals: [1, 1],
  run(ctx) {
    const result = ctx.service().deleteIncident(ctx.positionals[0]!)
    if (ctx.json) printJson(result)
    else printLine(`Deleted ${result.id}`)
  }
}
