/**
 * Untrusted text (an incident's id, description, device names: imported backups come from other
 * people) enters generated Python only through these functions. A string becomes a plain
 * double-quoted literal in which everything but printable ASCII is escaped, so the generated file
 * is pure ASCII: no quote, backslash, newline, NUL or bidirectional control can end the literal,
 * start a statement, or make the file read differently from how it runs. Never a raw, triple-quoted
 * or f-string literal.
 */

const hex = (value: number, width: number) => value.toString(16).padStart(width, '0')

/** One code point (or lone surrogate) as it may appear inside a double-quoted Python literal. */
function escapeChar(ch: string): string {
  const cp = ch.codePointAt(0)!
  switch (cp) {
    case 0x5c:
      return '\\\\'
    case 0x22:
      return '\\"'
    case 0x0a:
      return '\\n'
    case 0x0d:
      return '\\r'
    case 0x09:
      return '\\t'
  }
  if (cp >= 0x20 && cp <= 0x7e) return ch
  if (cp <= 0xff) return `\\x${hex(cp, 2)}`
  // Lone surrogates come out as \udXXX: Python accepts them in a str literal, as JavaScript does.
  if (cp <= 0xffff) return `\\u${hex(cp, 4)}`
  return `\\U${hex(cp, 8)}`
}

/** The body of a Python string literal (no quotes) that reads back as exactly `text`. */
export function escapePythonText(text: string): string {
  let out = ''
  // for..of walks code points; a lone surrogate comes through as one unit.
  for (const ch of text) out += escapeChar(ch)
  return out
}

/** `text` as a double-quoted Python str literal that evaluates to exactly `text`. */
export function pythonString(text: string): string {
  return `"${escapePythonText(text)}"`
}

/** A tuple of str literals: `("a", "b")`, `("a",)`, `()`. */
export function pythonTuple(items: readonly string[]): string {
  if (items.length === 0) return '()'
  if (items.length === 1) return `(${pythonString(items[0]!)},)`
  return `(${items.map(pythonString).join(', ')})`
}

/**
 * A dict of str to tuple of str, one entry a line, indented by four spaces: the per-device
 * tables of a pyATS script.
 */
export function pythonDictOfTuples(entries: readonly [string, readonly string[]][]): string {
  if (entries.length === 0) return '{}'
  return `{\n${entries.map(([key, values]) => `    ${pythonString(key)}: ${pythonTuple(values)},\n`).join('')}}`
}

const MAX_COMMENT = 200

/**
 * Text for a `#` comment: one line of printable ASCII. Line breaks and other control
 * characters become spaces (a comment must not end early), and anything else outside ASCII is
 * written as a visible \\uXXXX escape, so nothing in it can hide or reorder code.
 */
export function pythonComment(text: string): string {
  let out = ''
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x20 || cp === 0x7f || cp === 0x85 || cp === 0x2028 || cp === 0x2029) out += ' '
    else if (cp <= 0x7e) out += ch
    else out += escapeChar(ch)
  }
  out = out.replace(/ +/g, ' ').trim()
  return out.length > MAX_COMMENT ? `${out.slice(0, MAX_COMMENT - 3)}...` : out
}

/**
 * A Python identifier made of ASCII letters, digits and underscores from trusted text (a finding
 * code, a check name): `VLAN_DUPLICATE_ID` -> `vlan_duplicate_id`.
 */
export function pythonName(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return /^[a-z_]/.test(name) ? name : `_${name}`
}
