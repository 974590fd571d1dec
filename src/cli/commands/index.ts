import type { Command } from '../command'
import { exportCommand, importCommand } from './backup'
import { add, capture, get, listCommand, remove, resolve, update } from './incidents'
import { info } from './info'
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
  preflightCommand,
  model,
  serve,
  info
]
