/**
 * The tokens SQLite FTS5 indexes for a text under `tokenize = 'porter unicode61 remove_diacritics 2'`
 * (the tokenizer of incidents_fts), computed in JavaScript, token for token: what a MATCH on that
 * table can find. tests/search/fts5Tokens.test.ts checks it against the real FTS5, every codepoint.
 *
 * unicode61: a token is a run of token characters, and the token characters are those of the
 * categories L*, N* and Co of SQLite's own (older) Unicode tables, plus every codepoint those
 * tables do not know (unassigned then, say many newer emoji, and all of plane 16). ASCII
 * letters and digits are token characters; `_`, `-`, `'`, `.`, `/`, `:` and `%` separate. 25
 * combining diacritics (U+0300..U+0331) are not token characters but continue a token already
 * started, and are dropped. Each character is case folded (one codepoint to one, from SQLite's
 * tables, not JavaScript's toLowerCase) and, for remove_diacritics 2, reduced to its base letter
 * (é → e, ǖ → u; ß, æ, ø stay). Outside the BMP only Deseret is folded. A lone surrogate reaches
 * SQLite as U+FFFD, a separator.
 *
 * porter: SQLite's Porter stemmer (Porter's revised rules: bli → ble, logi → log) works on the
 * UTF-8 bytes of a token and leaves tokens shorter than 3 or longer than 64 bytes alone. A byte
 * of a non-ASCII character counts as a consonant, and the rule that undoubles a final double
 * consonant after -ed/-ing compares bytes, so it can cut a character in half (`a⒒ed` → `a` +
 * U+FFFD): such a token reaches JavaScript with U+FFFD in place of the broken bytes.
 *
 * Finally FTS5 cuts a token at 32,768 bytes.
 */

const SEPARATOR = 0
const TOKEN_CHAR = 1
// Class 2: a combining diacritic, which continues a token (and is dropped) but does not start one.

const PORTER_MIN_BYTES = 3
const PORTER_MAX_BYTES = 64
const FTS5_MAX_TOKEN_BYTES = 32768

// The classes of all codepoints from U+0000 on, as runs: a class digit and the run's length in
// base 36. Measured on FTS5 itself (SQLite 3.53), each codepoint alone and inside a token.
const CLASS_RUNS = [
  '01c 1a 07 1q 06 1q 01b 11 07 12 01 11 03 12 01 13 01 1n 01 1v 01 1cq 04 1c 0e 15 07 11 01 11 0h',
  '25 01 27 02 21 01 21 09 21 07 26 04 22 01 22 01q 15 01 18 01 15 02 11 01 132 01 13v 08 15s 06',
  '115 02 14 01 11 01j 117 02 1b 05 11 0m 12 02 117 0l 1a 04 12 01 12r 01 11 0f 12 07 1f 02 11 0e',
  '11 01 11 01 1u 0r 12j 0b 11m 09 12 04 1s 04 11 09 11 03 11 05 12 0f 1q 03 12 01 13p 0r 11 04 11i',
  '03 11 0i 11 07 1a 04 1a 01 1g 03 11k 01 11 07 12 02 12 03 19 01 1a 02 1e 02 16 02 15 03 11k 01',
  '11 05 14 02 12 03 13 01 1u 02 13 01 1b 03 11k 01 11 08 11 03 11 03 1k 02 1c 02 1f 03 11k 01 11',
  '07 12 02 12 03 18 02 1a 02 1c 01 1h 01 11n 05 13 03 11 04 19 01 1r 08 16 03 11m 07 11 03 11 04',
  '17 02 1b 02 1r 01 12 02 11k 01 11 07 11 03 11 04 17 02 1b 02 1u 02 11m 07 11 03 11 04 19 01 1a',
  '02 1l 01 18 02 11y 01 14 06 11 01 11 08 1i 03 11o 01 12 07 14 01 17 09 1a 02 12d 01 12 06 11 02',
  '1b 06 11f 0v 1k 0c 11d 0n 15 0b 11 010 11 0f 11 0d 128 0k 1b 06 16 04 14 03 11 03 12 07 13 04 1d',
  '0c 11 01 1a 06 12j 01 1gx 0c 113 0a 12u 01 1h8 02 1h 01 1q 02 126 03 110 03 1t 05 1r 02 1u 02',
  '11s 0z 11 04 11 01 1y 0f 14a 01 13a 0c 14 0c 14 01 13 02 12y 0h 17 02 1k 0y 1n 05 12 02 11h 0a',
  '11 0t 12 01 1w 07 11 06 12a 05 11b 0h 1l 0z 13 03 1u 0d 11k 0e 18 04 110 0k 13 05 11q 02 11s 08',
  '18 0p 14 01 14 03 15n 013 1l 04 1cd 01 11 03 1b 03 1d 03 1d 03 1d 02 11 02t 15 06 1a 05 1b 05 1h',
  '0q 1m 0x 1f 02 11 04 11 02 1a 01 11 03 15 06 11 01 11 01 11 01 14 01 1b 02 14 05 15 04 11 01 11s',
  '0h0 1c 013 1p 0b 129 026 1m 0e8 11 039 1u 0qh 13 0a 1az 06 14 03 17 04 11 02 134 01 1e 01 12o',
  '027 11 0c 11w 0q 11 02h 1c 05y 1q 0c 14 05 13 0p 19 07 15 02 15 03 12h 04 13 01 12i 01 144 02 14',
  '0a 1w 010 1s 0v 1b 0u 18 01 1f 0w 1a 013 1f 01r 11 074 1534 01s 1h3k 01j 11j 02 17h 03 12n 0g 1w',
  '01 128 08 18 0n 19 02 12v 02 13b 01 13 01 14 01 1n 09 1a 04 11m 04 18 02 11e 0h 19 02 1g 0i 16',
  '03 117 0a 1n 0d 1b 01 1w 04 11b 0r 1g 02 121 0e 1c 01 18 02 1e 04 1n 03 11 01 11g 01 11 03 12 02',
  '15 02 11 01 1s 02 1b 07 13 02 16k 0b 18pe 01kw 15cu 01 1a 01 13s 0g 1ak 02 158 02 12 0q 16 07 19',
  '0z 11 0j 11 04 143 01 11 0f 1a 07 1q 06 1q 0b 13e 07 11 07 1a 07 174 03 11g 09 11l 0h 16 0c 11g',
  '01a 1bl 01 11c 01 1w6 01 15j 01 1v 01 15d 03 11 02 15 04 114 03 14 01 1g 09 112 01 155 07 1xs 03',
  '11h 0m 11e 03 119 0i 11q 03 110 0e 1b 04 11o 03 11c 0e 14 04 1yq 0d 12pk 04 1esd 01a 1g 04 1j1p',
  '06u 1a 013 12 051 1y 01y 156 02f 1oa 01 1p 01 1v 01 1p 01 1v 01 1p 01 1v 01 1p 01 1v 01 1p 01',
  '14ks 02 17i 018 14 02s 1c 0f 12 0e 12 0f 11 0f 11c 0v 11 01o 14 017 123 0t 1d 017 15 09 17 02',
  '14u 0x 1f 06 11 01y 13 0k 1c 011 11 05 1l 0h 1f 01r 11 01 11 052 11 04 13 01q 12 04 1c 0o 143',
  '01y 14 0b 11c 01y 11m 038 1gwi5 01 1u 02o 13k 06o 147bk'
].join(' ')

const FOLDS = [
  '51.+lj b.6=2p 6.+w 1.+-2s 1.4=2t 4.4=2x 4.+w 1.2+-2r 2.4=33 5.+w 1.4=39 4.+-2s 1.+w 2.6=2p',
  '7.+-3o 1.4=2t 4.4=2x 5.2+-3n 2.4=33 6.4=39 4.2*=3d 3.6=2p 6.8=2r 8.2=2s 2.+1 2.a=2t a.8=2v',
  '8.2=2w 2.+1 2.9=2x a.+1 2.2=2y 2.2=2z 3.6=30 6.2*+1 4.6=32 7.+1 2.6=33 6.+1 2.6=36 6.8=37 8.4=38',
  '4.+1 2.c=39 c.2=3b 2.3=3d 3.6=3e 6.+-7g 2.+5u 1.2*+1 4.+5q 1.+1 2.2+5p 2.+1 3.+27 1.+5m 1.+5n',
  '1.+1 2.+5p 1.+5r 2.+5v 1.+5t 1.+1 4.+5v 1.+5x 2.+5y 1.2=33 2.2*+1 4.+62 1.+1 2.+62 3.+1 2.+62',
  '1.2=39 2.2+61 2.2*+1 4.+63 1.+1 4.+1 8.2=cm 3.2=cp 3.2=cs 3.2=2p 2.2=2x 2.2=33 2.a=39 b.2=2p',
  '2.3*+1 6.2=2v 2.2=2z 2.4=33 4.+1 2.+-au 1.2=dv 3.2=2v 2.+-2p 1.+-1k 1.2=32 2.2=2p 2.2*+1 4.4=2p',
  '4.4=2t 4.4=2x 4.4=33 4.4=36 4.4=39 4.2=37 2.2=38 2.+1 2.2=2w 2.+-3m 2.2*+1 4.2=2p 2.2=2t 2.8=33',
  '8.2=3d 8.+8bv 1.+1 2.+-4j 1.+8bs 3.+1 2.+-5f 1.+1x 1.+1z 1.5*+1 56.5=0 6.7=0 9.2*=0 c.+-m3 8.6=0',
  'a.2=0 3.2=0 1s.2*+1 6.+1 g.+12 2.3+11 4.+1s 2.2+1r 3.h+w i.9+w v.+1 d.+8 1.+-u 1.+-p 4.+-f 1.+-m',
  '2.c*+1 o.+-1i 1.+-1c 3.+-1o 1.+-1s 2.+1 2.+-7 1.+1 3.3+-3m 3.g+28 g.w+w 28.h*+1 16.r*+1 1i.+f',
  '1.7*+1 f.18*+1 2p.12+1c 29b.12+5ls 13.+5ls 6.+5ls 2lv.2=2p 2.6=2q 6.2=2r 2.a=2s a.a=2t a.2=2u',
  '2.2=2v 2.a=2w a.4=2x 4.6=2z 6.8=30 8.6=31 6.8=32 8.8=33 8.4=34 4.8=36 8.a=37 a.8=38 8.a=39',
  'a.4=3a 4.a=3b a.4=3c 4.2=3d 2.6=3e 6.+-5ym 1.+-5yb 1.+-5y9 1.+-5y8 2.+-5yg 3.+-5vj 2.o=2p o.g=2t',
  'g.4=2x 4.o=33 o.e=39 e.8=3d 8.3*+1 e.8+-8 g.6+-8 g.8+-8 g.8+-8 g.6+-8 h.4*+-8 f.8+-8 w.8+-8',
  'g.8+-8 g.8+-8 g.2+-8 2.2+-22 2.+-9 2.+-5j9 a.4+-2e 4.+-9 c.2+-8 2.2+-2s e.2+-8 2.2+-34 2.+-7',
  'c.2+-3k 2.2+-3i 2.+-9 8a.+-5st 4.+-6gv 1.+-6h6 7.+s 1a.g+g z.+1 22l.1b+1c 2o.+1 2.+-8af 1.+-2xy',
  '1.+-89z 3.3*+1 6.+-8bg 1.+-8al 1.+-8bj 1.+-8bi 2.+1 3.+1 9.2+-8cf 2.1e*+1 2z.2*+1 7.+1 nym.n*+1',
  '1s.c*+1 4i.7*+1 g.v*+1 1z.2*+1 4.+-r9g 1.5*+1 d.+1 2.+-wmg 3.2*+1 g.5*+1 a.+-wn8 h9z.q+w',
  'yn.14+14'
].join(' ')

// Case folding with the diacritics removed, for codepoints from U+0080 on that FTS5 changes
// (ASCII only folds A-Z). Each entry: `start.count*+delta` or `start.count*=target`: start in
// base 36 from the previous entry's start, count (absent: 1), `*` for every other codepoint,
// then either the offset to add or the fixed result (0: the character is dropped).
// Measured on FTS5 itself like CLASS_RUNS.

const BMP_CLASS = new Uint8Array(0x10000)
/** Runs of the classes above U+FFFF: where each begins, and its class (only separators and token characters). */
const astralRunStart: number[] = []
const astralRunClass: number[] = []
/** The fold of each BMP codepoint: itself, another codepoint, or 0 when FTS5 drops it. */
const BMP_FOLD = new Uint16Array(0x10000)
const ASTRAL_FOLD = new Map<number, number>()

function loadTables(): void {
  let cp = 0
  for (const run of CLASS_RUNS.split(' ')) {
    const cls = run.charCodeAt(0) - 48
    const end = cp + parseInt(run.slice(1), 36)
    if (cp < 0x10000) BMP_CLASS.fill(cls, cp, Math.min(end, 0x10000))
    if (end > 0x10000) {
      astralRunStart.push(Math.max(cp, 0x10000))
      astralRunClass.push(cls)
    }
    cp = end
  }
  if (cp !== 0x110000) throw new Error('fts5Tokens: bad class table')

  for (let c = 0; c < 0x10000; c++) BMP_FOLD[c] = c
  for (let c = 65; c <= 90; c++) BMP_FOLD[c] = c + 32
  let start = 0
  for (const entry of FOLDS.split(' ')) {
    const m = /^([0-9a-z]+)\.([0-9a-z]*)(\*?)([+=])(-?[0-9a-z]+)$/.exec(entry)
    if (!m) throw new Error(`fts5Tokens: bad fold entry ${entry}`)
    start += parseInt(m[1]!, 36)
    const count = m[2] ? parseInt(m[2], 36) : 1
    const step = m[3] ? 2 : 1
    const value = parseInt(m[5]!, 36)
    for (let k = 0; k < count; k++) {
      const c = start + k * step
      const folded = m[4] === '+' ? c + value : value
      if (c < 0x10000) BMP_FOLD[c] = folded
      else ASTRAL_FOLD.set(c, folded)
    }
  }
}
loadTables()

function astralClass(cp: number): number {
  let lo = 0
  let hi = astralRunStart.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (astralRunStart[mid]! <= cp) lo = mid
    else hi = mid - 1
  }
  return astralRunClass[lo]!
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8')

/**
 * The tokens FTS5 (`porter unicode61 remove_diacritics 2`) indexes for `text`, in order: each
 * case folded, without diacritics, and stemmed.
 */
export function fts5Tokens(text: string): string[] {
  const out: string[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    // Skip separators (and diacritics, which cannot start a token).
    let c = text.charCodeAt(i)
    if (c < 0x80) {
      if (BMP_CLASS[c] !== TOKEN_CHAR) {
        i++
        continue
      }
    } else {
      let width = 1
      let cls: number
      if (c < 0xd800 || c > 0xdfff) cls = BMP_CLASS[c]!
      else {
        const lo = i + 1 < n ? text.charCodeAt(i + 1) : 0
        if (c <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
          cls = astralClass(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000)
          width = 2
        } else cls = SEPARATOR
      }
      if (cls !== TOKEN_CHAR) {
        i += width
        continue
      }
    }

    // The common token: ASCII letters and digits only.
    const start = i
    let upper = false
    while (c < 0x80 && BMP_CLASS[c] === TOKEN_CHAR) {
      if (c >= 65 && c <= 90) upper = true
      if (++i === n) break
      c = text.charCodeAt(i)
    }
    let token: string
    if (i === n || c < 0x80 || (BMP_CLASS[c] === SEPARATOR && (c < 0xd800 || c > 0xdfff))) {
      token = upper ? text.slice(start, i).toLowerCase() : text.slice(start, i)
      if (i - start > FTS5_MAX_TOKEN_BYTES) token = token.slice(0, FTS5_MAX_TOKEN_BYTES)
      else token = stem(token, i - start, true)
    } else {
      // A token with non-ASCII characters or diacritics.
      token = foldToken(text, start)
      i = tokenEnd
      if (tokenBytes > FTS5_MAX_TOKEN_BYTES) {
        token = decoder.decode(encoder.encode(token).subarray(0, FTS5_MAX_TOKEN_BYTES))
      } else token = stem(token, tokenBytes, tokenAscii)
    }
    out.push(token)
  }
  return out
}

// What foldToken found besides the token: where it ends, its UTF-8 length, whether it is all ASCII.
let tokenEnd = 0
let tokenBytes = 0
let tokenAscii = true

/** The folded token that starts at `i` (a token character), any characters. */
function foldToken(text: string, i: number): string {
  const n = text.length
  // Characters that fold to themselves are copied a run at a time: `run` is the start of the
  // run not yet copied into `folded`; an uppercase ASCII letter and a non-ASCII character are
  // never in the same run (the run is lowercased as a whole).
  let folded = ''
  let run = i
  let runUpper = false
  let runWide = false
  let bytes = 0
  let ascii = true
  let c = text.charCodeAt(i)
  let width = 1
  if (c >= 0xd800 && c <= 0xdbff) {
    c = ((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000
    width = 2
  }
  for (;;) {
    if (c < 0x80) {
      bytes++
      if (c >= 65 && c <= 90) {
        if (runWide) {
          folded += text.slice(run, i)
          run = i
          runWide = false
        }
        runUpper = true
      }
    } else {
      const f = c < 0x10000 ? BMP_FOLD[c]! : (ASTRAL_FOLD.get(c) ?? c)
      if (f === c) {
        if (runUpper) {
          folded += text.slice(run, i).toLowerCase()
          run = i
          runUpper = false
        }
        runWide = true
        bytes += utf8Length(c)
        ascii = false
      } else {
        if (i > run) folded += runUpper ? text.slice(run, i).toLowerCase() : text.slice(run, i)
        run = i + width
        runUpper = false
        runWide = false
        if (f !== 0) {
          folded += String.fromCodePoint(f)
          bytes += utf8Length(f)
          if (f >= 0x80) ascii = false
        }
      }
    }
    i += width

    // The next character: the token goes on while it is a token character or a diacritic.
    if (i >= n) break
    c = text.charCodeAt(i)
    width = 1
    if (c < 0xd800 || c > 0xdfff) {
      if (BMP_CLASS[c] === SEPARATOR) break
    } else {
      const lo = i + 1 < n ? text.charCodeAt(i + 1) : 0
      if (c > 0xdbff || lo < 0xdc00 || lo > 0xdfff) break
      c = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000
      width = 2
      if (astralClass(c) === SEPARATOR) break
    }
  }
  if (i > run) folded += runUpper ? text.slice(run, i).toLowerCase() : text.slice(run, i)
  tokenEnd = i
  tokenBytes = bytes
  tokenAscii = ascii
  return folded
}

/**
 * FTS5's Porter stemmer on one token as the unicode61 tokenizer hands it over (lowercased,
 * without diacritics): `connections` → `connect`, `ponies` → `poni`, `bgp` → `bgp`.
 */
export function fts5Stem(word: string): string {
  let bytes = 0
  let ascii = true
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c < 0x80) bytes++
    else {
      ascii = false
      if (c < 0x800) bytes += 2
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < word.length) {
        const lo = word.charCodeAt(i + 1)
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          bytes += 4
          i++
        } else bytes += 3
      } else bytes += 3
    }
  }
  return stem(word, bytes, ascii)
}

// ---- The Porter stemmer, on the token's UTF-8 bytes in `w[0..len)` ----

const w = new Uint8Array(PORTER_MAX_BYTES + 16)
let len = 0
/** The lowest index of `w` changed so far: w[0..low) is still the token's own prefix. */
let low = 0

const A = 97
const E = 101
const I = 105
const O = 111
const U = 117
const Y = 121

/** The last letters of the words a step may change: s (1a), d, g (1b), y (1c), and those of the suffixes of steps 2 to 5. */
const MAY_CHANGE = new Uint8Array(128)
for (const c of 'sdgylirnmectu') MAY_CHANGE[c.charCodeAt(0)] = 1

function stem(token: string, bytes: number, ascii: boolean): string {
  if (bytes < PORTER_MIN_BYTES || bytes > PORTER_MAX_BYTES) return token
  const last = token.charCodeAt(token.length - 1)
  if (last >= 0x80 || MAY_CHANGE[last] === 0) return token
  if (ascii) for (let k = 0; k < bytes; k++) w[k] = token.charCodeAt(k)
  else encoder.encodeInto(token, w)
  len = bytes
  low = bytes
  porter()
  if (low === bytes && len === bytes) return token
  if (!ascii) return decoder.decode(w.subarray(0, len))
  let out = token.slice(0, low)
  for (let k = low; k < len; k++) out += String.fromCharCode(w[k]!)
  return out
}

function truncate(n: number): void {
  len = n
  if (n < low) low = n
}

/** Replaces the last `cut` bytes with `by`. */
function replace(cut: number, by: string): void {
  const at = len - cut
  for (let k = 0; k < by.length; k++) w[at + k] = by.charCodeAt(k)
  len = at + by.length
  if (at < low) low = at
}

function endsWith(suffix: string): boolean {
  const n = suffix.length
  if (len <= n) return false // FTS5 wants a non-empty stem before any suffix
  for (let k = 0; k < n; k++) if (w[len - n + k] !== suffix.charCodeAt(k)) return false
  return true
}

function isAEIOU(c: number): boolean {
  return c === A || c === E || c === I || c === O || c === U
}

/** Porter's m of w[0..end): how many times a vowel is followed by a consonant (y after a consonant is a vowel). */
function measure(end: number): number {
  let m = 0
  let prevConsonant: boolean = true
  for (let k = 0; k < end; k++) {
    const c = w[k]!
    const vowel: boolean = isAEIOU(c) || (c === Y && k > 0 && prevConsonant)
    if (!vowel && !prevConsonant) m++
    prevConsonant = !vowel
  }
  return m
}

/** *v*: w[0..end) has a vowel (FTS5 counts a y anywhere but first as one). */
function hasVowel(end: number): boolean {
  for (let k = 0; k < end; k++) {
    const c = w[k]!
    if (isAEIOU(c) || (c === Y && k > 0)) return true
  }
  return false
}

/** *o: w[0..end) ends consonant, vowel, consonant, the last not w, x or y. */
function endsCVC(end: number): boolean {
  const last = w[end - 1]
  if (end < 3 || last === 119 || last === 120 || last === Y) return false
  let pattern = 0
  let prevConsonant = false
  for (let k = 0; k < end; k++) {
    const c = w[k]!
    prevConsonant = !(isAEIOU(c) || (c === Y && prevConsonant))
    pattern = ((pattern << 1) | (prevConsonant ? 1 : 0)) & 7
  }
  return pattern === 5
}

/** One rule of steps 2 to 4: a suffix and what replaces it. */
interface Rule {
  suffix: string
  replacement: string
}

/**
 * The rules of one step by the byte before the token's last (as FTS5 looks them up): of the
 * suffixes listed there, the first that ends the token, with a non-empty stem, decides.
 */
function byLastButOne(list: [string, string][]): (Rule[] | undefined)[] {
  const table: (Rule[] | undefined)[] = new Array<Rule[] | undefined>(128).fill(undefined)
  for (const [suffix, replacement] of list)
    (table[suffix.charCodeAt(suffix.length - 2)] ??= []).push({ suffix, replacement })
  return table
}

const STEP2 = byLastButOne([
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['logi', 'log'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble']
])

const STEP3 = byLastButOne([
  ['ical', 'ic'],
  ['ness', ''],
  ['icate', 'ic'],
  ['iciti', 'ic'],
  ['ful', ''],
  ['ative', ''],
  ['alize', 'al']
])

const STEP4 = byLastButOne(
  [
    'al',
    'ance',
    'ence',
    'er',
    'ic',
    'able',
    'ible',
    'ant',
    'ement',
    'ment',
    'ent',
    'ion',
    'ou',
    'ism',
    'ate',
    'iti',
    'ous',
    'ive',
    'ize'
  ].map((suffix): [string, string] => [suffix, ''])
)

/** The suffix of `step` that ends the token, if any. */
function matchRule(step: (Rule[] | undefined)[]): Rule | undefined {
  if (len < 2) return undefined
  const group = step[w[len - 2]!]
  if (group === undefined) return undefined
  for (let k = 0; k < group.length; k++) if (endsWith(group[k]!.suffix)) return group[k]
  return undefined
}

function porter(): void {
  // Step 1a: sses → ss, ies → i, ss → ss, s → (but FTS5: a 4-byte `sses` and a 3-byte `ies` lose only the s).
  if (w[len - 1] === 115) {
    if (w[len - 2] === E) {
      if ((len > 4 && w[len - 3] === 115 && w[len - 4] === 115) || (len > 3 && w[len - 3] === I))
        truncate(len - 2)
      else truncate(len - 1)
    } else if (w[len - 2] !== 115) truncate(len - 1)
  }

  // Step 1b: (m>0) eed → ee; (*v*) ed →; (*v*) ing →; then at → ate, bl → ble, iz → ize, undouble, or add e.
  let removed = false
  const last = w[len - 1]
  if (last === 100 && w[len - 2] === E && len > 2) {
    if (len > 3 && w[len - 3] === E) {
      if (measure(len - 3) > 0) truncate(len - 1)
    } else if (hasVowel(len - 2)) {
      truncate(len - 2)
      removed = true
    }
  } else if (last === 103 && w[len - 2] === 110 && w[len - 3] === I && len > 3 && hasVowel(len - 3)) {
    truncate(len - 3)
    removed = true
  }
  if (removed) {
    if (endsWith('at')) replace(2, 'ate')
    else if (endsWith('bl')) replace(2, 'ble')
    else if (endsWith('iz')) replace(2, 'ize')
    else {
      const final = w[len - 1]!
      if (
        len >= 2 &&
        final === w[len - 2] &&
        !isAEIOU(final) &&
        final !== 108 &&
        final !== 115 &&
        final !== 122
      )
        truncate(len - 1)
      else if (measure(len) === 1 && endsCVC(len)) replace(0, 'e')
    }
  }

  // Step 1c: (*v*) y → i.
  if (w[len - 1] === Y && hasVowel(len - 1)) replace(1, 'i')

  // Steps 2 and 3: (m>0) ational → ate, ... ; (m>0) icate → ic, ...
  let rule = matchRule(STEP2)
  if (rule && measure(len - rule.suffix.length) > 0) replace(rule.suffix.length, rule.replacement)
  rule = matchRule(STEP3)
  if (rule && measure(len - rule.suffix.length) > 0) replace(rule.suffix.length, rule.replacement)
  // Step 4: (m>1) al →, ... ; (m>1 and (*s or *t)) ion →.
  rule = matchRule(STEP4)
  if (rule) {
    const end = len - rule.suffix.length
    if ((rule.suffix !== 'ion' || w[end - 1] === 115 || w[end - 1] === 116) && measure(end) > 1) truncate(end)
  }

  // Step 5a: (m>1) e →; (m=1 and not *o) e →.
  if (w[len - 1] === E) {
    const m = measure(len - 1)
    if (m > 1 || (m === 1 && !endsCVC(len - 1))) truncate(len - 1)
  }
  // Step 5b: (m>1 and *d and *l) → single l.
  if (len > 1 && w[len - 1] === 108 && w[len - 2] === 108 && measure(len - 1) > 1) truncate(len - 1)
}
