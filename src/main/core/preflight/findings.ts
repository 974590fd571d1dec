import { FINDING_SEVERITY, type Finding, type FindingCode } from '../../../shared/networkModel'

export function finding(code: FindingCode, message: string, devices: string[], path: string): Finding {
  return { code, severity: FINDING_SEVERITY[code], message, devices: [...devices], path }
}

/** A JSON pointer (RFC 6901) from its reference tokens. */
export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => `/${String(t).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}

/** Names in first-seen order, each once. */
export function unique(names: Iterable<string>): string[] {
  return [...new Set(names)]
}

/** `0 and 3`, `0, 3 and 7`. */
export function listing(items: (string | number)[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** `twice`, `3 times`. */
export function times(n: number): string {
  return n === 2 ? 'twice' : `${n} times`
}

/** A value as it appeared in the file, short enough for one line. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}
