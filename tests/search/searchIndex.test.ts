import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openNetmortem, type NetmortemService } from '../../src/main/core/service'
import { LATEST_SCHEMA_VERSION } from '../../src/main/core/db/migrations'
import type { Incident } from '../../src/shared/incident'
import { makeTinyOnnxModel } from '../embeddings/tinyModel'

const open: NetmortemService[] = []
function service(dbPath = join(mkdtempSync(join(tmpdir(), 'nm-search-')), 'test.db')): NetmortemService {
  const s = openNetmortem({ dbPath, now: () => new Date('2025-11-25T12:00:00Z') })
  open.push(s)
  return s
}
afterEach(async () => {
  for (const s of open.splice(0)) await s.close()
})

function incident(id: string, description: string, extra: Partial<Incident> = {}): Partial<Incident> {
  return { id, timestamp: '2025-11-01T10:00:00Z', description, ...extra }
}

const corpus = [
  incident('bgp-1', 'BGP neighbor 10.0.1.0 not establishing on leaf-01', {
    category: 'routing_issue',
    affected_devices: ['leaf-01']
  }),
  incident('bgp-2', 'eBGP peering failed - incorrect AS number', {
    category: 'routing_issue',
    affected_devices: ['border-01']
  }),
  incident('ospf-1', 'OSPF adjacency stuck in EXSTART between spine-01 and leaf-02', {
    category: 'routing_issue'
  }),
  incident('vlan-1', 'Duplicate VLAN 100 rejected by pre-flight', {
    category: 'config_error',
    severity: 'low'
  }),
  incident('optic-1', 'CRC errors and low Rx power on Ethernet49 of leaf-03', {
    category: 'network_outage',
    severity: 'critical'
  })
]

function counts(s: NetmortemService) {
  const one = (sql: string) => s.db.prepare(sql).pluck().get() as number
  return {
    incidents: one('SELECT count(*) FROM incidents'),
    vectors: one('SELECT count(*) FROM incident_embeddings'),
    index: one('SELECT count(*) FROM incident_vec')
  }
}

describe('vectors stay in step with incidents', () => {
  it('on import, add, capture, update, resolve and delete', async () => {
    const s = service()
    await s.importText(JSON.stringify(corpus))
    expect(counts(s)).toEqual({ incidents: 5, vectors: 5, index: 5 })
    await s.addIncident(incident('lacp-1', 'Port-channel members suspended, LACP mode mismatch'))
    await s.capture({ description: 'MLAG peer-link down on leaf-05' })
    expect(counts(s)).toEqual({ incidents: 7, vectors: 7, index: 7 })
    const before = s.store.vectors.vectorOf(s.store.seqOf('vlan-1')!)
    await s.updateIncident('vlan-1', { description: 'OSPF area mismatch on spine-02' })
    const after = s.store.vectors.vectorOf(s.store.seqOf('vlan-1')!)
    expect(after).toBeDefined()
    expect(Array.from(after!)).not.toEqual(Array.from(before!))
    await s.resolveIncident('bgp-1', 'Wrong remote-as')
    s.deleteIncident('optic-1')
    expect(counts(s)).toEqual({ incidents: 6, vectors: 6, index: 6 })
    const orphans = s.db
      .prepare('SELECT count(*) FROM incident_vec WHERE rowid NOT IN (SELECT seq FROM incidents)')
      .pluck()
      .get()
    expect(orphans).toBe(0)
  })

  it('records the active model id and dimension', async () => {
    const s = service()
    await s.importText(JSON.stringify(corpus))
    const status = await s.modelStatus()
    expect(status).toMatchObject({ source: 'default', dimension: 100, embedded: 5, total: 5 })
    expect(status.id).toMatch(/^static:netmortem-glove-100d@/)
    expect(s.store.vectors.activeModel()).toEqual({ id: status.id, dimension: 100 })
  })
})

describe('hybrid search', () => {
  it('finds the BGP incidents for a paraphrase, best first, with scores and signals', async () => {
    const s = service()
    await s.importText(JSON.stringify(corpus))
    const { results } = await s.search("BGP session won't come up", { limit: 3 })
    expect(
      results
        .slice(0, 2)
        .map((r) => r.id)
        .sort()
    ).toEqual(['bgp-1', 'bgp-2'])
    for (const r of results) {
      expect(r.score).toBeGreaterThan(0)
      expect(Object.keys(r.signals).length).toBeGreaterThan(0)
    }
    expect(results[0]!.score).toBeGreaterThanOrEqual(results[1]!.score)
    expect(results[0]!.signals.vector?.similarity).toBeGreaterThan(0)
  })

  it('tolerates typos and says what it corrected', async () => {
    const s = service()
    await s.importText(JSON.stringify(corpus))
    const response = await s.search('ospf adjaceny stuk exstart', { limit: 1 })
    expect(response.corrections).toMatchObject({ adjaceny: 'adjacency' })
    expect(response.results[0]!.id).toBe('ospf-1')
  })

  it('expands abbreviations and networking synonyms', async () => {
    const s = service()
    await s.importText(JSON.stringify(corpus))
    const response = await s.search('peer down', { limit: 3, mode: 'keyword' })
    expect(response.expansions).toContain('neighbor')
    expect(response.results.map((r) => r.id)).toContain('bgp-1')
  })

  it('applies filters inside the query, before the top-k cut', async () => {
    const s = service()
    const many = Array.from({ length: 60 }, (_, i) =>
      incident(`bgp-x${i}`, `BGP neighbor not establishing on leaf-${i}`, { category: 'routing_issue' })
    )
    await s.importText(JSON.stringify([...corpus, ...many]))
    for (const mode of ['hybrid', 'vector', 'keyword'] as const) {
      const { results } = await s.search('BGP neighbor not establishing on leaf', {
        limit: 3,
        mode,
        filters: { category: 'network_outage' }
      })
      expect(
        results.map((r) => r.id),
        mode
      ).toEqual(['optic-1'].slice(0, results.length))
      expect(results.length, mode).toBeGreaterThan(0)
    }
    const critical = await s.search('leaf', { filters: { severity: 'critical' } })
    expect(critical.results.every((r) => r.severity === 'critical')).toBe(true)
  })

  it('has keyword and vector modes that use one signal each', async () => {
    const s = service()
    await s.importText(JSON.stringify(corpus))
    const keyword = await s.search('EXSTART', { mode: 'keyword' })
    expect(keyword.results.every((r) => !r.signals.vector)).toBe(true)
    const vector = await s.search('EXSTART', { mode: 'vector' })
    expect(vector.results.every((r) => !r.signals.keyword && r.signals.vector)).toBe(true)
    expect(vector.results).toHaveLength(5)
  })

  it('marks matched words and lists matched terms', async () => {
    const s = service()
    await s.importText(JSON.stringify(corpus))
    const [first] = (await s.search('duplicate vlan', { limit: 1 })).results
    expect(first!.id).toBe('vlan-1')
    expect(first!.highlight).toContain('\uE000Duplicate\uE001')
    expect(first!.matched_terms).toEqual(expect.arrayContaining(['duplicate', 'vlan']))
  })

  it('finds incidents similar to a stored one, never itself', async () => {
    const s = service()
    await s.importText(JSON.stringify(corpus))
    const { results } = await s.similarTo('bgp-1', { limit: 2 })
    expect(results.map((r) => r.id)).not.toContain('bgp-1')
    expect(results[0]!.id).toBe('bgp-2')
    await expect(s.similarTo('nope')).rejects.toThrow('No incident with id "nope".')
  })

  it('keeps the seed API search_similar(text, n_results)', async () => {
    const s = service()
    await s.importText(JSON.stringify(corpus))
    const results = await s.searchSimilar('CRC errors on an optic', 1)
    expect(results.map((r) => r.id)).toEqual(['optic-1'])
  })
})

describe('choosing another embedding model', () => {
  it('re-embeds every incident with visible progress, and records the new model', async () => {
    const s = service()
    await s.importText(JSON.stringify(corpus))
    const folder = mkdtempSync(join(tmpdir(), 'nm-tiny-'))
    const tiny = await makeTinyOnnxModel(folder, { dimension: 24 })
    const progress: number[] = []
    const status = await s.useModel({ kind: 'onnx', path: tiny.folder }, (p) => progress.push(p.done))
    expect(status).toMatchObject({ dimension: 24, embedded: 5, total: 5, source: tiny.folder })
    expect(status.id).toMatch(/^onnx:/)
    expect(progress.at(-1)).toBe(5)
    expect(counts(s)).toEqual({ incidents: 5, vectors: 5, index: 5 })
    const { results } = await s.search('bgp neighbor down', { mode: 'vector', limit: 5 })
    expect(results).toHaveLength(5)
    // Back to the default: 100 dimensions again.
    expect((await s.useModel({ kind: 'static' })).dimension).toBe(100)
  }, 60_000)

  it('resumes an interrupted switch on the next use', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'nm-resume-')), 'test.db')
    const s = service(dbPath)
    const many = Array.from({ length: 600 }, (_, i) =>
      incident(`n-${i}`, `Interface flap ${i} on leaf-${i % 9}`)
    )
    await s.importText(JSON.stringify(many))
    const folder = mkdtempSync(join(tmpdir(), 'nm-tiny-'))
    const tiny = await makeTinyOnnxModel(folder)
    await expect(
      s.useModel({ kind: 'onnx', path: tiny.folder }, (p) => {
        if (p.done > 0) throw new Error('interrupted')
      })
    ).rejects.toThrow('interrupted')
    await s.close()
    const again = service(dbPath)
    const partial = again.store.vectors.counts()
    expect(partial.embedded).toBeLessThan(600)
    expect(partial.embedded).toBeGreaterThan(0)
    await again.search('flap', { limit: 1 })
    expect(await again.modelStatus()).toMatchObject({ embedded: 600, total: 600, dimension: tiny.dimension })
  }, 60_000)

  it('refuses a folder that is not a model, and keeps the current one', async () => {
    const s = service()
    await s.importText(JSON.stringify(corpus))
    const before = await s.modelStatus()
    await expect(s.useModel({ kind: 'onnx', path: tmpdir() })).rejects.toThrow(/onnx|model/i)
    expect(await s.modelStatus()).toEqual(before)
  })
})

describe('migration 2 (vectors and vocabulary)', () => {
  it('brings a version-1 database with incidents to searchable, vocabulary backfilled', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'nm-mig2-')), 'old.db')
    const s = service(dbPath)
    await s.importText(JSON.stringify(corpus))
    // Make it what version 1 wrote: no vector table, no vocabulary.
    s.db.exec('DROP TABLE IF EXISTS incident_vec; DROP TABLE incident_embeddings; DROP TABLE incident_terms')
    s.db.exec('DROP TABLE incident_changes') // and version 3's change log with its triggers
    for (const op of ['insert', 'update', 'delete']) s.db.exec(`DROP TRIGGER incident_changes_${op}`)
    s.db.exec("DELETE FROM meta WHERE key LIKE 'embedding.%'")
    s.db.pragma('user_version = 1')
    await s.close()
    const upgraded = service(dbPath)
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    const terms = upgraded.db.prepare("SELECT df FROM incident_terms WHERE term = 'bgp'").pluck().get()
    expect(terms).toBe(1)
    expect(upgraded.db.prepare('SELECT count(*) FROM incident_terms').pluck().get()).toBeGreaterThan(20)
    const { results } = await upgraded.search('adjaceny exstart', { limit: 1 })
    expect(results[0]!.id).toBe('ospf-1')
    expect(counts(upgraded)).toEqual({ incidents: 5, vectors: 5, index: 5 })
  })
})
