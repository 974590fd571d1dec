import type { IncidentStore } from '../store/incidentStore'
import { BM25_WEIGHTS, type KeywordHit, type KeywordIndex } from '../store/keywordIndex'
import { fts5Tokens } from '../text/fts5Tokens'
import { MemoryBm25 } from './memoryBm25'

/** From this many incidents on, keyword search runs in memory (FTS5 alone is fast below it). */
export const IN_MEMORY_FROM = 2000

/** Rows loaded between two turns of the event loop while the in-memory index is built. */
const LOAD_PAGE = 2000

/**
 * The keyword side of search: FTS5's BM25 over the incident text. Small stores, and processes
 * that search once (the CLI), ask FTS5 itself. A long-running process with a large store builds
 * the same index in memory (MemoryBm25: same tokens, same scores, a hundred times faster on
 * broad queries) a page at a time without holding up its event loop, asks FTS5 until it is
 * ready, and then keeps it current from the incident change log, which records the writes of
 * every process sharing the database.
 */
export class KeywordSearch {
  private memory?: { index: MemoryBm25; lastChange: number; version: string }
  private loading?: Promise<void>

  constructor(
    private readonly store: IncidentStore,
    private readonly keywords: KeywordIndex,
    private readonly inMemory: boolean,
    private readonly warn: (message: string) => void = () => {}
  ) {}

  /** Best matches of any of the words (each searched as FTS5 would a quoted string). */
  search(words: string[], limit: number, where: string, params: Record<string, unknown>): KeywordHit[] {
    if (words.length === 0) return []
    const index = this.current()
    if (!index) return this.keywords.search(matchOf(words), limit, where, params)
    const accept = where ? (seqs: number[]) => this.store.selected(seqs, where, params) : undefined
    return index.search(words, limit, accept)
  }

  /** Builds the in-memory index now when the store is large enough for it; resolves when ready. */
  warm(): Promise<void> {
    if (!this.inMemory || this.memory || this.store.count() < IN_MEMORY_FROM) return Promise.resolve()
    this.loading ??= this.load()
      .then((memory) => {
        this.memory = memory
      })
      .catch((err: unknown) => {
        // A database closed while loading (the app quitting) is no news.
        if (this.store.db.open) this.warn(`keyword search stays on FTS5: ${(err as Error).message}`)
      })
    return this.loading
  }

  /** The in-memory index brought up to date, or undefined while FTS5 serves (and the index loads). */
  private current(): MemoryBm25 | undefined {
    const memory = this.memory
    if (!memory) {
      void this.warm()
      return undefined
    }
    const version = this.keywords.version()
    if (memory.version === version) return memory.index
    this.keywords.snapshot(() => this.catchUp(memory, version))
    return this.memory?.index
  }

  /** Applies the changes logged since the index last looked, or starts a fresh load when they are too many. */
  private catchUp(memory: NonNullable<typeof this.memory>, version: string): void {
    const log = this.keywords.changeLog()
    const pruned = log.first > memory.lastChange + 1 && memory.lastChange < log.last
    // Many changes (another process imported a backup): build again in the background instead.
    if (pruned || log.last - memory.lastChange > Math.max(1000, memory.index.size / 4)) {
      this.memory = undefined
      this.loading = undefined
      void this.warm()
      return
    }
    for (;;) {
      const changed = this.keywords.changedSince(memory.lastChange, 1000)
      if (changed.length === 0) break
      for (const { id, seq } of changed) {
        const row = this.keywords.row(seq)
        if (row) memory.index.set(seq, row)
        else memory.index.remove(seq)
        memory.lastChange = id
      }
    }
    memory.version = version
  }

  private async load(): Promise<NonNullable<typeof this.memory>> {
    const index = new MemoryBm25({
      weights: BM25_WEIGHTS,
      searched: BM25_WEIGHTS.map((_, col) => col > 0), // every column but the incident id
      tokenize: fts5Tokens
    })
    // Rows changed while loading are logged after `start` and replayed by the first catch-up.
    const start = this.keywords.changeLog().last
    for (let after = 0; this.store.db.open;) {
      const rows = this.keywords.rows(after, LOAD_PAGE)
      if (rows.length === 0) break
      for (const row of rows) index.set(row.seq, row.columns)
      after = rows[rows.length - 1]!.seq
      await new Promise((resolve) => setImmediate(resolve))
    }
    index.trim()
    return { index, lastChange: start, version: '' }
  }
}

const matchOf = (words: string[]) => words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ')
