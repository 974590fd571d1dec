/** A word of a text, lowercased, remembering whether it was written in capitals (AS vs as). */
export interface Token {
  word: string
  upper: boolean
}

const WORD = /[\p{L}\p{N}]+(?:[-'.][\p{L}\p{N}]+)*/gu
const LETTERS_THEN_DIGITS = /^(\p{L}{2,})(\d[\d/.:]*)$/u

/**
 * Splits text into words the way engineers write them: `err-disabled` and `10.0.1.1` stay whole,
 * `Ethernet49`, `Po1` and `AS65001` split into the name and the number, `BGP` keeps that it
 * was in capitals. Punctuation and log decorations (`%LINK-3-UPDOWN:`) separate words.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const match of text.matchAll(WORD)) {
    const raw = match[0]
    const split = LETTERS_THEN_DIGITS.exec(raw)
    if (split) {
      push(out, split[1]!)
      push(out, split[2]!)
    } else push(out, raw)
  }
  return out
}

function push(out: Token[], raw: string): void {
  const word = raw.toLowerCase()
  out.push({ word, upper: raw.length > 1 && raw === raw.toUpperCase() && /\p{L}/u.test(raw) })
}

/** Words of a text that carry meaning: no pure numbers or addresses. */
export function isNumeric(word: string): boolean {
  return /^[\d./:-]+$/.test(word)
}
