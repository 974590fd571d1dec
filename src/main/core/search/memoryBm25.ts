/**
 * FTS5's BM25, evaluated in memory. SQLite's FTS5 visits every row that matches an OR-query
 * (about 1.4 µs a row here): 40,000 matching incidents cost 60 ms whatever the LIMIT. This index
 * holds the same tokens (fts5Tokens reproduces FTS5's tokenizer) in typed-array postings and
 * scores term-at-a-time into an accumulator: a few milliseconds for 300,000 postings (a long
 * query on 100,000 incidents). Its scores are FTS5's bm25() with column weights: same IDF
 * (clamped at 1e-6), same weighted phrase frequency (kept as float32: exact for weights in
 * halves, as BM25_WEIGHTS are), same document length (every column, searched or not) and
 * average length, summed in the same order. tests/search/keywordMemory.test.ts holds it to that.
 */

const K1 = 1.2
const B = 0.75

/** One posting list: documents (internal numbers) and the weighted frequency of the term in each. */
class Postings {
  docs = new Int32Array(4)
  freqs = new Float32Array(4)
  size = 0
  /** Live documents holding the term. */
  live = 0

  /** Drops the room kept for growth (after a bulk load). */
  trim(): void {
    if (this.docs.length === this.size) return
    this.docs = this.docs.slice(0, Math.max(this.size, 1))
    this.freqs = this.freqs.slice(0, Math.max(this.size, 1))
  }

  push(doc: number, freq: number): void {
    if (this.size === this.docs.length) {
      const docs = new Int32Array(this.size * 2)
      docs.set(this.docs)
      this.docs = docs
      const freqs = new Float32Array(this.size * 2)
      freqs.set(this.freqs)
      this.freqs = freqs
    }
    this.docs[this.size] = doc
    this.freqs[this.size++] = freq
  }
}

/** A document as stored: its tokens (term numbers) and where each column's tokens end. */
interface StoredDoc {
  seq: number
  /** Term numbers; 16-bit while the vocabulary allows (half the memory of a large store). */
  tokens: Uint16Array | Int32Array
  columnEnds: Int32Array
}

export interface MemoryBm25Options {
  /** One weight per column, as given to bm25(). */
  weights: readonly number[]
  /** Columns a query searches (the others count only towards the document length). */
  searched: readonly boolean[]
  tokenize: (text: string) => string[]
}

export interface ScoredSeq {
  seq: number
  /** As FTS5's bm25() gives it: the negated score, lower is better. */
  bm25: number
}

export class MemoryBm25 {
  private readonly terms = new Map<string, number>()
  private postings: Postings[] = []
  private docs: (StoredDoc | null)[] = []
  /** Each document's length in tokens (all columns), or -1 once removed: the hot loop's view of `docs`. */
  private lengths = new Int32Array(1024)
  private buffers?: { scores: Float64Array; touched: Int32Array }
  private normCache?: { avgdl: number; count: number; norms: Float64Array }
  private readonly docOfSeq = new Map<number, number>()
  private liveDocs = 0
  private dead = 0
  private totalTokens = 0

  constructor(private readonly options: MemoryBm25Options) {}

  get size(): number {
    return this.liveDocs
  }

  /** Indexes (or re-indexes) a row: one text per column, in the table's column order. */
  set(seq: number, columns: readonly (string | null)[]): void {
    this.remove(seq)
    const tokens: number[] = []
    const columnEnds = new Int32Array(columns.length)
    columns.forEach((text, col) => {
      for (const token of text ? this.options.tokenize(text) : []) tokens.push(this.termOf(token))
      columnEnds[col] = tokens.length
    })
    const narrow = this.postings.length <= 0x10000
    this.insert({ seq, tokens: narrow ? Uint16Array.from(tokens) : Int32Array.from(tokens), columnEnds })
  }

  private insert(stored: StoredDoc): void {
    const doc = this.docs.length
    const freq = new Map<number, number>()
    let start = 0
    stored.columnEnds.forEach((end, col) => {
      const weight = this.options.weights[col]!
      if (this.options.searched[col])
        for (let i = start; i < end; i++)
          freq.set(stored.tokens[i]!, (freq.get(stored.tokens[i]!) ?? 0) + weight)
      start = end
    })
    for (const [term, f] of freq) {
      const list = this.postings[term]!
      list.push(doc, f)
      list.live++
    }
    this.docs.push(stored)
    if (doc === this.lengths.length) {
      const lengths = new Int32Array(doc * 2)
      lengths.set(this.lengths)
      this.lengths = lengths
    }
    this.lengths[doc] = stored.tokens.length
    this.docOfSeq.set(stored.seq, doc)
    this.liveDocs++
    this.totalTokens += stored.tokens.length
  }

  remove(seq: number): void {
    const doc = this.docOfSeq.get(seq)
    if (doc === undefined) return
    const stored = this.docs[doc]!
    const seen = new Set<number>()
    stored.columnEnds.forEach((end, col) => {
      if (!this.options.searched[col]) return
      const start = col === 0 ? 0 : stored.columnEnds[col - 1]!
      for (let i = start; i < end; i++) seen.add(stored.tokens[i]!)
    })
    for (const term of seen) this.postings[term]!.live--
    this.docs[doc] = null
    this.lengths[doc] = -1
    if (this.normCache && doc < this.normCache.count) this.normCache.norms[doc] = -1
    this.docOfSeq.delete(seq)
    this.liveDocs--
    this.dead++
    this.totalTokens -= stored.tokens.length
    if (this.dead > 1000 && this.dead > this.docs.length / 4) this.compact()
  }

  /** Releases the room postings keep for growth: call after loading many rows. */
  trim(): void {
    for (const list of this.postings) list.trim()
  }

  clear(): void {
    this.terms.clear()
    this.postings = []
    this.docs = []
    this.lengths = new Int32Array(1024)
    this.docOfSeq.clear()
    this.liveDocs = this.dead = this.totalTokens = 0
  }

  /**
   * The best `limit` rows matching any of the phrases (each a word as FTS5 would parse it in
   * a quoted string), by BM25. `accept` keeps the rows a filter allows: it is asked about the
   * best rows a batch at a time, so a filter applies before the cut, never after.
   */
  search(phrases: readonly string[], limit: number, accept?: (seqs: number[]) => Set<number>): ScoredSeq[] {
    if (this.liveDocs === 0 || limit <= 0) return []
    const { scores, touched } = this.scratch()
    let touchedCount = 0
    const norms = this.norms()
    for (const phrase of phrases) {
      const matches = this.phraseMatches(this.options.tokenize(phrase))
      if (!matches || matches.live === 0) continue
      let idf = Math.log((this.liveDocs - matches.live + 0.5) / (matches.live + 0.5))
      if (idf <= 0) idf = 1e-6
      const { docs, freqs, size } = matches
      for (let i = 0; i < size; i++) {
        const doc = docs[i]!
        const norm = norms[doc]!
        if (norm < 0) continue
        const f = freqs[i]!
        const score = scores[doc]!
        if (score === 0) touched[touchedCount++] = doc
        scores[doc] = score + (idf * (f * (K1 + 1))) / (f + norm)
      }
    }
    const hits = touched.subarray(0, touchedCount)
    try {
      return this.ranked(hits, scores, limit, accept)
    } finally {
      for (let i = 0; i < hits.length; i++) scores[hits[i]!] = 0
    }
  }

  /**
   * BM25's length normalisation of each document, k1 · (1 − b + b · length / average length),
   * or −1 for a removed one; made again when the average length has changed.
   */
  private norms(): Float64Array {
    const avgdl = this.totalTokens / this.liveDocs
    if (this.normCache?.avgdl === avgdl && this.normCache.count === this.docs.length)
      return this.normCache.norms
    const norms = new Float64Array(this.docs.length)
    for (let doc = 0; doc < this.docs.length; doc++) {
      const length = this.lengths[doc]!
      norms[doc] = length < 0 ? -1 : K1 * (1 - B + (B * length) / avgdl)
    }
    this.normCache = { avgdl, count: this.docs.length, norms }
    return norms
  }

  /** Score accumulators, one per document, kept between searches (all zero between them). */
  private scratch(): { scores: Float64Array; touched: Int32Array } {
    if (!this.buffers || this.buffers.scores.length < this.docs.length) {
      const size = Math.max(1024, this.docs.length * 2)
      this.buffers = { scores: new Float64Array(size), touched: new Int32Array(size) }
    }
    return this.buffers
  }

  private ranked(
    touched: Int32Array,
    scores: Float64Array,
    limit: number,
    accept?: (seqs: number[]) => Set<number>
  ): ScoredSeq[] {
    const better = (a: number, b: number) => scores[b]! - scores[a]! || this.docs[a]!.seq - this.docs[b]!.seq
    const result: ScoredSeq[] = []
    const emit = (docs: number[]) => {
      const allowed = accept?.(docs.map((d) => this.docs[d]!.seq))
      for (const doc of docs) {
        const seq = this.docs[doc]!.seq
        if (result.length < limit && (!allowed || allowed.has(seq))) result.push({ seq, bm25: -scores[doc]! })
      }
    }
    // The best rows first; with a filter, a batch at a time until enough pass it.
    const first = best(touched, scores, accept ? Math.max(limit, FILTER_BATCH) : limit, better)
    emit(first)
    if (result.length < limit && accept && first.length < touched.length) {
      const seen = new Set(first)
      const rest = Array.from(touched)
        .filter((d) => !seen.has(d))
        .sort(better)
      for (let start = 0; start < rest.length && result.length < limit; start += FILTER_BATCH) {
        emit(rest.slice(start, start + FILTER_BATCH))
      }
    }
    return result
  }

  /**
   * The documents holding a phrase (consecutive tokens in one searched column) with its
   * weighted frequency: a term's own postings (removed documents still in them), or for a
   * phrase of several tokens, the rarest token's documents checked in their token sequence.
   */
  private phraseMatches(tokens: string[]): Pick<Postings, 'docs' | 'freqs' | 'size' | 'live'> | undefined {
    const ids = tokens.map((t) => this.terms.get(t))
    if (tokens.length === 0 || ids.some((id) => id === undefined)) return undefined
    if (ids.length === 1) return this.postings[ids[0]!]!
    // Documents holding every token (postings are in document order: a merge), then the order checked.
    const lists = [...new Set(ids as number[])]
      .map((id) => this.postings[id]!)
      .sort((a, b) => a.size - b.size)
    let candidates = Array.from(lists[0]!.docs.subarray(0, lists[0]!.size))
    for (const list of lists.slice(1)) candidates = intersect(candidates, list)
    const found = new Postings()
    const { searched, weights } = this.options
    for (const doc of candidates) {
      const stored = this.docs[doc]
      if (!stored) continue
      const { tokens: sequence, columnEnds } = stored
      let f = 0
      for (let col = 0, start = 0; col < columnEnds.length; start = columnEnds[col++]!) {
        if (!searched[col]) continue
        const end = columnEnds[col]!
        for (let p = start; p + ids.length <= end; p++) {
          let j = 0
          while (j < ids.length && sequence[p + j] === ids[j]) j++
          if (j === ids.length) f += weights[col]!
        }
      }
      if (f > 0) {
        found.push(doc, f)
        found.live++
      }
    }
    return found
  }

  private termOf(token: string): number {
    let id = this.terms.get(token)
    if (id === undefined) {
      id = this.postings.length
      this.terms.set(token, id)
      this.postings.push(new Postings())
    }
    return id
  }

  /** Drops the postings of removed documents, renumbering the live ones. */
  private compact(): void {
    const live = this.docs.filter((d): d is StoredDoc => d !== null)
    this.postings = this.postings.map(() => new Postings())
    this.docs = []
    this.lengths = new Int32Array(1024)
    this.docOfSeq.clear()
    this.liveDocs = this.dead = this.totalTokens = 0
    for (const stored of live) this.insert(stored)
  }
}

/** The documents of a sorted list that a posting list also holds (both in document order). */
function intersect(docs: number[], list: Postings): number[] {
  const out: number[] = []
  let j = 0
  for (const doc of docs) {
    while (j < list.size && list.docs[j]! < doc) j++
    if (j < list.size && list.docs[j] === doc) out.push(doc)
  }
  return out
}

/** Rows checked against a filter at a time. */
const FILTER_BATCH = 256

/**
 * The k best documents by score (ties by `better`), best first: a heap of scores finds the
 * k-th best score, and only the documents at or above it are sorted.
 */
function best(
  docs: Int32Array,
  scores: Float64Array,
  k: number,
  better: (a: number, b: number) => number
): number[] {
  if (docs.length <= k) return Array.from(docs).sort(better)
  const heap = new Float64Array(k) // the k best scores so far, the lowest at heap[0]
  let size = 0
  for (let d = 0; d < docs.length; d++) {
    const score = scores[docs[d]!]!
    if (size < k) {
      let i = size++
      while (i > 0 && heap[(i - 1) >> 1]! > score) {
        heap[i] = heap[(i - 1) >> 1]!
        i = (i - 1) >> 1
      }
      heap[i] = score
    } else if (score > heap[0]!) {
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        if (l >= k) break
        const c = l + 1 < k && heap[l + 1]! < heap[l]! ? l + 1 : l
        if (heap[c]! >= score) break
        heap[i] = heap[c]!
        i = c
      }
      heap[i] = score
    }
  }
  const threshold = heap[0]!
  const chosen: number[] = []
  for (let d = 0; d < docs.length; d++) if (scores[docs[d]!]! >= threshold) chosen.push(docs[d]!)
  return chosen.sort(better).slice(0, k)
}
