import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { asciiJson, docstring } from '../../src/main/core/testgen/header'
import { pythonComment, pythonString, pythonTuple } from '../../src/main/core/testgen/pythonLiteral'
import { HOSTILE, runPython } from './support'

/**
 * Reads each snippet as a Python module and reports its statements: the type of each, and the
 * value of the first when it is an expression statement holding one constant.
 */
const READ_SNIPPETS = String.raw`
import ast, json, sys
out = []
for source in json.load(sys.stdin):
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        out.append({"error": str(error)})
        continue
    first = tree.body[0] if tree.body else None
    value = None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        value = first.value.value
    elif isinstance(first, ast.Assign) and isinstance(first.value, (ast.Constant, ast.Tuple)):
        value = ast.literal_eval(first.value)
    out.append({"statements": [type(n).__name__ for n in tree.body], "value": value})
json.dump(out, sys.stdout, ensure_ascii=True)
`

interface Snippet {
  error?: string
  statements?: string[]
  value?: unknown
}

async function readSnippets(sources: string[]): Promise<Snippet[]> {
  const run = await runPython(['-c', READ_SNIPPETS], { input: JSON.stringify(sources) })
  expect(run.stderr).toBe('')
  return JSON.parse(run.stdout) as Snippet[]
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/** Any JavaScript string: every UTF-16 unit, lone surrogates included, mixed with hostile pieces. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE.slice(0, -1)), fc.string({ unit: 'binary', maxLength: 5 })), {
      maxLength: 6
    })
    .map((parts) => parts.join(''))
)

describe('pythonString', () => {
  it('is a plain double-quoted literal of printable ASCII, never raw or triple-quoted', () => {
    for (const text of [...HOSTILE, '', '"', '""', "'"]) {
      const literal = pythonString(text)
      expect(literal).toMatch(PRINTABLE_ASCII)
      expect(literal).toMatch(/^"(?:[^"\\]|\\.)*"$/)
    }
    expect(pythonString('a"b\\c\nd\u0000é\u2028😀\ud800')).toBe(
      '"a\\"b\\\\c\\nd\\x00\\xe9\\u2028\\U0001f600\\ud800"'
    )
  })

  it('reads back in Python as exactly the same string, whatever the string (fast-check)', async () => {
    const texts = [...HOSTILE, ...fc.sample(anyText, { numRuns: 600, seed: 42 })]
    const results = await readSnippets(texts.map((t) => `${pythonString(t)}\n`))
    results.forEach((r, i) => {
      expect(r.error, JSON.stringify(texts[i])).toBeUndefined()
      expect(r.statements).toEqual(['Expr'])
      expect(r.value).toBe(texts[i])
    })
  })

  it('makes tuples that read back item for item', async () => {
    const lists = [[], ['a'], HOSTILE.slice(0, 5), ['\u0000', '\ud800', '"""']]
    const results = await readSnippets(lists.map((l) => `X = ${pythonTuple(l)}\n`))
    results.forEach((r, i) => {
      expect(r.statements).toEqual(['Assign'])
      expect(r.value).toEqual(lists[i])
    })
  })
})

describe('pythonComment', () => {
  it('keeps a comment on its line: printable ASCII, no line break, nothing else parsed', async () => {
    const texts = [...HOSTILE, ...fc.sample(anyText, { numRuns: 300, seed: 7 })]
    for (const text of texts) expect(pythonComment(text)).toMatch(PRINTABLE_ASCII)
    const results = await readSnippets(texts.map((t) => `x = 1  # ${pythonComment(t)}\ny = 2\n`))
    results.forEach((r, i) => {
      expect(r.error, JSON.stringify(texts[i])).toBeUndefined()
      expect(r.statements).toEqual(['Assign', 'Assign'])
    })
    expect(pythonComment('line one\nimport os\u2028é')).toBe('line one import os \\xe9')
  })
})

describe('docstring', () => {
  it('holds the text exactly as one docstring, and nothing else', async () => {
    const texts = [
      ...HOSTILE,
      'plain',
      '',
      '\n',
      'a\n\nb\n',
      ...fc.sample(anyText, { numRuns: 300, seed: 3 })
    ]
    const results = await readSnippets(texts.map((t) => `${docstring(t)}X = 1\n`))
    results.forEach((r, i) => {
      expect(r.error, JSON.stringify(texts[i])).toBeUndefined()
      expect(r.statements).toEqual(['Expr', 'Assign'])
      expect(r.value).toBe(texts[i])
    })
    for (const text of texts) expect(docstring(text).replace(/\n/g, '')).toMatch(PRINTABLE_ASCII)
  })
})

describe('asciiJson (the incident id on a comment line)', () => {
  it('is printable ASCII and parses back to the exact id', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const json = asciiJson(text)
        expect(json).toMatch(PRINTABLE_ASCII)
        expect(JSON.parse(json)).toBe(text)
      }),
      { numRuns: 500 }
    )
  })
})
