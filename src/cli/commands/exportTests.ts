import type { ExportTestsResult } from '../../shared/testgen'
import { list, str, type Command } from '../command'
import { CliError, note, printJson, printLine, printTable } from '../output'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

const OVERWRITE_HINT = 'Files you edited were left alone: --overwrite-edited replaces them.'
const editedSkipped = (result: ExportTestsResult) => result.files.some((f) => f.action === 'skip-edited')

function printReport(result: ExportTestsResult): void {
  if (result.files.length) {
    printTable(
      ['STATUS', 'KIND', 'INCIDENT', 'FILE', 'WHY'],
      result.files.map((f) => [f.status, f.kind, f.incident_id ?? '-', f.relative, f.reason])
    )
    printLine()
  }
  printLine(
    `${result.dir}: ${plural(result.written.length, 'file')} written, ${result.unchanged.length} unchanged, ` +
      `${result.skipped.length} skipped.`
  )
  if (editedSkipped(result)) printLine(OVERWRITE_HINT)
  const git = result.git
  if (!git.work_tree) {
    printLine('Not a git work tree (or git is not installed): commit the tests by hand.')
    return
  }
  const lines = [
    ['new to git', git.new],
    ['changed', git.changed],
    ['ignored by git', git.ignored]
  ] as const
  for (const [what, files] of lines) {
    if (files.length)
      printLine(`Git: ${what}: ${files.map((f) => f.slice(result.dir.length + 1)).join(', ')}`)
  }
  if (!git.new.length && !git.changed.length) printLine('Git: nothing to commit in tests/regression.')
}

export const exportTestsCommand: Command = {
  name: 'export-tests',
  usage: 'export-tests --to DIR [--id ID]... [--overwrite-edited]',
  summary:
    'Write regression tests of incidents into DIR/tests/regression: pytest model checks, pyATS scripts.',
  options: {
    to: { type: 'string' },
    id: { type: 'string', multiple: true },
    'overwrite-edited': { type: 'boolean' }
  },
  async run(ctx) {
    const to = str(ctx, 'to')
    if (!to) throw new CliError('Name the checkout to export to: --to DIR.', 2)
    const ids = list(ctx, 'id')
    const result = await ctx.service().exportTests(to, ids.length ? ids : undefined, {
      overwriteEdited: ctx.values['overwrite-edited'] === true
    })
    if (!ids.length) {
      note(
        `No --id: exported the ${plural(result.selected.length, 'incident')} with pre-flight findings, ` +
          'a routing_issue or network_outage category, or a stored regression test.'
      )
    }
    if (ctx.json) {
      for (const skipped of result.skipped) note(`Skipped ${skipped.path}: ${skipped.reason}.`)
      if (editedSkipped(result)) note(OVERWRITE_HINT)
      printJson(result)
    } else printReport(result)
  }
}
