import { createHash } from 'node:crypto'
import type { ExportedFileKind } from '../../../shared/testgen'
import { pythonString } from './pythonLiteral'

/**
 * The head every generated file starts with: a module docstring, then machine-readable comment
 * lines, the last of which is the hash that tells an untouched file from one the user edited:
 *
 *   (
 *       "Regression test for Netmortem incident deploy-20251125-120000.\n"
 *       ...
 *   )
 *   # netmortem-kind: pytest
 *   # netmortem-incident: "deploy-20251125-120000"
 *   # netmortem-generated: 2025-11-25T12:00:00.000Z
 *   # netmortem-hash: <sha256 of the whole file without this line>
 *
 * The docstring is one parenthesised run of adjacent double-quoted literals (Python joins them
 * into one constant), so untrusted text in it is escaped like any other literal.
 */

export const HASH_PREFIX = '# netmortem-hash: '
const HASH_LINE = /^# netmortem-hash: ([0-9a-f]{64})\n/m
const KIND_LINE = /^# netmortem-kind: ([a-z]+)$/m
const INCIDENT_LINE = /^# netmortem-incident: ("(?:[ !#-[\]-~]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*")$/m
const GENERATED_LINE = /^# netmortem-generated: (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z)$/m

/** Literals of a docstring are cut to this many characters of text, at a space when one is near. */
const CHUNK = 88

/** Splits one line of text into pieces of about CHUNK code points, preferring to cut after a space. */
function chunks(line: string): string[] {
  const points = [...line]
  const out: string[] = []
  let start = 0
  while (points.length - start > CHUNK) {
    let end = start + CHUNK
    for (let i = end; i > start + CHUNK / 2; i--) {
      if (points[i - 1] === ' ') {
        end = i
        break
      }
    }
    out.push(points.slice(start, end).join(''))
    start = end
  }
  out.push(points.slice(start).join(''))
  return out
}

/** A module docstring holding `text` exactly, as adjacent literals one (part of a) line each. */
export function docstring(text: string): string {
  const lines = text.split('\n')
  const literals: string[] = []
  lines.forEach((line, i) => {
    const parts = chunks(line)
    if (i < lines.length - 1) parts[parts.length - 1] += '\n'
    for (const part of parts) if (part !== '') literals.push(pythonString(part))
  })
  if (literals.length === 0) literals.push('""')
  return `(\n${literals.map((l) => `    ${l}\n`).join('')})\n`
}

/** The incident id as a JSON string of printable ASCII: exact, and safe on a comment line. */
export function asciiJson(text: string): string {
  return JSON.stringify(text).replace(
    /[^\x20-\x7e]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

export interface HeadInput {
  kind: ExportedFileKind
  /** The whole docstring text; may hold untrusted text (it is escaped). */
  doc: string
  incidentId?: string
  /** An ISO time from Date.toISOString(). */
  generatedAt?: string
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** The complete file: head, then `body` (trusted template code with escaped values in it). */
export function assemble(head: HeadInput, body: string): string {
  let before = docstring(head.doc)
  before += `# netmortem-kind: ${head.kind}\n`
  if (head.incidentId !== undefined) before += `# netmortem-incident: ${asciiJson(head.incidentId)}\n`
  if (head.generatedAt !== undefined) {
    if (!GENERATED_LINE.test(`# netmortem-generated: ${head.generatedAt}`)) {
      throw new Error(`not an ISO time: ${head.generatedAt}`)
    }
    before += `# netmortem-generated: ${head.generatedAt}\n`
  }
  const after = `\n${body.endsWith('\n') ? body : `${body}\n`}`
  return `${before}${HASH_PREFIX}${sha256(before + after)}\n${after}`
}

/** What the head of an existing file says about it. */
export interface FileMark {
  /** It carries a netmortem-hash line: Netmortem wrote it. */
  ours: boolean
  /** Its content still matches that hash: nobody edited it since. */
  intact: boolean
  /** The hash the file was written with: that of its content as Netmortem wrote it. */
  hash?: string
  kind?: string
  incidentId?: string
  generatedAt?: string
}

/** Reads the marks of a file's text (CRLF line ends, as git may check files out, count as LF). */
export function readMark(raw: string): FileMark {
  const text = raw.replace(/\r\n/g, '\n')
  const hash = HASH_LINE.exec(text)
  if (!hash) return { ours: false, intact: false }
  const rest = text.slice(0, hash.index) + text.slice(hash.index + hash[0].length)
  const mark: FileMark = { ours: true, intact: sha256(rest) === hash[1], hash: hash[1] }
  const kind = KIND_LINE.exec(text)
  if (kind) mark.kind = kind[1]
  const incident = INCIDENT_LINE.exec(text)
  if (incident) {
    try {
      mark.incidentId = JSON.parse(incident[1]!) as string
    } catch {
      // Not the JSON this module writes: the file is no help in telling whose it is.
    }
  }
  const generated = GENERATED_LINE.exec(text)
  if (generated) mark.generatedAt = generated[1]
  return mark
}

/** Whether two versions of a file say the same (line ends aside). */
export const sameText = (a: string, b: string): boolean =>
  a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n')
