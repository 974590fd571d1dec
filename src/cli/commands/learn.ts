import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Learning, PolicyRule, RecentLearning } from '../../shared/learning'
import { describeFsError } from '../../main/core/fsErrors'
import { str, type Command } from '../command'
import { CliError, note, printJson, printLine, printTable } from '../output'

const oneLine = (text: string | null) => (text ?? '-').replace(/\s+/g, ' ').trim()
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function printLearning(l: Learning): void {
  printLine(`${l.incident_id}: ${l.status}, confidence ${l.confidence.toFixed(3)} (${l.confidence_level})`)
  printLine(`  ${l.message}`)
  printLine(`  root cause: ${oneLine(l.root_cause)}`)
  if (!l.applied) printLine(`  suggested:  ${oneLine(l.suggested_root_cause)}`)
  const checks = l.test.checks.length ? ` checking ${l.test.checks.join(', ')}` : ''
  printLine(
    `  regression test: ${l.test.filename} (${l.test.kind}${l.test.skeleton ? ', skeleton' : ''})${checks}`
  )
}

function printRecent(r: RecentLearning): void {
  printLine(
    `${plural(r.total_incidents, 'recent incident')}: ${r.unresolved} unresolved, ${r.analyzed} analysed, ` +
      `${r.learnings.filter((l) => l.applied).length} resolved by a high-confidence root cause.`
  )
  if (r.learnings.length) {
    printLine()
    printTable(
      ['ID', 'CONF', 'LEVEL', 'STATUS', 'TEST', 'ROOT CAUSE'],
      r.learnings.map((l) => [
        l.incident_id,
        l.confidence.toFixed(3),
        l.confidence_level,
        l.status,
        l.test.kind,
        oneLine(l.applied ? l.root_cause : `(suggested) ${l.suggested_root_cause}`)
      ])
    )
  }
  for (const e of r.errors) note(`Could not learn from ${e.incident_id}: ${e.error}`)
}

export const learn: Command = {
  name: 'learn',
  usage: 'learn ID | learn --recent N',
  summary:
    'Analyse an incident, take its root cause when confidence is high (else keep it open), store its regression test.',
  options: { recent: { type: 'string' } },
  positionals: [0, 1],
  async run(ctx) {
    const recent = str(ctx, 'recent')
    const id = ctx.positionals[0]
    if ((recent === undefined) === (id === undefined))
      throw new CliError('learn needs an incident ID or --recent N.', 2)
    if (id !== undefined) {
      const learning = await ctx.service().learnFromIncident(id)
      if (ctx.json) {
        if (!learning.applied) note(learning.message)
        return printJson(learning)
      }
      return printLearning(learning)
    }
    const limit = Number(recent)
    if (!/^\d+$/.test(recent!.trim()) || !Number.isSafeInteger(limit) || limit < 1)
      throw new CliError('--recent takes a whole number, 1 or more.', 2)
    const result = await ctx.service().learnFromRecent(limit)
    if (ctx.json) {
      for (const e of result.errors) note(`Could not learn from ${e.incident_id}: ${e.error}`)
      return printJson(result)
    }
    printRecent(result)
  }
}

function printRules(rules: PolicyRule[]): void {
  if (rules.length === 0) {
    printLine('No policy rules yet: no resolved or learned incident has pre-flight findings.')
    return
  }
  printTable(
    ['CODE', 'SEVERITY', 'COUNT', 'CHECKS'],
    rules.map((r) => [r.code, r.severity, String(r.count), r.checks])
  )
}

export const policy: Command = {
  name: 'policy',
  usage: 'policy [--python FILE]',
  summary:
    'Policy rules learned from incidents (one per pre-flight finding code seen); --python writes them as a NetworkPolicy module.',
  options: { python: { type: 'string' } },
  async run(ctx) {
    const exported = ctx.service().policyModule()
    const file = str(ctx, 'python')
    let written: string | undefined
    if (file !== undefined) {
      if (!file.trim()) throw new CliError('--python needs a file name.', 2)
      written = resolve(file)
      try {
        await writeFile(written, exported.python, 'utf8')
      } catch (err) {
        throw new CliError(`Cannot write ${file}: ${describeFsError(err, false)}.`)
      }
      note(
        `Wrote ${written} (${plural(exported.rules.length, 'rule')}); it needs netmortem_checks.py beside it (netmortem export-tests writes it).`
      )
    }
    if (ctx.json) {
      return printJson({
        generated_at: exported.generated_at,
        rules: exported.rules,
        ...(written ? { python_file: written } : {})
      })
    }
    printRules(exported.rules)
  }
}

export const guidance: Command = {
  name: 'guidance',
  usage: 'guidance',
  summary: 'Prompt guidance for a config-generating LLM, from the policy rules learned from incidents.',
  run(ctx) {
    const result = ctx.service().promptGuidance()
    if (ctx.json) return printJson(result)
    if (result.lines.length === 0)
      note('No guidance yet: no resolved or learned incident has pre-flight findings.')
    for (const line of result.lines) printLine(line)
  }
}
