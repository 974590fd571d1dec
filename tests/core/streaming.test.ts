import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describe as describePhase, runPhase, sha256, type PhaseResult } from './support/streaming'
import { workspace } from './support/helpers'

const ws = workspace()

/**
 * Import and export stream: memory does not grow with the file. Each phase runs in a fresh
 * process (see support/streamingPhase.ts) under a V8 heap limit smaller than the large file, so
 * a phase holding the file as one string would die; and the peak RSS growth with the large file
 * is compared with that of a file half its size: the extra bytes must cost next to no extra
 * memory. The growth itself is not small next to a file of this size, because most of it is a
 * fixed cost, the same for 10 MB or 350 MB: SQLite's page caches (16 MB each, for the database
 * and for the staging table), read buffers awaiting GC, and V8 garbage. Measured over the
 * baseline: import ~90 MB and export ~80 MB from about 10,000 incidents up to 100,000 (355 MB);
 * bench/streaming.ts runs the same phases with 100,000 incidents.
 */
describe('streaming import and export', () => {
  const SMALL = 12_000
  const LARGE = 24_000
  const KB = 3
  const HEAP_MB = 64

  it(`${LARGE} incidents with ${KB} KB network models go through in bounded memory`, async () => {
    const dir = ws.dir()
    const file = (name: string) => join(dir, name)
    const limit = { maxOldSpaceMb: HEAP_MB }
    const growth = (r: PhaseResult) => r.peakRss - r.baseRss

    const [small, large] = await Promise.all([
      runPhase('generate', { file: file('small.json'), count: SMALL, kb: KB }),
      runPhase('generate', { file: file('large.json'), count: LARGE, kb: KB })
    ])
    expect(large.bytes).toBeGreaterThan(HEAP_MB * 2 ** 20)

    const importSmall = await runPhase('import', { file: file('small.json'), db: file('small.db') }, limit)
    const importLarge = await runPhase('import', { file: file('large.json'), db: file('large.db') }, limit)
    expect(importSmall.report).toMatchObject({ shape: 'wrapped', added: SMALL, failed: 0 })
    expect(importLarge.report).toMatchObject({ shape: 'wrapped', added: LARGE, failed: 0 })

    const exportSmall = await runPhase(
      'export',
      { file: file('small-backup.json'), db: file('small.db') },
      limit
    )
    const exportLarge = await runPhase(
      'export',
      { file: file('large-backup.json'), db: file('large.db') },
      limit
    )
    expect(exportLarge.count).toBe(LARGE)
    // The generated file is written exactly as an export: the round trip gives back every byte.
    expect(await sha256(file('large-backup.json'))).toBe(await sha256(file('large.json')))
    expect(await sha256(file('small-backup.json'))).toBe(await sha256(file('small.json')))

    for (const r of [small, large, importSmall, importLarge, exportSmall, exportLarge])
      console.log(describePhase(r))

    const extraBytes = large.bytes - small.bytes
    for (const [s, l] of [
      [importSmall, importLarge],
      [exportSmall, exportLarge]
    ] as const) {
      const extraMemory = growth(l) - growth(s)
      console.log(
        `${l.phase}: ${(extraBytes / 2 ** 20).toFixed(1)} MB more file, ` +
          `${(extraMemory / 2 ** 20).toFixed(1)} MB more peak RSS growth`
      )
      // Holding the file (as text, a Buffer or parsed) would cost at least the extra bytes again.
      expect(extraMemory).toBeLessThan(extraBytes / 2)
      expect(l.peakHeap).toBeLessThan(HEAP_MB * 2 ** 20)
    }
  }, 240_000)
})
