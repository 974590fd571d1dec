import type { ParseArgsConfig } from 'node:util'
import type { NetmortemService } from '../main/core/service'

export type OptionSpec = NonNullable<ParseArgsConfig['options']>
export type Values = Record<string, string | boolean | string[] | undefined>

export interface Context {
  values: Values
  positionals: string[]
  json: boolean
  /** Opens the database on first use. */
  service: () => NetmortemService
  dbPath: string
}

export interface Command {
  name: string
  usage: string
  summary: string
  options?: OptionSpec
  /** How many positional arguments: [min, max]. */
  positionals?: [number, number]
  /** Exit code (0 when nothing is returned). */
  run: (ctx: Context) => Promise<number | void> | number | void
}

export const str = (ctx: Context, name: string): string | undefined => ctx.values[name] as string | undefined
export const list = (ctx: Context, name: string): string[] => (ctx.values[name] as string[] | undefined) ?? []
