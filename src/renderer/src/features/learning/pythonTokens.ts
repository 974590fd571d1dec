/** A tiny Python tokenizer for the regression test preview: enough to colour, not to parse. */

export type TokenKind = 'comment' | 'string' | 'keyword' | 'number' | 'decorator' | 'text'

export interface Token {
  kind: TokenKind
  text: string
}

const KEYWORDS = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield'
])

// Order matters: comments, then strings (triple quoted first, with an optional prefix),
// decorators, numbers, words; anything else is one character of plain text.
const PATTERN =
  /(#[^\n]*)|((?:[rbuf]|rb|br|fr|rf)?(?:"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?))|(@[A-Za-z_][\w.]*)|(\b\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?\b)|([A-Za-z_]\w*)/gi

export function tokenize(code: string): Token[] {
  const tokens: Token[] = []
  const push = (kind: TokenKind, text: string) => {
    const last = tokens[tokens.length - 1]
    if (kind === 'text' && last?.kind === 'text') last.text += text
    else tokens.push({ kind, text })
  }
  let at = 0
  for (const match of code.matchAll(PATTERN)) {
    const index = match.index
    if (index > at) push('text', code.slice(at, index))
    const [text, comment, string, decorator, number, word] = match
    if (comment !== undefined) push('comment', text)
    else if (string !== undefined) push('string', text)
    else if (decorator !== undefined) push('decorator', text)
    else if (number !== undefined) push('number', text)
    else if (word !== undefined) push(KEYWORDS.has(word) ? 'keyword' : 'text', text)
    at = index + text.length
  }
  if (at < code.length) push('text', code.slice(at))
  return tokens
}
