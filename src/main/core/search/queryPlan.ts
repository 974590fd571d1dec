import { isNumeric, tokenize, type Token } from '../text/tokenize'
import { thesaurus } from '../text/thesaurus'
import type { SpellingCorrector } from './spelling'
import { STOPWORDS } from './stopwords'

/** What a query asks, once read: its words (typos fixed), their expansions, and the FTS5 queries. */
export interface QueryPlan {
  /** Query words that carry meaning, after correction. */
  terms: string[]
  /** Corrections made, e.g. { sesion: 'session' }. */
  corrections: Record<string, string>
  /** Thesaurus words added for the terms (synonyms, meanings of abbreviations). */
  expansions: string[]
  /** FTS5 MATCH for the terms themselves ('' when none). */
  keywordMatch: string
  /** FTS5 MATCH for the expansions ('' when none). */
  expansionMatch: string
  /** The text to embed: the corrected query. */
  embeddingText: string
}

const quote = (word: string) => `"${word.replace(/"/g, '""')}"`

/**
 * Reads a query. A word no incident uses and no dictionary knows is taken for a typo and
 * corrected against the corpus vocabulary; real words (even ones the corpus lacks) are kept.
 */
export function planQuery(
  text: string,
  spelling?: SpellingCorrector,
  inDictionary: (word: string) => boolean = () => false
): QueryPlan {
  const corrections: Record<string, string> = {}
  const terms: string[] = []
  const expansions = new Set<string>()
  const words: string[] = []
  for (const token of tokenize(text)) {
    const word = inDictionary(token.word) ? token.word : correct(token, spelling, corrections)
    words.push(token.upper && word === token.word ? token.word.toUpperCase() : word)
    const meaning = thesaurus.expansionOf({ ...token, word })
    if (STOPWORDS.has(word) && meaning.length === 0) continue
    terms.push(word)
    for (const w of meaning) expansions.add(w)
    if (!isNumeric(word)) for (const w of thesaurus.synonymsOf(word)) expansions.add(w)
  }
  const termSet = new Set(terms)
  const extra = [...expansions].filter((w) => !termSet.has(w) && !STOPWORDS.has(w))
  return {
    terms: [...termSet],
    corrections,
    expansions: extra,
    keywordMatch: [...termSet].map(quote).join(' OR '),
    expansionMatch: extra.map(quote).join(' OR '),
    embeddingText: words.join(' ')
  }
}

function correct(token: Token, spelling: SpellingCorrector | undefined, corrections: Record<string, string>) {
  if (!spelling || thesaurus.knows(token.word)) return token.word
  const fixed = spelling.correct(token.word)
  if (!fixed) return token.word
  corrections[token.word] = fixed
  return fixed
}
