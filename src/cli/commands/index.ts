import type { Command } from '../command'
import { analyze, report, trends } from './analyze'
import { exportCommand, importCommand } from './backup'
import { exportTestsCommand } from './exportTests'
import { add, capture, get, listCommand, remove, resolve, update } from './incidents'
import { info } from './info'
import { guidance, learn, policy } from './learn'
import { model } from './model'
import { preflightCommand } from './preflight'
import { search } from './search'
import { serve } from './serve'

/** Every `netmortem` command, in the order `--help` lists them. */
export const COMMANDS: Command[] = [
  importCommand,
  exportCommand,
  add,
  capture,
  get,
  listCommand,
  update,
  resolve,
  remove,
  search,
  analyze,
  report,
  trends,
  preflightCommand,
  exportTestsCommand,
  learn,
  policy,
  guidance,
  model,
  serve,
  info
]
