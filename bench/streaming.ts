/**
 * Streaming check at scale: generates N incidents with network models as an incidents.json,
 * imports it, exports the database again, and checks the export is byte for byte the file
 * imported. Each phase runs in its own Node process; prints wall and CPU time and peak RSS.
 *
 *   node --import tsx bench/streaming.ts [count=100000] [model KB=3] [heap limit MB=0]
 *
 * With a heap limit, the import and export phases run under --max-old-space-size: a phase
 * that held the file as one string could not fit.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, mb, runPhase, sha256 } from '../tests/core/support/streaming'

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000)
  const kb = Number(process.argv[3] ?? 3)
  const heapMb = Number(process.argv[4] ?? 0)
  const dir = mkdtempSync(join(tmpdir(), 'netmortem-bench-'))
  try {
    const source = join(dir, 'incidents.json')
    const backup = join(dir, 'backup.json')
    const db = join(dir, 'netmortem.db')
    const limit = heapMb > 0 ? { maxOldSpaceMb: heapMb } : {}
    console.log(
      `${count} incidents, network models of about ${kb} KB${heapMb ? `, V8 heap limit ${heapMb} MB` : ''}`
    )
    const generated = await runPhase('generate', { file: source, count, kb })
    console.log(describe(generated))
    const imported = await runPhase('import', { file: source, db }, limit)
    console.log(describe(imported))
    const exported = await runPhase('export', { file: backup, db }, limit)
    console.log(describe(exported))
    const same = (await sha256(source)) === (await sha256(backup))
    console.log(`export identical to the imported file: ${same ? 'yes' : 'NO'}`)
    const growth = Math.max(imported.peakRss - imported.baseRss, exported.peakRss - exported.baseRss)
    console.log(
      `file ${mb(generated.bytes)}; largest peak RSS growth ${mb(growth)} ` +
        `(${((100 * growth) / generated.bytes).toFixed(1)}% of the file)`
    )
    if (!same || imported.count !== count || exported.count !== count) process.exitCode = 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
