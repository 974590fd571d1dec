import type { Command } from '../command'
import { printJson, printLine } from '../output'

export const info: Command = {
  name: 'info',
  usage: 'info',
  summary: 'Show the database in use and what it holds.',
  run(ctx) {
    const service = ctx.service()
    const facts = { ...service.info(), ...service.facets() }
    if (ctx.json) return printJson(facts)
    printLine(`database     ${facts.dbPath} (schema ${facts.schemaVersion})`)
    printLine(`incidents    ${facts.total} (${facts.open} open, ${facts.resolved} resolved)`)
    for (const c of facts.categories) printLine(`  ${c.value.padEnd(22)} ${c.count}`)
  }
}
