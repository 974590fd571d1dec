import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { benchCorpus } from '../../bench/benchCorpus'
import { openNetmortem, type NetmortemService } from '../../src/main/core/service'
import { VectorStore } from '../../src/main/core/store/vectorStore'

/**
 * A small store's vectors scanned in memory (long-running processes) must rank exactly as
 * sqlite-vec does, and never answer from vectors that are no longer there: writes of this
 * connection, of another process, and a rolled-back transaction.
 */

let dir: string
let app: NetmortemService // the long-running process: vectors in memory
let cli: NetmortemService // another process on the same file: sqlite-vec only
let sqliteVec: VectorStore // the app's connection, asking sqlite-vec

const seqOf = (service: NetmortemService, id: string) =>
  service.db.prepare('SELECT seq FROM incidents WHERE id = ?').pluck().get(id) as number

/** A unit vector pointing nowhere near the corpus (only its first component is large). */
function outlier(scale = 1): Float32Array {
  const v = new Float32Array(100).fill(0.001)
  v[0] = scale
  return v
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nm-scan-'))
  app = openNetmortem({ dbPath: join(dir, 'db.sqlite') })
  await app.importText(JSON.stringify(benchCorpus(600)))
  await app.embedder()
  cli = openNetmortem({ dbPath: join(dir, 'db.sqlite'), searchInMemory: false })
  sqliteVec = new VectorStore(app.db)
}, 120_000)

afterAll(async () => {
  await app.close()
  await cli.close()
})

describe('the in-memory vector scan', () => {
  it('ranks as sqlite-vec does, with the same cosine distances', async () => {
    const embedder = await app.embedder()
    const queries = await embedder.embed([
      'BGP session will not come up',
      'duplicate vlan on the access switch',
      'OSPF stuck in EXSTART',
      'interface err-disabled after a loop'
    ])
    for (const q of queries) {
      const ours = app.store.vectors.nearest(q, 30)
      const theirs = sqliteVec.nearest(q, 30)
      expect(ours).toHaveLength(30)
      ours.forEach((hit, i) => expect(hit.distance).toBeCloseTo(theirs[i]!.distance, 5))
      // Near-copies tie: the same set of incidents up to the last distance both agree on.
      const kth = theirs[29]!.distance - 1e-5
      expect(new Set(ours.filter((h) => h.distance < kth).map((h) => h.seq))).toEqual(
        new Set(theirs.filter((h) => h.distance < kth).map((h) => h.seq))
      )
    }
  })

  it("sees this connection's writes at once", () => {
    const seq = seqOf(app, app.store.list({ limit: 1 }).items[0]!.id)
    app.store.transaction(() => app.store.vectors.set(seq, outlier()))
    expect(app.store.vectors.nearest(outlier(), 1)).toEqual([{ seq, distance: expect.closeTo(0, 5) }])
  })

  it("sees another process's writes and deletions", async () => {
    const captured = await cli.capture({ description: 'lonely incident', category: 'other' })
    const seq = seqOf(cli, captured.id)
    cli.store.transaction(() => cli.store.vectors.set(seq, outlier(-1)))
    expect(app.store.vectors.nearest(outlier(-1), 1)[0]!.seq).toBe(seq)
    cli.deleteIncident(captured.id)
    expect(app.store.vectors.nearest(outlier(-1), 5).map((h) => h.seq)).not.toContain(seq)
  })

  it('is not used inside a transaction, so a rollback leaves nothing behind', () => {
    const seq = seqOf(app, app.store.list({ limit: 1, offset: 1 }).items[0]!.id)
    const before = app.store.vectors.nearest(outlier(0.5), 3)
    expect(() =>
      app.store.transaction(() => {
        app.store.vectors.set(seq, outlier(0.5))
        expect(app.store.vectors.nearest(outlier(0.5), 1)[0]!.seq).toBe(seq)
        throw new Error('roll back')
      })
    ).toThrow('roll back')
    expect(app.store.vectors.nearest(outlier(0.5), 3)).toEqual(before)
  })
})
