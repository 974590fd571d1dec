import { CONFLICT_POLICIES, EXPORT_SHAPES, type ConflictPolicy, type ExportShape } from '../../shared/api'
import { str, type Command } from '../command'
import { CliError, note, printJson, printLine, printTable } from '../output'

export const importCommand: Command = {
  name: 'import',
  usage: 'import FILE [--on-conflict skip|overwrite|newer]',
  summary: 'Import an incidents.json backup (all or nothing).',
  options: { 'on-conflict': { type: 'string' } },
  positionals: [1, 1],
  async run(ctx) {
    const policy = (str(ctx, 'on-conflict') ?? 'skip') as ConflictPolicy
    if (!CONFLICT_POLICIES.includes(policy)) {
      throw new CliError('--on-conflict takes skip, overwrite or newer.', 2)
    }
    const report = await ctx.service().importFile(ctx.positionals[0]!, policy)
    const { shape: _shape, ...printed } = report
    if (ctx.json) printJson(printed)
    if (report.failed > 0) {
      if (!ctx.json) {
        printTable(
          ['RECORD', 'ID', 'FIELD', 'PROBLEM'],
          report.errors.map((e) => [String(e.index ?? ''), e.id ?? '', e.field, e.reason])
        )
      }
      const more = report.more_errors ? ` (${report.more_errors} more problems not listed)` : ''
      note(`Nothing was imported: ${report.failed} record(s) are invalid${more}.`)
      return 1
    }
    if (!ctx.json) {
      printLine(`Imported: ${report.added} added, ${report.updated} updated, ${report.skipped} skipped.`)
    }
  }
}

export const exportCommand: Command = {
  name: 'export',
  usage: 'export FILE [--shape wrapped|array|keyed]',
  summary: 'Write every incident to an incidents.json backup.',
  options: { shape: { type: 'string' } },
  positionals: [1, 1],
  async run(ctx) {
    const shape = (str(ctx, 'shape') ?? 'wrapped') as ExportShape
    if (!EXPORT_SHAPES.includes(shape)) throw new CliError('--shape takes wrapped, array or keyed.', 2)
    const result = await ctx.service().exportFile(ctx.positionals[0]!, shape)
    if (ctx.json) printJson(result)
    else printLine(`Exported ${result.exported} incidents to ${result.path}`)
  }
}
