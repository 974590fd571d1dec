/**
 * How the keyword and vector signals are fused into one ranking. Both are normalised to 0..1
 * within the candidates of one query and combined linearly; the weights were chosen on the
 * labelled development set (`npm run eval:search`), where a weak static-vector signal must
 * be weighted below BM25 to help rather than hurt.
 */
export interface FusionWeights {
  /** Weight of BM25 on the query's own words. */
  keyword: number
  /** Weight of BM25 on thesaurus expansions. */
  expansion: number
  /** Weight of vector similarity. */
  vector: number
}

export const DEFAULT_FUSION: FusionWeights = { keyword: 0.5, expansion: 0.1, vector: 0.4 }

export interface Signals {
  keyword?: { rank: number; bm25: number; score: number }
  expansion?: { rank: number; bm25: number; score: number }
  vector?: { rank: number; similarity: number; score: number }
}

export interface Fused {
  seq: number
  score: number
  signals: Signals
}

export interface RankedHits {
  keyword: { seq: number; bm25: number }[]
  expansion: { seq: number; bm25: number }[]
  vector: { seq: number; distance: number }[]
}

export function fuse(hits: RankedHits, weights: FusionWeights): Fused[] {
  const bySeq = new Map<number, Fused>()
  const entry = (seq: number) => {
    let e = bySeq.get(seq)
    if (!e) bySeq.set(seq, (e = { seq, score: 0, signals: {} }))
    return e
  }
  const bm25Side = (list: { seq: number; bm25: number }[], side: 'keyword' | 'expansion') => {
    const best = list.length ? -list[0]!.bm25 : 0
    list.forEach((h, rank) => {
      const score = best > 0 ? -h.bm25 / best : 0
      entry(h.seq).signals[side] = { rank: rank + 1, bm25: h.bm25, score }
    })
  }
  bm25Side(hits.keyword, 'keyword')
  bm25Side(hits.expansion, 'expansion')
  if (hits.vector.length) {
    const sims = hits.vector.map((h) => 1 - h.distance)
    const top = sims[0]!
    const floor = Math.min(...sims)
    hits.vector.forEach((h, rank) => {
      const similarity = sims[rank]!
      const score = top > floor ? (similarity - floor) / (top - floor) : 1
      entry(h.seq).signals.vector = { rank: rank + 1, similarity, score }
    })
  }
  for (const e of bySeq.values()) {
    e.score =
      weights.keyword * (e.signals.keyword?.score ?? 0) +
      weights.expansion * (e.signals.expansion?.score ?? 0) +
      weights.vector * (e.signals.vector?.score ?? 0)
  }
  return [...bySeq.values()].sort((a, b) => b.score - a.score || a.seq - b.seq)
}
