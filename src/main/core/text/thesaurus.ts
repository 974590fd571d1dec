import data from '../../../../resources/thesaurus/networking.json'
import type { Token } from './tokenize'

interface Expansion {
  upper?: boolean
  to: string[]
}

const EXPAND = data.expand as Record<string, Expansion>
const SYNONYMS = new Map<string, string[]>()
for (const group of data.synonyms) {
  for (const word of group) {
    const others = group.filter((w) => w !== word)
    SYNONYMS.set(word, [...(SYNONYMS.get(word) ?? []), ...others])
  }
}

/**
 * The networking thesaurus (resources/thesaurus/networking.json): what an abbreviation or a
 * term means in plain words, and which words engineers use for the same thing.
 */
export const thesaurus = {
  /** The plain words of a term (`AS` -> autonomous system), or none. */
  expansionOf(token: Token): string[] {
    const entry = EXPAND[token.word]
    if (!entry || (entry.upper && !token.upper)) return []
    return entry.to
  },
  synonymsOf(word: string): string[] {
    return SYNONYMS.get(word) ?? []
  },
  knows(word: string): boolean {
    return word in EXPAND || SYNONYMS.has(word)
  },
  terms(): string[] {
    return [...new Set([...Object.keys(EXPAND), ...SYNONYMS.keys()])]
  }
}
