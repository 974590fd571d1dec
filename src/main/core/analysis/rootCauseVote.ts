import type { CauseGroup } from '../../../shared/analysis'
import { STOPWORDS } from '../search/stopwords'
import { thesaurus } from '../text/thesaurus'
import { isNumeric, tokenize } from '../text/tokenize'

/**
 * Grouping root causes that say the same thing in different words, and the similarity-weighted
 * vote over them.
 *
 * A root cause is reduced to a set of normalised words: lowercased, without stopwords, numbers
 * and addresses, each word that the networking thesaurus knows replaced by one representative of
 * its synonym group (`twice`, `duplicated` and `conflict` all become one word), other words
 * lightly stemmed (`configured`, `configuring` -> `configur`). Two causes say the same thing when
 * the Jaccard similarity of their word sets reaches a threshold.
 */

/**
 * Jaccard similarity from which two root causes are taken to say the same thing. Measured on the
 * development set, over the pairs of resolved incidents found together among the top 10
 * candidates of a held-out incident (77 pairs with the same cause, 775 with different ones):
 * >= 0.1 joins 26 same-cause and 16 other pairs, >= 0.15 joins 13 and 1, >= 0.2 joins 3 and 0.
 * The development set words each cause differently on purpose, so few pairs are joined at all.
 */
export const CAUSE_GROUP_MIN_JACCARD = 0.15

/** Suffixes stripped by the light stemmer, longest first. */
const SUFFIXES = ['ing', 'ed', 'es', 's']

export function stem(word: string): string {
  let w = word.replace(/'s$/, '')
  for (const suffix of SUFFIXES) {
    if (w.length - suffix.length < (suffix === 's' ? 2 : 3) || !w.endsWith(suffix)) continue
    if (suffix === 's' && /(ss|us|is)$/.test(w)) break
    if (suffix === 'es' && !/(ch|sh|x|ss|zz)es$/.test(w)) continue
    w = w.slice(0, -suffix.length)
    break
  }
  return w.length > 3 && w.endsWith('e') ? w.slice(0, -1) : w
}

/** One word for all the words of a thesaurus synonym group (the first of them in sort order). */
function canonical(word: string): string {
  const synonyms = thesaurus.synonymsOf(word)
  if (synonyms.length === 0) return stem(word)
  return [word, ...synonyms].sort()[0]!
}

/** The normalised words of a root cause (or any short text). */
export function causeWords(text: string): Set<string> {
  const out = new Set<string>()
  for (const { word } of tokenize(text)) {
    if (word.length < 2 || isNumeric(word) || STOPWORDS.has(word)) continue
    out.add(canonical(word))
  }
  return out
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0
  let common = 0
  for (const w of a) if (b.has(w)) common++
  return common / (a.size + b.size - common)
}

/** How alike two root causes are (0..1). */
export function causeSimilarity(a: string, b: string): number {
  return jaccard(causeWords(a), causeWords(b))
}

export interface Vote {
  id: string
  /** The root cause voted for. */
  text: string
  /** The vote's weight: the similar incident's fused search score. */
  weight: number
}

/**
 * Groups votes whose causes say the same thing. Votes are taken heaviest first; each joins the
 * group holding the cause most like its own, if that reaches `threshold`, else starts a group.
 * A group's text is its heaviest member's cause. Groups are returned heaviest first (ties: the
 * group whose best member came first).
 */
export function groupCauses(votes: Vote[], threshold = CAUSE_GROUP_MIN_JACCARD): CauseGroup[] {
  const ordered = votes
    .map((v, order) => ({ ...v, order, words: causeWords(v.text) }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
  const groups: { members: typeof ordered; weight: number; first: number }[] = []
  // Causes sharing no word are never alike: only members sharing a word are compared.
  const byWord = new Map<string, { words: Set<string>; group: number }[]>()
  for (const vote of ordered) {
    let best = -1
    let bestSimilarity = 0
    const seen = new Set<Set<string>>()
    for (const word of vote.words) {
      for (const member of byWord.get(word) ?? []) {
        if (seen.has(member.words)) continue
        seen.add(member.words)
        const similarity = jaccard(member.words, vote.words)
        const better =
          similarity > bestSimilarity || (similarity === bestSimilarity && best >= 0 && member.group < best)
        if (similarity >= threshold && better) {
          best = member.group
          bestSimilarity = similarity
        }
      }
    }
    if (best < 0) {
      best = groups.length
      groups.push({ members: [], weight: 0, first: vote.order })
    }
    groups[best]!.members.push(vote)
    groups[best]!.weight += vote.weight
    for (const word of vote.words) {
      let list = byWord.get(word)
      if (!list) byWord.set(word, (list = []))
      list.push({ words: vote.words, group: best })
    }
  }
  const total = ordered.reduce((sum, v) => sum + v.weight, 0)
  return groups
    .sort((a, b) => b.weight - a.weight || a.first - b.first)
    .map((g) => ({
      root_cause: g.members[0]!.text,
      representative: g.members[0]!.id,
      incidents: g.members.map((m) => m.id),
      weight: round(g.weight),
      share: total > 0 ? round(g.weight / total) : 0
    }))
}

const round = (x: number) => Math.round(x * 1000) / 1000
