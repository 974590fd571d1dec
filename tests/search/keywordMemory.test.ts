import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { benchCorpus } from '../../bench/benchCorpus'
import { loadEvalSet } from '../../bench/searchEval'
import { IN_MEMORY_FROM, KeywordSearch } from '../../src/main/core/search/keywordSearch'
import { openNetmortem, type NetmortemService } from '../../src/main/core/service'
import type { KeywordHit } from '../../src/main/core/store/keywordIndex'
import { tokenize } from '../../src/main/core/text/tokenize'
import type { Incident } from '../../src/shared/incident'

/**
 * The in-memory keyword index must be FTS5 itself, only faster: for every query the same
 * incidents in the same order with the same bm25() scores, with filters, and after writes of
 * this process and of another one sharing the database.
 */

const COUNT = IN_MEMORY_FROM + 700
const queries = [
  ...loadEvalSet().labels.queries.map((q) => q.text),
  // Words FTS5 parses as phrases of several tokens, stems, separators, other scripts.
  'err-disabled bpdu-guard 10.0.1.1 BGP_NOTIFICATION',
  "can't reach leaf-7 after the engineer's change",
  'Ærø café naïve ΣΊΣΥΦΟΣ 設定',
  'interfaces flapping flapped flaps'
].map((text) => [...new Set(tokenize(text).map((t) => t.word))])

let dir: string
let service: NetmortemService
let other: NetmortemService
let fts: KeywordSearch
let memory: KeywordSearch

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nm-kwmem-'))
  service = openNetmortem({ dbPath: join(dir, 'db.sqlite') })
  await service.importText(JSON.stringify(benchCorpus(COUNT)))
  other = openNetmortem({ dbPath: join(dir, 'db.sqlite'), searchInMemory: false })
  fts = new KeywordSearch(service.store, service.store.keywords, false)
  memory = new KeywordSearch(service.store, service.store.keywords, true)
  await memory.warm()
}, 120_000)

afterAll(async () => {
  await service.close()
  await other.close()
})

/** Same scores rank by rank, and the same incidents above the last score (ties may order either way). */
function expectSame(expected: KeywordHit[], actual: KeywordHit[]): void {
  expect(actual.length).toBe(expected.length)
  actual.forEach((hit, i) => expect(hit.bm25).toBeCloseTo(expected[i]!.bm25, 9))
  if (expected.length === 0) return
  const last = expected[expected.length - 1]!.bm25
  const above = (hits: KeywordHit[]) =>
    hits
      .filter((h) => h.bm25 < last - 1e-9)
      .map((h) => h.seq)
      .sort((a, b) => a - b)
  expect(above(actual)).toEqual(above(expected))
}

function expectAgreement(where = '', params: Record<string, unknown> = {}): number {
  let compared = 0
  for (const words of queries) {
    const expected = fts.search(words, 50, where, params)
    expectSame(expected, memory.search(words, 50, where, params))
    compared += expected.length
  }
  return compared
}

const incident = (id: string, description: string): Partial<Incident> => ({
  id,
  timestamp: '2025-11-01T10:00:00Z',
  category: 'routing_issue',
  description
})

describe('the in-memory keyword index', () => {
  it('gives FTS5 results and scores for every development query and awkward words', () => {
    expect(expectAgreement()).toBeGreaterThan(queries.length * 40)
  })

  it('applies filters before the cut, as FTS5 does', () => {
    const filters = [
      { category: 'config_error' as const },
      { severity: 'critical' as const, status: 'open' as const },
      { device: 'leaf-3' }
    ]
    for (const filter of filters) {
      const { where, params } = service.store.filterOf(filter)
      expect(expectAgreement(where, params)).toBeGreaterThan(0)
    }
  })

  it('follows additions, edits and deletions made by this process and by another', async () => {
    await service.addIncident(incident('new-here', 'Zebra-striped optics overheated in rack nine'))
    await other.addIncident(incident('new-there', 'Zebra firmware rejected by the line card'))
    await other.updateIncident('eval-tmpl-01-0', { description: 'Zebra template variable missing' })
    other.deleteIncident('eval-tmpl-02-0')
    const zebra = memory.search(['zebra'], 10, '', {})
    expect(zebra.map((h) => service.store.summariesBySeq([h.seq]).get(h.seq)?.id).sort()).toEqual([
      'eval-tmpl-01-0',
      'new-here',
      'new-there'
    ])
    expectAgreement()
  })

  it('reloads when changes it missed were pruned from the log, answering from FTS5 meanwhile', async () => {
    await other.addIncident(incident('pruned-1', 'Quokka appliance lost its licence'))
    other.db.exec('DELETE FROM incident_changes')
    await other.addIncident(incident('pruned-2', 'Quokka appliance lost power'))
    expect(memory.search(['quokka'], 10, '', {})).toHaveLength(2) // FTS5 while it reloads
    await memory.warm()
    expect(memory.search(['quokka'], 10, '', {})).toHaveLength(2)
    expectAgreement()
  })

  it('stays right after deleting many incidents (its postings are compacted)', () => {
    const ids = service.listIncidents({ limit: 1200 }).items.map((i) => i.id)
    for (const id of ids) service.deleteIncident(id)
    expectAgreement()
  })
})
