import { SEARCH_MODES, SearchFiltersSchema, MARK_END, MARK_START, type SearchMode } from '../../shared/search'
import { str, type Command } from '../command'
import { CliError, note, printJson, printTable } from '../output'

export const search: Command = {
  name: 'search',
  usage:
    'search QUERY [--limit K] [--mode hybrid|vector|keyword] [--category C] [--severity S] [--status open|resolved] [--since DATE] [--until DATE] [--device NAME]',
  summary: 'Find incidents like a description: keywords, networking synonyms and meaning, typos tolerated.',
  options: {
    limit: { type: 'string', short: 'k' },
    mode: { type: 'string' },
    category: { type: 'string' },
    severity: { type: 'string' },
    status: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    device: { type: 'string' }
  },
  positionals: [1, 1],
  async run(ctx) {
    const query = ctx.positionals[0]!.trim()
    if (!query) throw new CliError('search needs a query.', 2)
    const limit = Number(str(ctx, 'limit') ?? 10)
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError('--limit takes 1..500.', 2)
    const mode = (str(ctx, 'mode') ?? 'hybrid') as SearchMode
    if (!SEARCH_MODES.includes(mode)) throw new CliError('--mode takes hybrid, vector or keyword.', 2)
    const filters = SearchFiltersSchema.safeParse(
      Object.fromEntries(
        ['category', 'severity', 'status', 'since', 'until', 'device']
          .map((k) => [k, str(ctx, k)])
          .filter(([, v]) => v !== undefined)
      )
    )
    if (!filters.success) {
      const issue = filters.error.issues[0]!
      throw new CliError(`Invalid filter: ${issue.path.join('.')} ${issue.message}.`, 2)
    }
    const response = await ctx.service().search(query, { limit, mode, filters: filters.data })
    if (ctx.json) return printJson(response.results)
    const fixes = Object.entries(response.corrections)
    if (fixes.length) note(`(read ${fixes.map(([a, b]) => `"${a}" as "${b}"`).join(', ')})`)
    if (response.results.length === 0) return note('No similar incidents.')
    printTable(
      ['SCORE', 'ID', 'STATUS', 'FOUND BY', 'DESCRIPTION'],
      response.results.map((r) => [
        r.score.toFixed(3),
        r.id,
        r.status,
        Object.keys(r.signals).join('+'),
        r.highlight.replaceAll(MARK_START, '*').replaceAll(MARK_END, '*').replace(/\s+/g, ' ')
      ])
    )
  }
}
