import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FusionWeights } from '../src/main/core/search/fusion'
import { incidentText } from '../src/main/core/search/incidentText'
import { openNetmortem, type NetmortemService } from '../src/main/core/service'
import type { Incident } from '../src/shared/incident'
import type { SearchMode } from '../src/shared/search'

/**
 * Measures search quality on the labelled development set in tests/fixtures/eval:
 * recall@5, MRR, precision@5 and nDCG@10 per mode and per query kind, and precision@5 of the
 * similar incidents found for held-out incidents (their whole text as the query).
 */

const EVAL_DIR = join(__dirname, '..', 'tests', 'fixtures', 'eval')

export interface Labels {
  families: Record<string, { name: string; canonical_root_cause: string }>
  incidents: Record<string, string>
  heldout: string[]
  queries: { id: string; kind: string; text: string; families: string[] }[]
}

export interface Metrics {
  recall5: number
  mrr: number
  precision5: number
  ndcg10: number
  n: number
}

export interface EvalReport {
  modes: Record<SearchMode, { overall: Metrics; byKind: Record<string, Metrics>; heldoutPrecision5: number }>
}

export function loadEvalSet(): { incidents: Incident[]; labels: Labels } {
  return {
    incidents: JSON.parse(readFileSync(join(EVAL_DIR, 'incidents.json'), 'utf8')) as Incident[],
    labels: JSON.parse(readFileSync(join(EVAL_DIR, 'labels.json'), 'utf8')) as Labels
  }
}

function metricsOf(ranked: string[], relevant: Set<string>): Metrics {
  const top5 = ranked.slice(0, 5)
  const hits5 = top5.filter((id) => relevant.has(id)).length
  const first = ranked.findIndex((id) => relevant.has(id))
  let dcg = 0
  ranked.slice(0, 10).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2)
  })
  let ideal = 0
  for (let i = 0; i < Math.min(10, relevant.size); i++) ideal += 1 / Math.log2(i + 2)
  return {
    recall5: relevant.size ? hits5 / Math.min(5, relevant.size) : 0,
    mrr: first >= 0 ? 1 / (first + 1) : 0,
    precision5: hits5 / 5,
    ndcg10: ideal ? dcg / ideal : 0,
    n: 1
  }
}

function mean(list: Metrics[]): Metrics {
  const n = list.length || 1
  const sum = (k: keyof Metrics) => list.reduce((s, m) => s + m[k], 0) / n
  return {
    recall5: sum('recall5'),
    mrr: sum('mrr'),
    precision5: sum('precision5'),
    ndcg10: sum('ndcg10'),
    n: list.length
  }
}

/** A database holding the development set (held-out incidents left out), ready to search. */
export async function evalService(
  dir: string
): Promise<{ service: NetmortemService; labels: Labels; heldout: Incident[] }> {
  const { incidents, labels } = loadEvalSet()
  const held = new Set(labels.heldout)
  const service = openNetmortem({ dbPath: join(dir, 'eval.db') })
  await service.importText(JSON.stringify(incidents.filter((i) => !held.has(i.id))))
  return { service, labels, heldout: incidents.filter((i) => held.has(i.id)) }
}

export async function evaluate(
  service: NetmortemService,
  labels: Labels,
  heldout: Incident[],
  fusion?: FusionWeights
): Promise<EvalReport> {
  const byFamily = new Map<string, Set<string>>()
  const held = new Set(labels.heldout)
  for (const [id, family] of Object.entries(labels.incidents)) {
    if (held.has(id)) continue
    if (!byFamily.has(family)) byFamily.set(family, new Set())
    byFamily.get(family)!.add(id)
  }
  const report = { modes: {} } as EvalReport
  for (const mode of ['keyword', 'vector', 'hybrid'] as SearchMode[]) {
    const perQuery: { kind: string; m: Metrics }[] = []
    for (const q of labels.queries) {
      const relevant = new Set(q.families.flatMap((f) => [...(byFamily.get(f) ?? [])]))
      const response = await service.search(q.text, { mode, limit: 10, fusion })
      perQuery.push({
        kind: q.kind,
        m: metricsOf(
          response.results.map((r) => r.id),
          relevant
        )
      })
    }
    const byKind: Record<string, Metrics> = {}
    for (const kind of new Set(perQuery.map((p) => p.kind))) {
      byKind[kind] = mean(perQuery.filter((p) => p.kind === kind).map((p) => p.m))
    }
    const heldPrecision: number[] = []
    for (const incident of heldout) {
      const relevant = byFamily.get(labels.incidents[incident.id]!) ?? new Set()
      const response = await service.search(incidentText(incident), { mode, limit: 5, fusion })
      heldPrecision.push(response.results.filter((r) => relevant.has(r.id)).length / 5)
    }
    report.modes[mode] = {
      overall: mean(perQuery.map((p) => p.m)),
      byKind,
      heldoutPrecision5: heldPrecision.reduce((a, b) => a + b, 0) / (heldPrecision.length || 1)
    }
  }
  return report
}

export function formatReport(report: EvalReport): string {
  const f = (x: number) => x.toFixed(3)
  const lines = ['mode     kind        n   recall@5  MRR    P@5    nDCG@10']
  for (const [mode, r] of Object.entries(report.modes)) {
    const row = (kind: string, m: Metrics) =>
      `${mode.padEnd(8)} ${kind.padEnd(10)} ${String(m.n).padStart(3)}  ${f(m.recall5)}     ${f(m.mrr)}  ${f(m.precision5)}  ${f(m.ndcg10)}`
    lines.push(row('ALL', r.overall))
    for (const [kind, m] of Object.entries(r.byKind)) lines.push(row(kind, m))
    lines.push(`${mode.padEnd(8)} held-out incidents as queries: precision@5 ${f(r.heldoutPrecision5)}`)
  }
  return lines.join('\n')
}

export async function withEvalService<T>(
  fn: (s: Awaited<ReturnType<typeof evalService>>) => Promise<T>
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'nm-eval-'))
  const ctx = await evalService(dir)
  try {
    return await fn(ctx)
  } finally {
    await ctx.service.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
