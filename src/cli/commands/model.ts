import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fetchModel } from '../../main/core/embeddings/fetchModel'
import { str, type Command } from '../command'
import { CliError, note, printJson, printLine } from '../output'
import type { ModelStatus } from '../../shared/api'

function show(json: boolean, status: ModelStatus): void {
  if (json) return printJson(status)
  printLine(`model        ${status.id} (${status.dimension} dimensions)`)
  printLine(`source       ${status.source}`)
  printLine(`embedded     ${status.embedded} of ${status.total} incidents`)
}

const progress = (json: boolean) => (p: { done: number; total: number }) => {
  if (!json && process.stderr.isTTY) process.stderr.write(`\rembedding ${p.done}/${p.total} incidents`)
}

export const model: Command = {
  name: 'model',
  usage: 'model [status | use FOLDER | use default | fetch [NAME] --to FOLDER | reindex]',
  summary: 'Show or choose the embedding model; switching re-embeds every incident (resumable).',
  options: { to: { type: 'string' } },
  positionals: [0, 2],
  async run(ctx) {
    const [action = 'status', arg] = ctx.positionals
    if (action === 'status') return show(ctx.json, await ctx.service().modelStatus())
    if (action === 'reindex') {
      await ctx.service().ensureEmbeddings(progress(ctx.json))
      if (!ctx.json) process.stderr.write('\n')
      return show(ctx.json, await ctx.service().modelStatus())
    }
    if (action === 'use') {
      if (!arg) throw new CliError('model use takes a folder, or "default".', 2)
      const spec =
        arg === 'default' ? ({ kind: 'static' } as const) : ({ kind: 'onnx', path: resolve(arg) } as const)
      if (spec.kind === 'onnx' && !existsSync(spec.path)) throw new CliError(`No folder ${spec.path}.`, 2)
      const status = await ctx.service().useModel(spec, progress(ctx.json))
      if (!ctx.json && process.stderr.isTTY) process.stderr.write('\n')
      return show(ctx.json, status)
    }
    if (action === 'fetch') {
      const to = str(ctx, 'to')
      if (!to) throw new CliError('model fetch needs --to FOLDER.', 2)
      const name = arg ?? 'sentence-transformers/all-MiniLM-L6-v2'
      await fetchModel(name, resolve(to), {
        onProgress: ctx.json ? undefined : (p) => note(`${p.file}: ${Math.round(p.loaded / 1024)} KB`)
      })
      if (ctx.json) printJson({ fetched: name, path: resolve(to) })
      else printLine(`Fetched ${name} into ${resolve(to)}; use it with: netmortem model use ${resolve(to)}`)
      return
    }
    throw new CliError(`Unknown model action "${action}"; see netmortem model --help.`, 2)
  }
}
