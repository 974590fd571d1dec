import { parseArgs } from 'node:util'
import { NetmortemError } from '../main/core/errors'
import { resolveDbPath } from '../main/core/paths'
import { openNetmortem, type NetmortemService } from '../main/core/service'
import type { Command, Context, Values } from './command'
import { COMMANDS } from './commands'
import { CliError } from './output'

const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`)
  return [
    'Usage: netmortem COMMAND [options] [--db FILE] [--json]',
    '',
    'Commands:',
    ...lines,
    '',
    'Every command takes --db FILE (else NETMORTEM_DB, else the app database in your data folder)',
    'and --json (print exactly one JSON document on standard output).'
  ].join('\n')
}

/** Runs one command line; returns the exit code. Errors become one line on standard error. */
export async function run(argv: string[], version = '0.0.0'): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`)
    return name ? 0 : 2
  }
  if (name === '--version') {
    process.stdout.write(`${version}\n`)
    return 0
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) return fail(new CliError(`Unknown command "${name}"; see netmortem --help.`, 2))
  let service: NetmortemService | undefined
  try {
    const ctx = contextOf(command, rest)
    if (ctx === 'help') {
      process.stdout.write(`Usage: netmortem ${command.usage}\n${command.summary}\n`)
      return 0
    }
    const code = await command.run({
      ...ctx,
      // A long-running server embeds in a worker thread, so its event loop stays free.
      service: () =>
        (service ??= openNetmortem({
          dbPath: ctx.dbPath,
          version,
          embedInWorker: command.name === 'serve',
          searchInMemory: command.name === 'serve'
        }))
    })
    return code ?? 0
  } catch (err) {
    return fail(err)
  } finally {
    await service?.close()
  }
}

function contextOf(command: Command, args: string[]): Omit<Context, 'service'> | 'help' {
  let parsed
  try {
    parsed = parseArgs({
      args,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true
    })
  } catch (err) {
    throw new CliError(`${(err as Error).message.split('\n')[0]} (netmortem ${command.usage})`, 2)
  }
  const values = parsed.values as Values
  if (values.help) return 'help'
  const [min, max] = command.positionals ?? [0, 0]
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    throw new CliError(`Usage: netmortem ${command.usage}`, 2)
  }
  return {
    values,
    positionals: parsed.positionals,
    json: values.json === true,
    dbPath: resolveDbPath(values.db as string | undefined)
  }
}

function fail(err: unknown): number {
  const message =
    err instanceof CliError || err instanceof NetmortemError
      ? err.message
      : `Unexpected error: ${err instanceof Error ? err.message : String(err)}`
  process.stderr.write(`netmortem: ${message.split('\n')[0]}\n`)
  return err instanceof CliError ? err.exitCode : 1
}
