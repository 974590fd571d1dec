/**
 * Typo correction against the corpus vocabulary: a query word that no incident uses is replaced
 * by the most frequent corpus word within a small edit distance (one edit for words of 4 to 7
 * letters, two from 8), counting a swap of neighbouring letters as one edit.
 */
export class SpellingCorrector {
  private readonly byLength = new Map<number, [string, number][]>()

  constructor(
    private readonly vocabulary: Map<string, number>,
    /** How many incidents the vocabulary counts. */
    readonly documents = 0
  ) {
    for (const [word, df] of vocabulary) {
      if (!/^\p{L}[\p{L}-]*$/u.test(word)) continue
      const list = this.byLength.get(word.length) ?? []
      list.push([word, df])
      this.byLength.set(word.length, list)
    }
  }

  /** How many incidents use a word. */
  frequency(word: string): number {
    return this.vocabulary.get(word) ?? 0
  }

  knows(word: string): boolean {
    return this.vocabulary.has(word)
  }

  /** The corrected word, or undefined when the word is known, too short, or nothing is close. */
  correct(word: string): string | undefined {
    if (word.length < 4 || this.vocabulary.has(word) || !/^\p{L}+$/u.test(word)) return undefined
    const maxEdits = word.length >= 8 ? 2 : 1
    let best: string | undefined
    let bestEdits = Infinity
    let bestDf = -1
    for (let len = word.length - maxEdits; len <= word.length + maxEdits; len++) {
      for (const [candidate, df] of this.byLength.get(len) ?? []) {
        const edits = distance(word, candidate, maxEdits)
        if (edits > maxEdits) continue
        if (edits < bestEdits || (edits === bestEdits && df > bestDf)) {
          best = candidate
          bestEdits = edits
          bestDf = df
        }
      }
    }
    return best
  }
}

/** Optimal-string-alignment distance, giving up (returning limit + 1) once it exceeds limit. */
export function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  const n = b.length
  let prev2 = new Array<number>(n + 1).fill(0)
  let prev = Array.from({ length: n + 1 }, (_, j) => j)
  let cur = new Array<number>(n + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = cur[0]
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > limit) return limit + 1
    ;[prev2, prev, cur] = [prev, cur, prev2]
  }
  return prev[n]!
}
