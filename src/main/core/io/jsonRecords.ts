import { createReadStream } from 'node:fs'

/**
 * Reads the records of an incidents.json of any size without holding it as one string.
 * A byte scanner finds where each record starts and ends (structural characters are ASCII,
 * so UTF-8 needs no decoding here); each record alone is then handed to JSON.parse.
 */

export type FileShape = 'array' | 'wrapped' | 'keyed'

export interface RawRecord {
  /** Position among the file's records, from 0. */
  index: number
  /** The member name, for the shape keyed by id. */
  key?: string
  /** The record's JSON text. */
  text: string
}

export class JsonShapeError extends Error {}

export type Source = string | Buffer | { path: string }

const WS = new Uint8Array(256)
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WS[c] = 1
const BOM = [0xef, 0xbb, 0xbf]
const QUOTE = 0x22
const BACKSLASH = 0x5c

const CHUNK_SIZE = 1 << 20

/** The bytes of a source, `chunkSize` at a time (tests pass tiny sizes to split everything). */
async function* chunks(source: Source, chunkSize = CHUNK_SIZE): AsyncGenerator<Buffer> {
  if (typeof source === 'string' || Buffer.isBuffer(source)) {
    const buf = typeof source === 'string' ? Buffer.from(source, 'utf8') : source
    for (let at = 0; at < buf.length; at += chunkSize) yield buf.subarray(at, at + chunkSize)
  } else yield* createReadStream(source.path, { highWaterMark: chunkSize }) as AsyncIterable<Buffer>
}

type Mode = 'detect' | FileShape

/**
 * The scanner. Top level: an array (each element a record), or an object whose members are
 * records (keyed) or whose `incidents` member is an array of records (wrapped).
 */
class Scanner {
  readonly out: RawRecord[] = []
  shape: FileShape | undefined
  private offset = 0 // bytes consumed before the current chunk
  private state:
    | 'start'
    | 'topValueOrEnd' // in the top array: expect a value or ]
    | 'topCommaOrEnd'
    | 'keyOrEnd' // in the top object
    | 'key'
    | 'colon'
    | 'memberValue'
    | 'memberCommaOrEnd'
    | 'innerValueOrEnd' // in the incidents array of a wrapped file
    | 'innerCommaOrEnd'
    | 'done' = 'start'
  private topIsArray = false
  private index = 0
  private sawIncidentsArray = false
  // the value being captured
  private capturing = false
  private keep = false
  private depth = 0
  private inString = false
  private escaped = false
  private scalar = false
  private parts: Buffer[] = []
  /** Closers the captured value still owes, innermost last. */
  private closers: number[] = []
  private after: 'top' | 'member' | 'inner' | 'key' = 'top'
  private currentKey = ''
  /** Bytes of a byte order mark read so far, or -1 once the file is known to have none. */
  private bomAt = 0

  constructor(private readonly mode: Mode) {}

  push(buf: Buffer): void {
    let i = 0
    const n = buf.length
    // A UTF-8 byte order mark at the start of the file is skipped, even when split over chunks.
    while (this.bomAt >= 0 && this.bomAt < BOM.length && i < n) {
      if (buf[i] === BOM[this.bomAt]) {
        this.bomAt++
        i++
      } else if (this.bomAt === 0) this.bomAt = -1
      else this.unexpected(buf[i]!, i, 'the rest of a byte order mark')
    }
    while (i < n) {
      if (this.capturing) {
        i = this.capture(buf, i)
        continue
      }
      const c = buf[i]!
      if (WS[c]) {
        i++
        continue
      }
      switch (this.state) {
        case 'start':
          if (c === 0x5b) {
            this.topIsArray = true
            this.shape = 'array'
            this.state = 'topValueOrEnd'
          } else if (c === 0x7b) {
            this.state = 'keyOrEnd'
          } else {
            throw new JsonShapeError(
              'The file must hold a JSON array of incidents or a JSON object (see incident-format.md).'
            )
          }
          i++
          break
        case 'topValueOrEnd':
        case 'innerValueOrEnd':
          if (c === 0x5d && this.isEmptyList()) {
            this.state = this.state === 'topValueOrEnd' ? 'done' : 'memberCommaOrEnd'
            i++
          } else if (c === 0x5d || c === 0x2c || c === 0x7d || c === 0x3a) {
            this.unexpected(c, i, 'a value')
          } else {
            this.after = this.state === 'topValueOrEnd' ? 'top' : 'inner'
            this.begin(c, this.mode !== 'detect')
          }
          break
        case 'topCommaOrEnd':
        case 'innerCommaOrEnd': {
          const inner = this.state === 'innerCommaOrEnd'
          if (c === 0x2c) this.state = inner ? 'innerValueOrEnd' : 'topValueOrEnd'
          else if (c === 0x5d) this.state = inner ? 'memberCommaOrEnd' : 'done'
          else this.unexpected(c, i, "',' or ']'")
          this.lastWasComma = c === 0x2c
          i++
          break
        }
        case 'keyOrEnd':
        case 'key':
          if (c === 0x7d && this.state === 'keyOrEnd') {
            this.state = 'done'
            i++
          } else if (c === QUOTE) {
            this.after = 'key'
            this.begin(c, true)
          } else this.unexpected(c, i, 'a member name')
          break
        case 'colon':
          if (c !== 0x3a) this.unexpected(c, i, "':'")
          this.state = 'memberValue'
          i++
          break
        case 'memberValue':
          if (this.currentKey === 'incidents' && c === 0x5b) {
            this.sawIncidentsArray = true
            this.state = 'innerValueOrEnd'
            this.lastWasComma = false
            i++
          } else if (c === 0x2c || c === 0x7d || c === 0x5d || c === 0x3a) {
            this.unexpected(c, i, 'a value')
          } else {
            this.after = 'member'
            this.begin(c, this.mode === 'keyed')
          }
          break
        case 'memberCommaOrEnd':
          if (c === 0x2c) this.state = 'key'
          else if (c === 0x7d) this.state = 'done'
          else this.unexpected(c, i, "',' or '}'")
          i++
          break
        case 'done':
          this.unexpected(c, i, 'the end of the file')
      }
    }
    this.offset += n
  }

  end(): void {
    if (this.capturing && this.scalar) this.finish(Buffer.alloc(0), 0, 0)
    if (this.state === 'start') throw new JsonShapeError('The file is empty.')
    if (this.state !== 'done') {
      throw new JsonShapeError(`The JSON ends too early (at byte ${this.offset}): the file is cut short.`)
    }
    if (!this.topIsArray) this.shape = this.sawIncidentsArray ? 'wrapped' : 'keyed'
  }

  private lastWasComma = false

  private isEmptyList(): boolean {
    // ']' is only allowed right after '[' (an empty list), never after a comma.
    return !this.lastWasComma
  }

  private begin(c: number, keep: boolean): void {
    this.capturing = true
    this.keep = keep
    this.depth = 0
    this.inString = false
    this.escaped = false
    this.scalar = !(c === 0x7b || c === 0x5b || c === QUOTE)
    this.parts = []
    this.closers = []
    this.startAt = -1
  }

  private startAt = -1

  /** Consumes bytes of the value being captured; returns the next index to read. */
  private capture(buf: Buffer, i: number): number {
    const n = buf.length
    const start = i
    if (this.startAt < 0) this.startAt = this.offset + i
    if (this.scalar) {
      while (i < n) {
        const c = buf[i]!
        if (WS[c] || c === 0x2c || c === 0x5d || c === 0x7d) return this.finish(buf, start, i)
        i++
      }
      if (this.keep) this.parts.push(buf.subarray(start, n))
      return n
    }
    while (i < n) {
      const c = buf[i]!
      if (this.inString) {
        if (this.escaped) this.escaped = false
        else if (c === BACKSLASH) this.escaped = true
        else if (c === QUOTE) {
          this.inString = false
          if (this.depth === 0) return this.finish(buf, start, i + 1)
        }
      } else if (c === QUOTE) this.inString = true
      else if (c === 0x7b || c === 0x5b) {
        this.depth++
        this.closers.push(c + 2) // '{' + 2 = '}', '[' + 2 = ']'
      } else if (c === 0x7d || c === 0x5d) {
        const owed = this.closers.pop()
        if (owed !== c) this.unexpected(c, i, owed ? `'${String.fromCharCode(owed)}'` : 'a value')
        this.depth--
        if (this.depth === 0) return this.finish(buf, start, i + 1)
      }
      i++
    }
    if (this.keep || this.after === 'key') this.parts.push(buf.subarray(start, n))
    return n
  }

  private finish(buf: Buffer, start: number, end: number): number {
    this.capturing = false
    const keepText = this.keep || this.after === 'key'
    const text = keepText
      ? (this.parts.length
          ? Buffer.concat([...this.parts, buf.subarray(start, end)])
          : buf.subarray(start, end)
        ).toString('utf8')
      : ''
    this.parts = []
    switch (this.after) {
      case 'top':
        if (this.keep) this.out.push({ index: this.index++, text })
        this.state = 'topCommaOrEnd'
        break
      case 'inner':
        if (this.keep) this.out.push({ index: this.index++, text })
        this.state = 'innerCommaOrEnd'
        break
      case 'member':
        if (this.keep) this.out.push({ index: this.index++, key: this.currentKey, text })
        this.state = 'memberCommaOrEnd'
        break
      case 'key':
        try {
          this.currentKey = JSON.parse(text) as string
        } catch {
          throw new JsonShapeError(`Malformed member name near byte ${this.startAt}.`)
        }
        this.state = 'colon'
        break
    }
    this.lastWasComma = false
    return end
  }

  private unexpected(c: number, i: number, wanted: string): never {
    const at = this.offset + i
    const found = c >= 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16)}`
    throw new JsonShapeError(`Malformed JSON at byte ${at}: expected ${wanted}, found ${found}.`)
  }
}

/** Which of the three shapes of incident-format.md a file has (one quick pass). */
export async function detectShape(source: Source, chunkSize?: number): Promise<FileShape> {
  const scanner = new Scanner('detect')
  for await (const chunk of chunks(source, chunkSize)) scanner.push(chunk)
  scanner.end()
  return scanner.shape!
}

/** The records of a file of a known shape, in file order. */
export async function* readRecords(
  source: Source,
  shape: FileShape,
  chunkSize?: number
): AsyncGenerator<RawRecord> {
  const scanner = new Scanner(shape)
  for await (const chunk of chunks(source, chunkSize)) {
    scanner.push(chunk)
    yield* scanner.out.splice(0)
  }
  scanner.end()
  yield* scanner.out.splice(0)
}
