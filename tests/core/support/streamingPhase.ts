/**
 * One phase of the streaming check, run in a process of its own so that its peak memory is its
 * own: `node --expose-gc --import tsx tests/core/support/streamingPhase.ts PHASE 'JSON ARGS'`.
 * Prints one JSON line: what was done, wall and CPU time, and resident memory (RSS) before and
 * at the peak. The peak is the larger of RSS sampled every few milliseconds and the kernel's
 * high-water mark (getrusage maxrss), which also covers synchronous stretches such as the one
 * transaction that applies an import.
 */
import { createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { once } from 'node:events'
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../../src/main/core/io/exportIncidents'
import { openNetmortem } from '../../../src/main/core/service'
import { makeIncident, networkModel } from './fixtures'

export const STREAMING_NOW = new Date('2025-11-25T12:00:00.000Z')

export interface PhaseResult {
  phase: string
  count: number
  bytes: number
  wallMs: number
  cpuMs: number
  /** RSS when the phase starts (modules loaded, database open, after a full GC). */
  baseRss: number
  /** Highest RSS seen during the phase. */
  peakRss: number
  /** Highest V8 heap use sampled during the phase. */
  peakHeap: number
  report?: unknown
}

/** The incident number n of the streaming data set: a network model of `kb` KB and varied fields. */
export function streamingIncident(n: number, kb: number) {
  return makeIncident(n, {
    network_model: networkModel(n, kb),
    validation_errors: [
      { code: `E${n % 17}`, severity: 'error', message: `problem ${n}`, devices: [`leaf-${n % 5}`] }
    ],
    resolved_at: n % 3 ? null : new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
    root_cause: n % 3 ? null : `cause ${n} — 原因 🚀`,
    tags: n % 2 ? ['bgp'] : [],
    custom: { n, label: `étiquette ${n}` }
  })
}

/**
 * Writes the data set exactly as exportFile would write it (wrapped shape, oldest first, one
 * record per line), so an export of the imported database must give back the same bytes.
 */
async function generate(file: string, count: number, kb: number): Promise<{ count: number; bytes: number }> {
  const out = createWriteStream(file)
  const header = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported_at: STREAMING_NOW.toISOString(),
    count
  }
  out.write(`${JSON.stringify(header).slice(0, -1)},"incidents":[`)
  let text = ''
  for (let n = 0; n < count; n++) {
    text += `${n === 0 ? '\n' : ',\n'}${JSON.stringify(streamingIncident(n, kb))}`
    if (text.length > 1 << 20 || n === count - 1) {
      if (!out.write(text)) await once(out, 'drain')
      text = ''
    }
  }
  out.end('\n]}\n')
  await once(out, 'finish')
  return { count, bytes: (await stat(file)).size }
}

async function main(): Promise<void> {
  const [phase, argText] = process.argv.slice(2)
  const args = JSON.parse(argText ?? '{}') as { file: string; db?: string; count?: number; kb?: number }
  const service = args.db ? openNetmortem({ dbPath: args.db, now: () => STREAMING_NOW }) : undefined
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const baseRss = process.memoryUsage.rss()
  let peakRss = baseRss
  let peakHeap = process.memoryUsage().heapUsed
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
  }, 5)
  const cpu = process.cpuUsage()
  const started = performance.now()
  let count = 0
  let report: unknown
  if (phase === 'generate') {
    count = (await generate(args.file, args.count ?? 0, args.kb ?? 3)).count
  } else if (phase === 'import') {
    const result = await service!.importFile(args.file)
    report = result
    count = result.added + result.updated + result.skipped
  } else if (phase === 'export') {
    count = (await service!.exportFile(args.file)).exported
  } else throw new Error(`unknown phase ${phase}`)
  const wallMs = performance.now() - started
  clearInterval(sampler)
  const used = process.cpuUsage(cpu)
  peakRss = Math.max(peakRss, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024)
  await service?.close()
  const result: PhaseResult = {
    phase,
    count,
    bytes: (await stat(args.file)).size,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((used.user + used.system) / 1000),
    baseRss,
    peakRss,
    peakHeap,
    ...(report ? { report } : {})
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

if (process.argv[1] && /streamingPhase\.ts$/.test(process.argv[1])) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(1)
  })
}
