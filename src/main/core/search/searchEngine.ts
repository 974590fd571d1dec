import type { IncidentSummary } from '../../../shared/incident'
import {
  MARK_END,
  MARK_START,
  type SearchFilters,
  type SearchMode,
  type SearchResponse,
  type SearchResult
} from '../../../shared/search'
import type { Embedder } from '../embeddings/embedder'
import type { IncidentStore } from '../store/incidentStore'
import type { KeywordIndex } from '../store/keywordIndex'
import type { VectorStore } from '../store/vectorStore'
import { tokenize } from '../text/tokenize'
import { DEFAULT_FUSION, fuse, type FusionWeights, type RankedHits } from './fusion'
import { KeywordSearch } from './keywordSearch'
import { planQuery, type QueryPlan } from './queryPlan'
import { SpellingCorrector } from './spelling'

export interface SearchOptions {
  limit?: number
  mode?: SearchMode
  filters?: SearchFilters
  /** Incidents never to return (the incident whose neighbours are sought). */
  exclude?: string[]
  fusion?: FusionWeights
}

export interface SearchDeps {
  store: IncidentStore
  keywords: KeywordIndex
  vectors: VectorStore
  embedder: () => Promise<Embedder>
  /** Whether a word is a real word (not a typo), beyond the corpus itself. */
  inDictionary?: (word: string) => boolean
  /** Keep large stores' keyword index in memory (long-running processes; see KeywordSearch). */
  keywordsInMemory?: boolean
  warn?: (message: string) => void
}

/**
 * Hybrid similar-incident search: FTS5 BM25 on the query's words and, separately, on their
 * thesaurus expansions, fused with sqlite-vec nearest neighbours of the query's embedding.
 * Filters are applied inside each query, before any top-k cut. Every result says which
 * signals found it and how strongly.
 */
export class SearchEngine {
  private spelling?: { version: string; corrector: SpellingCorrector }
  private readonly keywordSearch: KeywordSearch

  constructor(private readonly deps: SearchDeps) {
    this.keywordSearch = new KeywordSearch(
      deps.store,
      deps.keywords,
      deps.keywordsInMemory ?? false,
      deps.warn
    )
  }

  /** Prepares the in-memory keyword index of a large store (searches meanwhile use FTS5). */
  warm(): Promise<void> {
    return this.keywordSearch.warm()
  }

  async search(text: string, options: SearchOptions = {}): Promise<SearchResponse> {
    const mode = options.mode ?? 'hybrid'
    const limit = options.limit ?? 10
    const corrector = this.corrector()
    const plan = planQuery(text, corrector, this.deps.inDictionary)
    const { where, params } = this.deps.store.filterOf(options.filters ?? {})
    const exclude = new Set(options.exclude ?? [])
    const depth = Math.max(50, (limit + exclude.size) * 5)
    const hits: RankedHits = { keyword: [], expansion: [], vector: [] }
    if (mode !== 'vector') {
      hits.keyword = this.keywordSearch.search(plan.terms, depth, where, params)
      hits.expansion = this.keywordSearch.search(plan.expansions, depth, where, params)
    }
    if (mode !== 'keyword' && plan.embeddingText.trim()) {
      const embedder = await this.deps.embedder()
      const [query] = await embedder.embed([plan.embeddingText])
      hits.vector = where
        ? this.deps.vectors.nearestWhere(query!, depth, where, params)
        : this.deps.vectors.nearest(query!, depth)
    }
    // Excluded incidents leave before fusion, so that scores are relative to what can be returned
    // (an incident's own text finds itself first: kept, it would deflate every other score).
    const excluded = new Set([...exclude].map((id) => this.deps.store.seqOf(id)))
    const kept = (h: { seq: number }) => !excluded.has(h.seq)
    hits.keyword = hits.keyword.filter(kept)
    hits.expansion = hits.expansion.filter(kept)
    hits.vector = hits.vector.filter(kept)
    const weights = options.fusion ?? DEFAULT_FUSION
    // One signal alone keeps the weights' proportions of its own side.
    const fused = fuse(hits, mode === 'hybrid' ? weights : { ...weights, vector: 1 })
    const summaries = this.deps.store.summariesBySeq(fused.slice(0, depth).map((f) => f.seq))
    const chosen = fused
      .filter((f) => summaries.has(f.seq) && !exclude.has(summaries.get(f.seq)!.id))
      .slice(0, limit)
    const results: SearchResult[] = chosen.map((f) => {
      const summary = summaries.get(f.seq)!
      return {
        ...summary,
        score: round(f.score),
        signals: roundSignals(f.signals),
        matched_terms: matchedTerms(plan, summary),
        highlight: highlight(summary.description, [...plan.terms, ...plan.expansions])
      }
    })
    return {
      query: text,
      mode,
      corrections: plan.corrections,
      expansions: plan.expansions,
      results
    }
  }

  private corrector(): SpellingCorrector {
    const version = this.deps.keywords.version()
    if (this.spelling?.version !== version) {
      this.spelling = {
        version,
        corrector: new SpellingCorrector(this.deps.keywords.vocabulary(), this.deps.store.count())
      }
    }
    return this.spelling.corrector
  }
}

const stemOf = (w: string) => w.slice(0, Math.max(4, w.length - 3))

/** The text with the words that match the query (or a form of them) between the markers. */
function highlight(text: string, words: string[]): string {
  const exact = new Set(words)
  const stems = new Set(words.map(stemOf))
  return text.replace(/[\p{L}\p{N}]+(?:[-'.][\p{L}\p{N}]+)*/gu, (word) => {
    const lower = word.toLowerCase()
    return exact.has(lower) || stems.has(stemOf(lower)) ? `${MARK_START}${word}${MARK_END}` : word
  })
}

function matchedTerms(plan: QueryPlan, summary: IncidentSummary): string[] {
  const words = new Set(
    tokenize(
      [summary.description, summary.root_cause ?? '', summary.category.replace(/_/g, ' ')].join(' ')
    ).map((t) => t.word)
  )
  const stems = new Set([...words].map(stemOf))
  return [...plan.terms, ...plan.expansions].filter((t) => words.has(t) || stems.has(stemOf(t)))
}

const round = (x: number) => Math.round(x * 10000) / 10000

function roundSignals(signals: ReturnType<typeof fuse>[number]['signals']): SearchResult['signals'] {
  const out: SearchResult['signals'] = {}
  if (signals.keyword) out.keyword = { rank: signals.keyword.rank, score: round(signals.keyword.score) }
  if (signals.expansion)
    out.expansion = { rank: signals.expansion.rank, score: round(signals.expansion.score) }
  if (signals.vector) {
    out.vector = {
      rank: signals.vector.rank,
      score: round(signals.vector.score),
      similarity: round(signals.vector.similarity)
    }
  }
  return out
}
