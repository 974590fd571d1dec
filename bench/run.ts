import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openNetmortem } from '../src/main/core/service'
import { syntheticIncidents } from './syntheticIncidents'
import { preflightBench } from './preflightBench'
import { searchBench } from './searchBench'

/**
 * `npm run bench`: the figures behind Netmortem's speed and memory targets, in one run.
 * Timings are wall-clock on this machine; ratios compare against the peers named per case.
 */

interface Figure {
  name: string
  value: number
  unit: string
  note?: string
}

const figures: Figure[] = []
let peakRss = 0
setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100).unref()
const record = (name: string, value: number, unit: string, note?: string) => {
  figures.push({ name, value, unit, note })
  console.log(
    `${name.padEnd(48)} ${value.toFixed(value < 10 ? 2 : 0).padStart(10)} ${unit}${note ? `  (${note})` : ''}`
  )
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function storeBench(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nm-bench-'))
  const file = join(dir, 'incidents.json')
  writeFileSync(file, JSON.stringify(syntheticIncidents(count)))
  const service = openNetmortem({ dbPath: join(dir, 'bench.db') })
  try {
    let t = performance.now()
    await service.importFile(file)
    const importMs = performance.now() - t
    record(
      `import ${count} incidents`,
      count / (importMs / 1000),
      'incidents/s',
      `${(statSync(file).size / 1e6).toFixed(1)} MB file`
    )

    const samples: number[] = []
    for (let i = 0; i < 50; i++) {
      t = performance.now()
      service.listIncidents({ severity: 'critical', limit: 100000 })
      samples.push(performance.now() - t)
    }
    record(`list filtered summaries of ${count}, p50`, percentile(samples, 50), 'ms')
    record(`list filtered summaries of ${count}, p95`, percentile(samples, 95), 'ms')

    t = performance.now()
    await service.exportFile(join(dir, 'export.json'))
    record(`export ${count} incidents`, count / ((performance.now() - t) / 1000), 'incidents/s')
    record(`database size at ${count}`, statSync(join(dir, 'bench.db')).size / 1e6, 'MB')
  } finally {
    await service.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  console.log(`Netmortem benchmarks, node ${process.version}, ${new Date().toISOString()}`)
  const quick = process.argv.includes('--quick')
  await storeBench(10_000)
  await preflightBench(record)
  await searchBench(10_000, record)
  if (!quick) await searchBench(100_000, record)
  record('peak RSS', peakRss / 1e6, 'MB')
}

void main()
