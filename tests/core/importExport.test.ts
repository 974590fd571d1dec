import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INCIDENT_FIELDS, type Incident } from '../../src/shared/incident'
import { EXPORT_SHAPES, type ExportShape, type ImportReport } from '../../src/shared/api'
import { openNetmortem, type NetmortemService } from '../../src/main/core/service'
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../src/main/core/io/exportIncidents'
import { detectShape, readRecords, type RawRecord, type Source } from '../../src/main/core/io/jsonRecords'
import {
  FIXED_NOW,
  expectFtsInSync,
  expectOneLine,
  ftsMatch,
  makeIncident,
  netmortemError,
  networkModel,
  snapshot,
  workspace
} from './support/helpers'

const ws = workspace()

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Every stored record, by id. */
function records(service: NetmortemService): Incident[] {
  return service.listFullIncidents({ sort: 'id', direction: 'asc' })
}

async function exported(service: NetmortemService, shape: ExportShape = 'wrapped'): Promise<string> {
  const path = join(ws.dir(), `incidents-${shape}.json`)
  const result = await service.exportFile(path, shape)
  expect(result.path).toBe(path)
  return readFileSync(path, 'utf8')
}

const clean = (report: Partial<ImportReport>): ImportReport => ({
  added: 0,
  updated: 0,
  skipped: 0,
  failed: 0,
  errors: [],
  ...report
})

/** Records whose every string is hard: emoji, CJK, RTL, NUL, lone surrogates, and unknown fields. */
function trickyRecords(): Incident[] {
  return [
    makeIncident(1, {
      description: 'Déploiement échoué 🚀🔥 — 配置错误 — خطأ في التوجيه — עברית \u202Eevil\u202C',
      affected_devices: ['交换机-1', 'נתב-2', 'leaf-😀', 'spine\u00001'],
      root_cause: 'nul \u0000 byte, tab \t, newline \n, quote " backslash \\ slash /',
      resolution: '\u2028line separator\u2029 and \uFEFF zero width',
      resolved_at: '2025-01-02T03:04:05.123456+00:00',
      regression_test: 'def test_x():\n    assert "é" == "\\u00e9"\n',
      tags: ['🏷️', 'тег', '标签', ''],
      network_model: {
        设备: { 名字: 'core-1', emoji: '🛰️', rtl: 'مرحبا' },
        lone_high: 'a\ud800b',
        lone_low: 'x\udfffy',
        reversed_pair: '\ude00\ud83d',
        pair: '\ud83d\ude00',
        '': 'empty key',
        '\u0000key': 'nul key',
        nested: [[[]], {}, null, true, false, 0, -1.5e300, 1e-7, 0.1, 9007199254740992, 1e21]
      },
      validation_errors: [
        { error: 'bad \u0000 value', type: 'x' },
        { code: 'E1', severity: 'error', message: '😀', devices: ['交换机-1'], extra: { deep: [1] } }
      ],
      config_changes: ['+ description 🚀', { line: 'ip address 10.0.0.1/31' }, 42, null, [true]],
      未知字段: '值',
      'emoji_🔑': { ok: true },
      lone_surrogate_field: '\udc00',
      nothing: null,
      flag: false,
      zero: 0,
      list: []
    }),
    makeIncident(2, {
      id: 'ид-🚀-設定',
      category: 'категория_неизвестная',
      description: '',
      ['__proto__']: { looks: 'dangerous', but: 'is just a field' },
      constructor: 'also a field',
      toString: 'and this'
    }),
    makeIncident(3, { network_model: networkModel(3, 2), timestamp: '2025-11-25T12:00:00.999999+05:30' })
  ]
}

describe('import: the three shapes of incidents.json', () => {
  const a = makeIncident(1)
  const b = makeIncident(2, { tags: ['x'] })

  it('a JSON array', async () => {
    const service = ws.open()
    const report = await service.importText(JSON.stringify([a, b]))
    expect(report).toEqual(clean({ shape: 'array', added: 2 }))
    expect(records(service)).toStrictEqual([a, b])
  })

  it('{"incidents": [...]} with other top-level keys, objects and arrays before and after', async () => {
    const service = ws.open()
    const text = `{
      "format": "something-else", "version": 7,
      "meta": {"incidents": [{"id": "decoy-1", "timestamp": "2025-01-01"}], "note": "a } and a ] in a string",
               "deep": {"a": [1, {"b": "]"}, []], "c": {}}},
      "list": [{"id": "decoy-2", "timestamp": "2025-01-01"}, "]", "}", null],
      "incidents": ${JSON.stringify([a, b], null, 2)},
      "after": {"x": {"incidents": "no"}, "y": [1, 2, {"z": "}"}],
                "id": "decoy-3", "timestamp": "2025-01-01"},
      "count": 2, "ok": true, "nothing": null, "pi": 3.14
    }`
    const report = await service.importText(text)
    expect(report).toEqual(clean({ shape: 'wrapped', added: 2 }))
    expect(records(service)).toStrictEqual([a, b])
  })

  it('an object keyed by id, a record without id taking its key', async () => {
    const service = ws.open()
    const { id: _drop, ...noId } = makeIncident(3, { description: 'no id of its own' })
    const text = JSON.stringify({
      'deploy-20251125-120000': noId,
      [a.id]: a,
      'a-key-that-differs': b
    })
    const report = await service.importText(text)
    expect(report).toEqual(clean({ shape: 'keyed', added: 3 }))
    expect(service.getIncident('deploy-20251125-120000')).toStrictEqual({
      ...makeIncident(3, { description: 'no id of its own' }),
      id: 'deploy-20251125-120000'
    })
    // A record that has an id keeps it, whatever its key.
    expect(service.getIncident(b.id)).toStrictEqual(b)
    expect(service.listIncidents().total).toBe(3)
  })

  it('empty files of each shape import nothing, and say which shape they were', async () => {
    const service = ws.open()
    expect(await service.importText('[]')).toEqual(clean({ shape: 'array' }))
    expect(await service.importText('{"incidents": [], "count": 0}')).toEqual(clean({ shape: 'wrapped' }))
    expect(await service.importText('{}')).toEqual(clean({ shape: 'keyed' }))
    expect(await service.importText(' \n[\n]\n ')).toEqual(clean({ shape: 'array' }))
  })

  it('fills defaults for missing fields of an imported record', async () => {
    const service = ws.open()
    await service.importText('[{"id": "old-1", "timestamp": "2024-05-01T10:00:00", "error": "legacy"}]')
    expect(service.getIncident('old-1')).toStrictEqual({
      ...makeIncident(0, {
        id: 'old-1',
        timestamp: '2024-05-01T10:00:00',
        severity: 'medium',
        category: 'uncategorized',
        description: '',
        affected_devices: []
      }),
      error: 'legacy'
    })
  })

  it('accepts a UTF-8 byte order mark at the start, from text and from a file', async () => {
    const service = ws.open()
    const report = await service.importText(`\uFEFF${JSON.stringify([a])}`)
    expect(report).toEqual(clean({ shape: 'array', added: 1 }))
    const path = join(ws.dir(), 'bom.json')
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ incidents: [b] }))])
    )
    expect(await service.importFile(path)).toEqual(clean({ shape: 'wrapped', added: 1 }))
    expect(records(service)).toStrictEqual([a, b])
  })

  it('reports a file that cannot be read as IO_ERROR', async () => {
    const service = ws.open()
    const missing = join(ws.dir(), 'missing.json')
    const err = await netmortemError(() => service.importFile(missing))
    expect(err.code).toBe('IO_ERROR')
    expectOneLine(err.message)
    expect(err.message).toContain(missing)
    // A folder passes an existence check but cannot be read as a file.
    const folder = ws.dir()
    const notFile = await netmortemError(() => service.importFile(folder))
    expect(notFile.code).toBe('IO_ERROR')
    expectOneLine(notFile.message)
    expect(notFile.message).toBe(`Cannot read ${folder}: it is a folder.`)
  })
})

describe('export then import into an empty database gives back every record, field for field', () => {
  it.each(EXPORT_SHAPES)('in the %s shape', async (shape) => {
    const source = ws.open()
    const tricky = trickyRecords()
    // Import from JSON text with the lone surrogates and NUL escaped, as Python's json.dumps writes them.
    const text = JSON.stringify(tricky)
    expect(text).toContain('\\ud800')
    expect(text).toContain('\\u0000')
    expect(await source.importText(text)).toEqual(clean({ shape: 'array', added: 3 }))
    const expected = (JSON.parse(text) as Incident[]).sort(byId)
    expect(records(source)).toStrictEqual(expected)

    const file = await exported(source, shape)
    const parsed = JSON.parse(file) as unknown
    if (shape === 'wrapped') {
      expect(parsed).toMatchObject({
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exported_at: FIXED_NOW.toISOString(),
        count: 3
      })
      expect(Object.keys(parsed as object)).toEqual([
        'format',
        'version',
        'exported_at',
        'count',
        'incidents'
      ])
    } else if (shape === 'array') expect(parsed).toHaveLength(3)
    else expect(Object.keys(parsed as object).sort()).toEqual(expected.map((i) => i.id).sort())

    const target = ws.open()
    const path = join(ws.dir(), 'backup.json')
    writeFileSync(path, file)
    expect(await target.importFile(path)).toEqual(clean({ shape, added: 3 }))
    const back = records(target)
    expect(back).toStrictEqual(expected)
    // Field order too: the contract's fields first, then the unknown ones in the order they came.
    back.forEach((record, i) => {
      const original = expected[i]!
      const unknown = Object.keys(original).filter((k) => !(INCIDENT_FIELDS as readonly string[]).includes(k))
      expect(Object.keys(record)).toEqual([...INCIDENT_FIELDS, ...unknown])
    })
    // The weird ones explicitly, so that a lenient comparison cannot hide a loss.
    const first = target.getIncident('inc-000001') as Record<string, unknown>
    const model = first.network_model as Record<string, unknown>
    expect(model.lone_high).toBe('a\ud800b')
    expect(model.reversed_pair).toBe('\ude00\ud83d')
    expect(model['\u0000key']).toBe('nul key')
    expect(first.root_cause).toContain('\u0000')
    expect(first.lone_surrogate_field).toBe('\udc00')
    const second = target.getIncident('ид-🚀-設定') as Record<string, unknown>
    expect(Object.getPrototypeOf(second)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(second, '__proto__')?.value).toEqual({
      looks: 'dangerous',
      but: 'is just a field'
    })
    expect(second.constructor).toBe('also a field')
    // And exporting the copy gives the same file, byte for byte.
    expect(await exported(target, shape)).toBe(file)
    expectFtsInSync(target)
  })

  it('every shape holds the same records', async () => {
    const source = ws.open()
    await source.importText(JSON.stringify(trickyRecords()))
    const results: Incident[][] = []
    for (const shape of EXPORT_SHAPES) {
      const target = ws.open()
      await target.importText(await exported(source, shape))
      results.push(records(target))
    }
    expect(results[1]).toStrictEqual(results[0])
    expect(results[2]).toStrictEqual(results[0])
  })

  it('an empty database exports files that import as empty', async () => {
    const source = ws.open()
    for (const shape of EXPORT_SHAPES) {
      const file = await exported(source, shape)
      expect(await ws.open().importText(file)).toEqual(clean({ shape }))
    }
  })
})

describe('timestamps written by Python', () => {
  const stamps = [
    '2025-11-25T12:00:00.123456+00:00',
    '2025-11-25T12:00:00.123456',
    '2025-11-25 12:00:00.654321+05:30',
    '2025-11-25T11:00:00-01:00',
    '2025-11-25T12:00:00Z',
    '2025-11-25'
  ]

  it('are accepted, kept verbatim through export and import, and compared as instants', async () => {
    const service = ws.open()
    const input = stamps.map((timestamp, n) =>
      makeIncident(n, { timestamp, resolved_at: n % 2 ? '2025-11-26T08:00:00.999999+00:00' : null })
    )
    expect(await service.importText(JSON.stringify(input))).toEqual(clean({ shape: 'array', added: 6 }))
    for (const incident of input) expect(service.getIncident(incident.id)).toStrictEqual(incident)
    const file = await exported(service)
    for (const s of stamps) expect(file).toContain(`"timestamp":"${s}"`)
    const copy = ws.open()
    await copy.importText(file)
    expect(records(copy)).toStrictEqual(records(service))
    // Newest first by the instant, not by the text: 12:00:00.123456Z (n0, n1) = 12:00:00Z + 123 ms,
    // 06:30:00.654321Z (n2), 12:00:00Z (n3, n4), the start of the day (n5).
    expect(service.listIncidents().items.map((i) => i.id)).toEqual([
      'inc-000000',
      'inc-000001',
      'inc-000003',
      'inc-000004',
      'inc-000002',
      'inc-000005'
    ])
    expect(service.listIncidents({ since: '2025-11-25T12:00:00.1+00:00' }).total).toBe(2)
  })
})

describe('conflicts with records already stored', () => {
  const t = (h: number) => `2025-06-01T${String(h).padStart(2, '0')}:00:00Z`
  const stored = [
    makeIncident(1, { timestamp: t(1), description: 'stored A' }),
    makeIncident(2, { timestamp: t(1), resolved_at: t(10), root_cause: 'x', description: 'stored B' }),
    makeIncident(3, { timestamp: t(5), description: 'stored C' }),
    makeIncident(4, { timestamp: t(5), description: 'stored D' })
  ]
  const incoming = [
    // A: later timestamp than stored: newer.
    makeIncident(1, { timestamp: t(2), description: 'incoming A' }),
    // B: later timestamp, but the stored record was resolved later still: older.
    makeIncident(2, { timestamp: t(3), description: 'incoming B' }),
    // C: the same instant written another way (+02:00): not newer.
    makeIncident(3, { timestamp: '2025-06-01T07:00:00+02:00', description: 'incoming C' }),
    // D: an earlier timestamp but resolved after the stored one: newer by resolved_at.
    makeIncident(4, { timestamp: t(0), resolved_at: t(6), root_cause: 'y', description: 'incoming D' }),
    makeIncident(5, { description: 'incoming E' })
  ]

  async function run(policy: 'skip' | 'overwrite' | 'newer') {
    const service = ws.open()
    for (const r of stored) await service.addIncident(r)
    const report = await service.importText(JSON.stringify({ incidents: incoming }), policy)
    return { service, report }
  }

  it('skip keeps every stored record and adds the new ones', async () => {
    const { service, report } = await run('skip')
    expect(report).toEqual(clean({ shape: 'wrapped', added: 1, skipped: 4 }))
    expect(records(service)).toStrictEqual([...stored, incoming[4]!])
    expectFtsInSync(service)
  })

  it('overwrite replaces every stored record', async () => {
    const { service, report } = await run('overwrite')
    expect(report).toEqual(clean({ shape: 'wrapped', added: 1, updated: 4 }))
    expect(records(service)).toStrictEqual(incoming)
    expect(ftsMatch(service, 'stored')).toEqual([])
    expect(ftsMatch(service, 'incoming')).toHaveLength(5)
    expectFtsInSync(service)
  })

  it('newer replaces a record only when max(timestamp, resolved_at) is later', async () => {
    const { service, report } = await run('newer')
    expect(report).toEqual(clean({ shape: 'wrapped', added: 1, updated: 2, skipped: 2 }))
    expect(records(service)).toStrictEqual([incoming[0], stored[1], stored[2], incoming[3], incoming[4]])
    expect(
      service
        .listIncidents({ status: 'resolved' })
        .items.map((i) => i.id)
        .sort()
    ).toEqual(['inc-000002', 'inc-000004'])
    expectFtsInSync(service)
  })

  it('the default is skip; importing the same file twice changes nothing the second time', async () => {
    const service = ws.open()
    const text = JSON.stringify(incoming)
    expect(await service.importText(text)).toEqual(clean({ shape: 'array', added: 5 }))
    const before = snapshot(service)
    expect(await service.importText(text)).toEqual(clean({ shape: 'array', skipped: 5 }))
    expect(await service.importText(text, 'newer')).toEqual(clean({ shape: 'array', skipped: 5 }))
    expect(snapshot(service)).toEqual(before)
  })
})

describe('a file that is wrong changes nothing and says what is wrong', () => {
  async function seededService(): Promise<NetmortemService> {
    const service = ws.open()
    for (let n = 1; n <= 3; n++)
      await service.addIncident(makeIncident(n, { network_model: networkModel(n, 1) }))
    return service
  }
  const good = JSON.stringify([makeIncident(10), makeIncident(11)])

  const malformed: [string, string, RegExp][] = [
    [
      'a truncated file',
      good.slice(0, good.length - 40),
      /ends too early \(at byte \d+\): the file is cut short/
    ],
    ['a file cut after a record', good.slice(0, good.indexOf('},{') + 1), /ends too early/],
    ['a file cut inside a string', '[{"id": "a", "description": "unfinished', /ends too early/],
    ['trailing garbage', `${good} garbage`, /at byte \d+: expected the end of the file, found 'g'/],
    ['a second value after the first', `${good}\n[]`, /expected the end of the file, found '\['/],
    [
      'a bad bracket',
      '[{"id": "a", "timestamp": "2025-01-01T00:00:00Z"]]',
      /at byte 48: expected '}', found ']'/
    ],
    ['a bad bracket deep inside', '[{"id": "a", "x": [1, 2}]', /at byte 23: expected '\]', found '}'/],
    ['a closing bracket too many', '[{"id": "a"}]]', /at byte 13: expected the end of the file, found ']'/],
    ['a trailing comma', '[{"id": "a"},]', /at byte 13: expected a value, found ']'/],
    ['a missing comma between records', '[{"id": "a"} {"id": "b"}]', /expected ',' or ']', found '{'/],
    ['a trailing comma in an object', '{"a": {"id": "a"},}', /expected a member name, found '}'/],
    ['a missing colon', '{"a" {"id": "a"}}', /expected ':', found '{'/],
    ['an empty file', '', /The file is empty/],
    ['a file of white space', ' \n\t\r\n ', /The file is empty/],
    ['a byte order mark alone', '\uFEFF', /The file is empty/],
    ['a number', '42', /must hold a JSON array of incidents or a JSON object/],
    ['a string', '"incidents"', /must hold a JSON array of incidents or a JSON object/],
    ['null', 'null', /must hold a JSON array of incidents or a JSON object/],
    ['true', 'true', /must hold a JSON array of incidents or a JSON object/],
    ['a member name that is not a string', '{incidents: []}', /expected a member name, found 'i'/]
  ]

  it.each(malformed)('%s', async (_name, text, message) => {
    const service = await seededService()
    const before = snapshot(service)
    const fromText = await netmortemError(() => service.importText(text))
    expect(fromText.code).toBe('INVALID_INPUT')
    expectOneLine(fromText.message)
    expect(fromText.message).toMatch(/^Nothing was imported\. /)
    expect(fromText.message).toMatch(message)
    const path = join(ws.dir(), 'bad.json')
    writeFileSync(path, text)
    const fromFile = await netmortemError(() => service.importFile(path, 'overwrite'))
    expect(fromFile.message).toBe(fromText.message)
    expect(snapshot(service)).toEqual(before)
  })

  /** Bad records of every kind among good ones; the comment says what each is. */
  const badRecords: unknown[] = [
    makeIncident(20), // 0 good
    makeIncident(21, { severity: 5 }), // 1
    makeIncident(22, { affected_devices: 'leaf-01' }), // 2
    makeIncident(23, { timestamp: 'yesterday' }), // 3
    makeIncident(24, { validation_errors: [1] }), // 4
    'not an object', // 5
    null, // 6
    [makeIncident(26)], // 7
    makeIncident(28, { id: 'dup' }), // 8 good, but its id comes again
    makeIncident(29, { id: 'dup' }), // 9
    { timestamp: '2025-01-01T00:00:00Z' }, // 10 no id
    makeIncident(31, { severity: 'urgent', tags: 'one', resolved_at: 'later' }), // 11, three problems
    makeIncident(32, { id: '   ' }), // 12 blank id
    makeIncident(33, { network_model: 'a string' }), // 13
    makeIncident(34) // 14 good
  ]
  const expectedProblems = [
    { index: 1, id: 'inc-000021', field: 'severity', reason: expect.stringMatching(/critical/) },
    { index: 2, id: 'inc-000022', field: 'affected_devices', reason: expect.stringMatching(/array/) },
    { index: 3, id: 'inc-000023', field: 'timestamp', reason: expect.stringMatching(/ISO 8601/) },
    {
      index: 4,
      id: 'inc-000024',
      field: 'validation_errors.0',
      reason: expect.stringMatching(/expected record/)
    },
    { index: 5, field: '(record)', reason: 'must be a JSON object' },
    { index: 6, field: '(record)', reason: 'must be a JSON object' },
    { index: 7, field: '(record)', reason: 'must be a JSON object' },
    { index: 9, id: 'dup', field: 'id', reason: expect.stringMatching(/same id as record 8/) },
    { index: 10, field: 'id', reason: expect.any(String) },
    { index: 11, id: 'inc-000031', field: 'resolved_at', reason: expect.stringMatching(/ISO 8601/) },
    { index: 11, id: 'inc-000031', field: 'severity', reason: expect.stringMatching(/critical/) },
    { index: 11, id: 'inc-000031', field: 'tags', reason: expect.stringMatching(/array/) },
    { index: 12, id: '   ', field: 'id', reason: expect.stringMatching(/blank/) },
    { index: 13, id: 'inc-000033', field: 'network_model', reason: expect.any(String) }
  ]
  const sortProblems = (list: ImportReport['errors']) =>
    [...list].sort((p, q) => (p.index ?? 0) - (q.index ?? 0) || p.field.localeCompare(q.field))

  const single: [string, unknown, Record<string, unknown>][] = [
    ['severity 5', makeIncident(50, { severity: 5 }), { id: 'inc-000050', field: 'severity' }],
    [
      'affected_devices "leaf-01"',
      makeIncident(50, { affected_devices: 'leaf-01' }),
      { id: 'inc-000050', field: 'affected_devices' }
    ],
    [
      'timestamp "yesterday"',
      makeIncident(50, { timestamp: 'yesterday' }),
      { id: 'inc-000050', field: 'timestamp' }
    ],
    [
      'validation_errors [1]',
      makeIncident(50, { validation_errors: [1] }),
      { id: 'inc-000050', field: 'validation_errors.0' }
    ],
    ['a record that is a string', 'incident', { field: '(record)', reason: 'must be a JSON object' }],
    ['a record that is an array', [makeIncident(50)], { field: '(record)', reason: 'must be a JSON object' }],
    ['a duplicate id', makeIncident(51, { id: 'inc-000001' }), { id: 'inc-000001', field: 'id' }]
  ]

  it.each(single)('one bad record among good ones (%s) fails the whole file', async (_name, bad, problem) => {
    const service = await seededService()
    const before = snapshot(service)
    // inc-000001 is stored already: under overwrite the good records would change it, if written.
    const text = JSON.stringify([makeIncident(1, { description: 'changed' }), bad, makeIncident(60)])
    const report = await service.importText(text, 'overwrite')
    expect(report).toEqual({
      shape: 'array',
      added: 0,
      updated: 0,
      skipped: 0,
      failed: 1,
      errors: [{ index: 1, reason: expect.any(String), ...problem }]
    })
    expect(report.errors[0]!.reason.length).toBeGreaterThan(5)
    expect(snapshot(service)).toEqual(before)
  })

  it('a report lists every bad record (index, id, field, reason) and nothing is written', async () => {
    const service = await seededService()
    const before = snapshot(service)
    const report = await service.importText(JSON.stringify(badRecords), 'overwrite')
    expect(report).toMatchObject({ shape: 'array', added: 0, updated: 0, skipped: 0, failed: 12 })
    expect(report.more_errors).toBeUndefined()
    expect(sortProblems(report.errors)).toEqual(expectedProblems)
    expect(snapshot(service)).toEqual(before)
  })

  it('the same in the wrapped shape, read from a file', async () => {
    const service = await seededService()
    const before = snapshot(service)
    const path = join(ws.dir(), 'bad.json')
    writeFileSync(path, JSON.stringify({ meta: { x: 1 }, incidents: badRecords, more: {} }, null, 2))
    const report = await service.importFile(path)
    expect(report).toMatchObject({ shape: 'wrapped', added: 0, failed: 12 })
    expect(sortProblems(report.errors)).toEqual(expectedProblems)
    expect(snapshot(service)).toEqual(before)
  })

  it('in the keyed shape a bad record is named by its key', async () => {
    const service = await seededService()
    const before = snapshot(service)
    const text = JSON.stringify({
      good: makeIncident(1, { id: 'good-one' }),
      'bad-severity': { timestamp: '2025-01-01T00:00:00Z', severity: 5 },
      'not-an-object': 17,
      'bad-id': { id: 7, timestamp: '2025-01-01T00:00:00Z' },
      'a-dup': makeIncident(2, { id: 'good-one' })
    })
    const report = await service.importText(text)
    expect(report).toMatchObject({ shape: 'keyed', added: 0, failed: 4 })
    expect(report.errors).toEqual([
      { index: 1, id: 'bad-severity', field: 'severity', reason: expect.any(String) },
      { index: 2, id: 'not-an-object', field: '(record)', reason: 'must be a JSON object' },
      { index: 3, id: 'bad-id', field: 'id', reason: expect.any(String) },
      { index: 4, id: 'good-one', field: 'id', reason: expect.stringMatching(/same id as record 0/) }
    ])
    expect(snapshot(service)).toEqual(before)
  })

  it('a record that is not valid JSON inside a well-formed file is reported as such', async () => {
    const service = await seededService()
    const before = snapshot(service)
    const text = `[${JSON.stringify(makeIncident(40))}, {"id": "x" "timestamp": 1}, {"id": tru}, 12e, -]`
    const report = await service.importText(text)
    expect(report).toMatchObject({ added: 0, failed: 4 })
    expect(report.errors.map((e) => [e.index, e.field])).toEqual([
      [1, '(record)'],
      [2, '(record)'],
      [3, '(record)'],
      [4, '(record)']
    ])
    for (const e of report.errors) expect(e.reason).toMatch(/^malformed JSON: /)
    expect(snapshot(service)).toEqual(before)
  })

  it('a file where every record is bad lists the first thousand problems and counts the rest', async () => {
    const service = await seededService()
    const before = snapshot(service)
    const bad = Array.from({ length: 1200 }, (_, n) => makeIncident(n, { severity: 'urgent' }))
    const report = await service.importText(JSON.stringify(bad))
    expect(report.failed).toBe(1200)
    expect(report.errors).toHaveLength(1000)
    expect(report.more_errors).toBe(200)
    expect(report.errors.map((e) => e.index)).toEqual(Array.from({ length: 1000 }, (_, n) => n))
    expect(snapshot(service)).toEqual(before)
  })
})

describe('export', () => {
  it('writes a complete file and leaves no temporary file', async () => {
    const service = ws.open()
    for (let n = 0; n < 1234; n++) await service.addIncident(makeIncident(n))
    const dir = ws.dir()
    const path = join(dir, 'incidents.json')
    expect(await service.exportFile(path)).toEqual({ exported: 1234, path })
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { count: number; incidents: Incident[] }
    expect(parsed.count).toBe(1234)
    expect(parsed.incidents).toHaveLength(1234)
    // Oldest first, one record per line.
    expect(parsed.incidents[0]!.id).toBe('inc-000000')
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(1234 + 3)
    expect(readdirSync(dir)).toEqual(['incidents.json'])
  })

  it('replaces an existing file', async () => {
    const service = ws.open()
    await service.addIncident(makeIncident(1))
    const dir = ws.dir()
    const path = join(dir, 'incidents.json')
    writeFileSync(path, 'old content that is longer than nothing '.repeat(1000))
    await service.exportFile(path, 'array')
    expect(JSON.parse(readFileSync(path, 'utf8'))).toStrictEqual([makeIncident(1)])
    expect(readdirSync(dir)).toEqual(['incidents.json'])
  })

  it('to a folder that does not exist fails with a clear IO_ERROR and leaves nothing behind', async () => {
    const service = ws.open()
    await service.addIncident(makeIncident(1))
    const dir = ws.dir()
    const path = join(dir, 'no', 'such', 'folder', 'incidents.json')
    const err = await netmortemError(() => service.exportFile(path))
    expect(err.code).toBe('IO_ERROR')
    expectOneLine(err.message)
    expect(err.message).toBe(`Cannot write ${path}: the folder does not exist`)
    expect(existsSync(join(dir, 'no'))).toBe(false)
    expect(readdirSync(dir)).toEqual([])
  })

  it('over a folder fails with IO_ERROR, and removes its temporary file', async () => {
    const service = ws.open()
    await service.addIncident(makeIncident(1))
    const dir = ws.dir()
    mkdirSync(join(dir, 'incidents.json'))
    writeFileSync(join(dir, 'incidents.json', 'inside'), 'kept')
    const err = await netmortemError(() => service.exportFile(join(dir, 'incidents.json')))
    expect(err.code).toBe('IO_ERROR')
    expectOneLine(err.message)
    expect(readdirSync(dir)).toEqual(['incidents.json'])
    expect(readFileSync(join(dir, 'incidents.json', 'inside'), 'utf8')).toBe('kept')
  })

  it('a relative path is resolved against the working folder', async () => {
    const service = ws.open()
    const dir = ws.dir()
    const cwd = process.cwd()
    process.chdir(dir)
    try {
      const result = await service.exportFile('relative.json')
      expect(result.path).toBe(join(process.cwd(), 'relative.json'))
    } finally {
      process.chdir(cwd)
    }
    expect(readdirSync(dir)).toEqual(['relative.json'])
  })
})

describe('export while the database changes', () => {
  it('writes each record once even when one already written moves later meanwhile', async () => {
    const service = ws.open()
    for (let n = 0; n < 1500; n++)
      await service.addIncident(makeIncident(n, { network_model: networkModel(n, 2) }))
    // The CLI, on its own connection, edits while the app exports.
    const cli = ws.track(openNetmortem({ dbPath: service.db.name }))
    const dir = ws.dir()
    const path = join(dir, 'backup.json')
    const exporting = service.exportFile(path)
    let edited = false
    let done = false
    void exporting.finally(() => (done = true))
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve))
      const tmp = readdirSync(dir).find((name) => name.endsWith('.tmp'))
      if (!edited && tmp && statSync(join(dir, tmp)).size > 0) {
        // The first page (oldest records) is written: move its first record to the end of time.
        await cli.updateIncident('inc-000000', { timestamp: '2099-01-01T00:00:00Z' })
        edited = true
      }
    }
    expect(edited).toBe(true)
    const result = await exporting
    const ids = (JSON.parse(readFileSync(path, 'utf8')) as { incidents: Incident[] }).incidents.map(
      (i) => i.id
    )
    expect(new Set(ids).size).toBe(ids.length)
    expect(result.exported).toBe(ids.length)
    // The backup imports: it is a usable backup.
    expect(await ws.open().importFile(path)).toMatchObject({ added: ids.length, failed: 0 })
  })
})

describe('two imports at once on one service', () => {
  it('each applies its own records', async () => {
    const service = ws.open()
    const first = Array.from({ length: 300 }, (_, n) => makeIncident(n))
    const second = Array.from({ length: 200 }, (_, n) => makeIncident(1000 + n))
    const dir = ws.dir()
    writeFileSync(join(dir, 'first.json'), JSON.stringify(first))
    writeFileSync(join(dir, 'second.json'), JSON.stringify({ incidents: second }))
    const [a, b, c] = await Promise.all([
      service.importFile(join(dir, 'first.json')),
      service.importFile(join(dir, 'second.json')),
      service.importText(JSON.stringify([makeIncident(5000)]))
    ])
    expect(a).toEqual(clean({ shape: 'array', added: 300 }))
    expect(b).toEqual(clean({ shape: 'wrapped', added: 200 }))
    expect(c).toEqual(clean({ shape: 'array', added: 1 }))
    expect(records(service)).toStrictEqual([...first, ...second, makeIncident(5000)])
    // No staging table is left over.
    expect(
      service.db.prepare("SELECT count(*) FROM temp.sqlite_schema WHERE type = 'table'").pluck().get()
    ).toBe(0)
  })
})

describe('10,000 incidents with network models', () => {
  it('import from a file and round-trip through export', async () => {
    const dir = ws.dir()
    const path = join(dir, 'big.json')
    const out = createWriteStream(path)
    const docs: string[] = []
    out.write('{"source": "python incident learning", "incidents": [\n')
    for (let n = 0; n < 10_000; n++) {
      const incident = makeIncident(n, {
        network_model: networkModel(n, 3),
        validation_errors: [{ code: `E${n % 17}`, severity: 'error', message: `problem ${n}`, devices: [] }],
        resolved_at: n % 3 ? null : new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
        custom: { n, label: `étiquette ${n} 🚀` }
      })
      const doc = JSON.stringify(incident)
      docs.push(doc)
      if (!out.write(n === 0 ? doc : `,\n${doc}`)) await once(out, 'drain')
    }
    out.end('\n], "count": 10000}\n')
    await once(out, 'finish')

    const service = ws.open()
    const started = Date.now()
    expect(await service.importFile(path)).toEqual(clean({ shape: 'wrapped', added: 10_000 }))
    const importMs = Date.now() - started
    expect(service.info().incidentCount).toBe(10_000)
    expectFtsInSync(service)
    expect(ftsMatch(service, '"problem 4242"').map((r) => r.id)).toEqual(['inc-004242'])

    const stored = service.db.prepare('SELECT doc FROM incidents ORDER BY id').pluck().all() as string[]
    expect(stored).toEqual(docs)

    const copy = ws.open()
    const backup = join(dir, 'backup.json')
    await service.exportFile(backup)
    expect(await copy.importFile(backup)).toEqual(clean({ shape: 'wrapped', added: 10_000 }))
    expect(copy.db.prepare('SELECT doc FROM incidents ORDER BY id').pluck().all()).toEqual(docs)
    expect(copy.facets()).toEqual(service.facets())
    console.log(`10,000 incidents, ${(readFileSync(path).length / 1e6).toFixed(1)} MB: import ${importMs} ms`)
  }, 120_000)
})

describe('the record scanner (jsonRecords)', () => {
  async function scan(source: Source, chunkSize?: number) {
    const shape = await detectShape(source, chunkSize)
    const out: RawRecord[] = []
    for await (const record of readRecords(source, shape, chunkSize)) out.push(record)
    return { shape, out }
  }

  async function scanError(source: Source, chunkSize?: number): Promise<string> {
    try {
      await scan(source, chunkSize)
    } catch (err) {
      return (err as Error).message
    }
    return 'no error'
  }

  const records3 = trickyRecords()
  const texts: [string, string][] = [
    ['array', JSON.stringify(records3)],
    ['array, pretty', JSON.stringify(records3, null, 2)],
    ['wrapped', JSON.stringify({ a: { incidents: [1] }, incidents: records3, b: ['}'] }, null, 1)],
    ['keyed', JSON.stringify(Object.fromEntries(records3.map((r) => [`key "${r.id}" \\ é`, r])))],
    ['scalars and strings', '[1, -2.5e3, true, null, "a\\"b]", {"k": "}"}, [] ]'],
    ['a BOM', `\uFEFF${JSON.stringify({ incidents: records3 })}`]
  ]
  const sizes = [1, 2, 3, 4, 5, 7, 13, 64, 1000]

  it.each(texts)('gives the same records from %s in chunks of any size', async (_name, text) => {
    const whole = await scan(Buffer.from(text))
    expect(whole.out.length).toBeGreaterThan(0)
    // The records are the exact text of each value: parsing them gives the values of the file.
    const parsed = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown
    const values = Array.isArray(parsed)
      ? parsed
      : whole.shape === 'wrapped'
        ? (parsed as { incidents: unknown[] }).incidents
        : Object.values(parsed as object)
    expect(whole.out.map((r) => JSON.parse(r.text) as unknown)).toStrictEqual(values)
    if (whole.shape === 'keyed') expect(whole.out.map((r) => r.key)).toEqual(Object.keys(parsed as object))
    expect(whole.out.map((r) => r.index)).toEqual(values.map((_, i) => i))
    for (const size of sizes)
      expect(await scan(Buffer.from(text), size), `chunks of ${size}`).toStrictEqual(whole)
    expect(await scan(text, 3)).toStrictEqual(whole)
    const path = join(ws.dir(), 'scan.json')
    writeFileSync(path, text)
    for (const size of [1, 5, 4096]) expect(await scan({ path }, size)).toStrictEqual(whole)
  })

  it.each([
    ['a bad bracket', Buffer.from('[{"a": 1}, {"b": [1, 2}]'), /at byte 22: expected '\]', found '}'/],
    [
      'a cut in a character',
      Buffer.from('[{"a": "x"}, {"b": "é').subarray(0, -1),
      /ends too early \(at byte 21\)/
    ],
    ['trailing garbage', Buffer.from('{"a": 1} x'), /at byte 9: expected the end of the file/],
    ['two byte order marks', Buffer.from('\uFEFF\uFEFF[]'), /must hold a JSON array/],
    [
      'half a byte order mark',
      Buffer.from([0xef, 0xbb, 0x5b, 0x5d]),
      /at byte 2: expected the rest of a byte order mark/
    ]
  ])('reports the same error, at the same byte, in chunks of any size: %s', async (_name, buf, message) => {
    const whole = await scanError(buf)
    expect(whole).toMatch(message)
    for (const size of sizes) expect(await scanError(buf, size)).toBe(whole)
  })
})
