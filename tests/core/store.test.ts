import { describe, expect, it } from 'vitest'
import { SEVERITIES, isoToMs, statusOf, type Incident } from '../../src/shared/incident'
import { SORT_FIELDS, type ListQuery } from '../../src/shared/api'
import type { NetmortemService } from '../../src/main/core/service'
import {
  expectFtsInSync,
  expectOneLine,
  ftsMatch,
  incidentRecord,
  makeIncident,
  netmortemError,
  snapshot,
  workspace
} from './support/helpers'

const ws = workspace()

describe('add, get, update, delete', () => {
  it('adds a complete record and gives it back field for field, unknown fields included', async () => {
    const service = ws.open()
    const record = makeIncident(1, {
      network_model: { devices: [{ name: 'leaf-1', asn: 65001 }] },
      validation_errors: [{ code: 'BGP_ASN', severity: 'error', message: 'asn clash', devices: ['leaf-1'] }],
      config_changes: [{ device: 'leaf-1', diff: '+ router bgp 65001' }],
      tags: ['bgp'],
      ticket: { system: 'jira', key: 'NET-42' },
      reviewed: false,
      score: 0.25
    })
    expect(await service.addIncident(record)).toStrictEqual(record)
    expect(service.getIncident(record.id)).toStrictEqual(record)
    expect(Object.keys(service.getIncident(record.id))).toEqual(Object.keys(record))
  })

  it('fills the defaults of incident-format.md for a minimal record', async () => {
    const service = ws.open()
    const stored = await service.addIncident({ id: 'minimal', timestamp: '2025-01-02T03:04:05Z' })
    expect(stored).toStrictEqual(
      incidentRecord('minimal', {
        timestamp: '2025-01-02T03:04:05Z',
        severity: 'medium',
        category: 'uncategorized',
        description: ''
      })
    )
    expect(service.getIncident('minimal')).toStrictEqual(stored)
  })

  it('refuses a second record with the same id, and an invalid record, changing nothing', async () => {
    const service = ws.open()
    await service.addIncident(makeIncident(1))
    const before = snapshot(service)
    const conflict = await netmortemError(() =>
      service.addIncident(makeIncident(1, { description: 'other' }))
    )
    expect(conflict.code).toBe('CONFLICT')
    expect(conflict.message).toContain('inc-000001')
    const invalid = await netmortemError(() => service.addIncident(makeIncident(2, { severity: 'urgent' })))
    expect(invalid.code).toBe('INVALID_INPUT')
    expectOneLine(invalid.message)
    expect(invalid.message).toContain('severity')
    expect(invalid.details).toEqual([expect.objectContaining({ id: 'inc-000002', field: 'severity' })])
    const noTime = await netmortemError(() => service.addIncident({ id: 'x' }))
    expect(noTime.message).toContain('timestamp')
    expect(snapshot(service)).toEqual(before)
  })

  it('updates only the fields given, keeps unknown fields, and re-indexes the columns', async () => {
    const service = ws.open()
    const record = makeIncident(1, { severity: 'low', ticket: 'NET-1', extra: { nested: [1, 2] } })
    await service.addIncident(record)
    const updated = await service.updateIncident(record.id, {
      severity: 'critical',
      affected_devices: ['spine-9'],
      timestamp: '2026-06-01T00:00:00Z'
    })
    const expected = {
      ...record,
      severity: 'critical',
      affected_devices: ['spine-9'],
      timestamp: '2026-06-01T00:00:00Z'
    }
    expect(updated).toStrictEqual(expected)
    expect(service.getIncident(record.id)).toStrictEqual(expected)
    expect(Object.keys(updated)).toEqual(Object.keys(record))
    // The summary columns and the device index follow the record.
    expect(service.listIncidents({ severity: 'critical' }).items.map((i) => i.id)).toEqual([record.id])
    expect(service.listIncidents({ severity: 'low' }).total).toBe(0)
    expect(service.listIncidents({ device: 'spine-9' }).total).toBe(1)
    expect(service.listIncidents({ device: 'leaf-1' }).total).toBe(0)
    expect(service.listIncidents({ since: '2026-01-01' }).total).toBe(1)
    expect(service.facets().devices).toEqual([{ value: 'spine-9', count: 1 }])
  })

  it('refuses a bad change (severity, id, unknown field, bad type) and changes nothing', async () => {
    const service = ws.open()
    const record = makeIncident(1)
    await service.addIncident(record)
    const before = snapshot(service)
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ severity: 'urgent' }, /severity/],
      [{ id: 'renamed' }, /id of an incident cannot be changed/],
      [{ id: record.id }, /id of an incident cannot be changed/],
      [{ colour: 'red' }, /colour/],
      [{ affected_devices: 'leaf-1' }, /affected_devices/],
      [{ timestamp: 'yesterday' }, /timestamp/],
      [{ category: '' }, /category/],
      [{ resolved_at: 'soon' }, /resolved_at/]
    ]
    for (const [patch, message] of cases) {
      const err = await netmortemError(() => service.updateIncident(record.id, patch))
      expect(err.code, JSON.stringify(patch)).toBe('INVALID_INPUT')
      expectOneLine(err.message)
      expect(err.message).toMatch(message)
    }
    expect(snapshot(service)).toEqual(before)
    expect(service.getIncident(record.id)).toStrictEqual(record)
  })

  it('reports NOT_FOUND for an unknown id on get, update, resolve and delete', async () => {
    const service = ws.open()
    for (const call of [
      () => service.getIncident('nope'),
      () => service.updateIncident('nope', { severity: 'low' }),
      () => service.resolveIncident('nope', 'cause'),
      () => service.deleteIncident('nope')
    ]) {
      const err = await netmortemError(call)
      expect(err.code).toBe('NOT_FOUND')
      expect(err.message).toBe('No incident with id "nope".')
    }
  })

  it('resolves an incident at the time of the clock', async () => {
    const service = ws.open()
    await service.addIncident(makeIncident(1))
    const resolved = await service.resolveIncident('inc-000001', '  stale ACL  ', '  rolled back ')
    expect(resolved).toMatchObject({
      root_cause: 'stale ACL',
      resolution: 'rolled back',
      resolved_at: '2025-11-25T12:00:00.000Z'
    })
    expect(service.listIncidents({ status: 'resolved' }).items[0]).toMatchObject({
      id: 'inc-000001',
      status: 'resolved',
      root_cause: 'stale ACL'
    })
  })

  it('deletes a record with its device rows and its search entry', async () => {
    const service = ws.open()
    await service.addIncident(makeIncident(1, { affected_devices: ['leaf-1', 'leaf-2'] }))
    await service.addIncident(makeIncident(2, { affected_devices: ['leaf-2'] }))
    expect(service.deleteIncident('inc-000001')).toEqual({ id: 'inc-000001', deleted: true })
    expect((await netmortemError(() => service.getIncident('inc-000001'))).code).toBe('NOT_FOUND')
    expect((await netmortemError(() => service.deleteIncident('inc-000001'))).code).toBe('NOT_FOUND')
    expect(service.db.prepare('SELECT device FROM incident_devices').pluck().all()).toEqual(['leaf-2'])
    expect(service.facets().devices).toEqual([{ value: 'leaf-2', count: 1 }])
    expectFtsInSync(service)
    // The id is free again.
    await service.addIncident(makeIncident(1))
    expect(service.listIncidents().total).toBe(2)
  })
})

/** A data set with every filter value, and an exact JavaScript model of the expected answers. */
function dataset(): Incident[] {
  const at = (s: string) => s
  return [
    makeIncident(1, { timestamp: at('2025-03-09T23:59:59Z'), severity: 'low', category: 'config_error' }),
    makeIncident(2, {
      timestamp: at('2025-03-10T00:00:00Z'),
      severity: 'critical',
      category: 'routing_issue',
      affected_devices: ['spine-1', 'leaf-3']
    }),
    makeIncident(3, {
      timestamp: at('2025-03-10T23:59:59.999Z'),
      severity: 'high',
      category: 'config_error',
      resolved_at: '2025-03-11T08:00:00Z',
      root_cause: 'typo'
    }),
    // 20:00 at UTC-5 is 01:00 UTC the next day: after the whole day of 2025-03-10 in UTC.
    makeIncident(4, {
      timestamp: '2025-03-10T20:00:00-05:00',
      severity: 'medium',
      category: 'network_outage'
    }),
    makeIncident(5, {
      timestamp: '2025-03-11T00:00:00.000001+00:00',
      severity: 'critical',
      category: 'custom_category',
      affected_devices: ['spine-1'],
      resolved_at: '2025-03-12T00:00:00Z'
    }),
    makeIncident(6, {
      timestamp: '2025-03-12 06:30:00.123456',
      severity: 'low',
      category: 'deployment_failure'
    }),
    makeIncident(7, {
      timestamp: '2025-04-01',
      severity: 'high',
      category: 'routing_issue',
      affected_devices: []
    }),
    makeIncident(8, { timestamp: '2025-04-01T00:00:00Z', severity: 'medium', category: 'config_error' }),
    makeIncident(9, {
      timestamp: '2024-12-31T23:00:00-02:00',
      severity: 'high',
      category: 'deployment_failure',
      affected_devices: ['leaf-3', 'spine-1'],
      resolved_at: '2025-01-02T00:00:00Z'
    }),
    makeIncident(10, {
      timestamp: '2025-02-28T12:00:00+05:30',
      severity: 'critical',
      category: 'config_error'
    })
  ]
}

const ms = (i: Incident) => isoToMs(i.timestamp)
const newestFirst = (a: Incident, b: Incident) => ms(b) - ms(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

async function seeded(): Promise<{ service: NetmortemService; data: Incident[] }> {
  const service = ws.open()
  const data = dataset()
  // Insert in a scrambled order so that insertion order cannot pass for sorting.
  for (const i of [5, 0, 9, 3, 7, 1, 8, 2, 6, 4]) await service.addIncident(data[i]!)
  return { service, data }
}

function ids(service: NetmortemService, query: ListQuery): string[] {
  return service.listIncidents(query).items.map((i) => i.id)
}

describe('list', () => {
  it('is newest first by default, comparing real instants across zones and precisions', async () => {
    const { service, data } = await seeded()
    const page = service.listIncidents()
    expect(page.total).toBe(10)
    expect(page.items.map((i) => i.id)).toEqual([...data].sort(newestFirst).map((i) => i.id))
    expect(service.listFullIncidents().map((i) => i.id)).toEqual(page.items.map((i) => i.id))
  })

  it('gives summaries that match the stored records', async () => {
    const { service, data } = await seeded()
    for (const item of service.listIncidents().items) {
      const full = data.find((d) => d.id === item.id)!
      expect(item).toStrictEqual({
        id: full.id,
        timestamp: full.timestamp,
        severity: full.severity,
        category: full.category,
        description: full.description,
        affected_devices: full.affected_devices,
        status: statusOf(full),
        root_cause: full.root_cause,
        resolved_at: full.resolved_at,
        tags: full.tags,
        error_count: full.validation_errors.length
      })
    }
  })

  const filters: [string, ListQuery, (i: Incident) => boolean][] = [
    ['category', { category: 'config_error' }, (i) => i.category === 'config_error'],
    ['an unknown category', { category: 'custom_category' }, (i) => i.category === 'custom_category'],
    ['severity', { severity: 'critical' }, (i) => i.severity === 'critical'],
    ['status open', { status: 'open' }, (i) => i.resolved_at === null],
    ['status resolved', { status: 'resolved' }, (i) => i.resolved_at !== null],
    ['since (inclusive)', { since: '2025-03-10T00:00:00Z' }, (i) => ms(i) >= Date.UTC(2025, 2, 10)],
    ['since a date', { since: '2025-03-11' }, (i) => ms(i) >= Date.UTC(2025, 2, 11)],
    [
      'until with a time (inclusive)',
      { until: '2025-03-10T00:00:00Z' },
      (i) => ms(i) <= Date.UTC(2025, 2, 10)
    ],
    ['until a date: the whole day', { until: '2025-03-10' }, (i) => ms(i) < Date.UTC(2025, 2, 11)],
    [
      'since and until the same day',
      { since: '2025-03-10', until: '2025-03-10' },
      (i) => ms(i) >= Date.UTC(2025, 2, 10) && ms(i) < Date.UTC(2025, 2, 11)
    ],
    ['until with an offset', { until: '2025-03-10T19:00:00-05:00' }, (i) => ms(i) <= Date.UTC(2025, 2, 11)],
    ['device', { device: 'spine-1' }, (i) => i.affected_devices.includes('spine-1')],
    ['an unknown device', { device: 'nowhere' }, () => false],
    [
      'several at once',
      { device: 'spine-1', severity: 'critical', status: 'open' },
      (i) => i.affected_devices.includes('spine-1') && i.severity === 'critical' && i.resolved_at === null
    ]
  ]

  it.each(filters)('filters by %s', async (_name, query, keep) => {
    const { service, data } = await seeded()
    const expected = data
      .filter(keep)
      .sort(newestFirst)
      .map((i) => i.id)
    const page = service.listIncidents(query)
    expect(page.items.map((i) => i.id)).toEqual(expected)
    expect(page.total).toBe(expected.length)
    expect(service.listFullIncidents(query).map((i) => i.id)).toEqual(expected)
  })

  it('checks the date filters against the boundary records explicitly', async () => {
    const { service } = await seeded()
    const day = ids(service, { since: '2025-03-10', until: '2025-03-10' })
    expect(day).toEqual(['inc-000003', 'inc-000002'])
    expect(ids(service, { until: '2025-03-09' })).not.toContain('inc-000002')
    expect(ids(service, { until: '2025-03-09' })).toContain('inc-000001')
  })

  it('pages with limit and offset, the total counting every match', async () => {
    const { service, data } = await seeded()
    const all = [...data].sort(newestFirst).map((i) => i.id)
    const pages: string[] = []
    for (let offset = 0; offset < all.length; offset += 3) {
      const page = service.listIncidents({ limit: 3, offset })
      expect(page.total).toBe(10)
      expect(page.items.length).toBe(Math.min(3, all.length - offset))
      pages.push(...page.items.map((i) => i.id))
    }
    expect(pages).toEqual(all)
    expect(service.listIncidents({ limit: 5, offset: 50 })).toEqual({ total: 10, items: [] })
    expect(service.listIncidents({ offset: 8 }).items.map((i) => i.id)).toEqual(all.slice(8))
    const filtered = service.listIncidents({ category: 'config_error', limit: 2, offset: 1 })
    expect(filtered.total).toBe(4)
    expect(filtered.items.map((i) => i.id)).toEqual(
      data
        .filter((i) => i.category === 'config_error')
        .sort(newestFirst)
        .slice(1, 3)
        .map((i) => i.id)
    )
  })

  const keyOf: Record<(typeof SORT_FIELDS)[number], (i: Incident) => number | string> = {
    timestamp: ms,
    severity: (i) => SEVERITIES.indexOf(i.severity),
    category: (i) => i.category,
    id: (i) => i.id,
    status: (i) => (i.resolved_at ? 1 : 0)
  }
  const sorts = SORT_FIELDS.flatMap((field) => (['asc', 'desc'] as const).map((dir) => [field, dir] as const))

  it.each(sorts)('sorts by %s %s (ties newest first, then by id)', async (field, direction) => {
    const { service, data } = await seeded()
    const key = keyOf[field]
    const sign = direction === 'asc' ? 1 : -1
    const expected = [...data]
      .sort((a, b) => {
        const ka = key(a)
        const kb = key(b)
        return (ka < kb ? -sign : ka > kb ? sign : 0) || newestFirst(a, b)
      })
      .map((i) => i.id)
    expect(ids(service, { sort: field, direction })).toEqual(expected)
    expect(service.listFullIncidents({ sort: field, direction }).map((i) => i.id)).toEqual(expected)
    // Sorting and paging together: pages of a sorted list are slices of it.
    expect(ids(service, { sort: field, direction, limit: 4, offset: 3 })).toEqual(expected.slice(3, 7))
  })

  it('sorts severity ascending in the order of SEVERITIES (critical first) and status open first', async () => {
    const { service } = await seeded()
    const severities = service.listIncidents({ sort: 'severity' }).items.map((i) => i.severity)
    expect(severities).toEqual([...severities].sort((a, b) => SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b)))
    expect(severities[0]).toBe('critical')
    expect(service.listIncidents({ sort: 'status' }).items[0]!.status).toBe('open')
    // Without a direction, timestamp sorts newest first and the other fields ascending.
    expect(ids(service, { sort: 'timestamp' })).toEqual(ids(service, {}))
    expect(ids(service, { sort: 'id' })).toEqual(ids(service, { sort: 'id', direction: 'asc' }))
  })
})

describe('the full-text index (incidents_fts)', () => {
  const row = (service: NetmortemService, id: string) =>
    service.db.prepare('SELECT rowid, * FROM incidents_fts WHERE id = ?').get(id) as Record<string, unknown>

  it('gets a row with the searchable text of a record when it is added', async () => {
    const service = ws.open()
    await service.addIncident(
      makeIncident(1, {
        description: 'BGP session flapped on spine',
        category: 'routing_issue',
        affected_devices: ['spine-1', 'leaf-2'],
        validation_errors: [
          { code: 'BGP_HOLD', severity: 'error', message: 'hold timer expired', devices: ['spine-1'] },
          { error: 'legacy mismatch', type: 'mtu' }
        ],
        root_cause: 'flaky optic',
        resolution: 'replaced transceiver',
        tags: ['optics', 'bgp']
      })
    )
    const seq = service.db.prepare('SELECT seq FROM incidents WHERE id = ?').pluck().get('inc-000001')
    expect(row(service, 'inc-000001')).toEqual({
      rowid: seq,
      id: 'inc-000001',
      description: 'BGP session flapped on spine',
      root_cause: 'flaky optic',
      resolution: 'replaced transceiver',
      category: 'routing issue',
      devices: 'spine-1 leaf-2',
      errors: 'BGP_HOLD\nhold timer expired\nlegacy mismatch\nmtu',
      tags: 'optics bgp'
    })
    for (const query of ['flapped', 'transceiver', 'optic', 'hold', 'mtu', 'routing', 'optics', '"leaf-2"']) {
      expect(
        ftsMatch(service, query).map((r) => r.id),
        query
      ).toEqual(['inc-000001'])
    }
    expectFtsInSync(service)
  })

  it('follows an update: old words no longer match, new ones do', async () => {
    const service = ws.open()
    await service.addIncident(makeIncident(1, { description: 'firewall dropped packets' }))
    await service.addIncident(makeIncident(2, { description: 'unrelated' }))
    await service.updateIncident('inc-000001', { description: 'MTU mismatch on uplink', tags: ['jumbo'] })
    expect(ftsMatch(service, 'firewall')).toEqual([])
    expect(ftsMatch(service, 'uplink').map((r) => r.id)).toEqual(['inc-000001'])
    expect(ftsMatch(service, 'jumbo').map((r) => r.id)).toEqual(['inc-000001'])
    await service.resolveIncident('inc-000001', 'wrong template', 'fixed template')
    expect(row(service, 'inc-000001')).toMatchObject({
      root_cause: 'wrong template',
      resolution: 'fixed template'
    })
    expectFtsInSync(service)
    expect(service.db.prepare('SELECT count(*) FROM incidents_fts').pluck().get()).toBe(2)
  })

  it('follows a delete', async () => {
    const service = ws.open()
    await service.addIncident(makeIncident(1, { description: 'spanning tree loop' }))
    await service.addIncident(makeIncident(2, { description: 'spanning tree again' }))
    service.deleteIncident('inc-000001')
    expect(ftsMatch(service, 'loop')).toEqual([])
    expect(ftsMatch(service, 'spanning').map((r) => r.id)).toEqual(['inc-000002'])
    expect(service.db.prepare('SELECT count(*) FROM incidents_fts').pluck().get()).toBe(1)
    expectFtsInSync(service)
  })

  it('follows an import that adds and one that overwrites', async () => {
    const service = ws.open()
    await service.addIncident(makeIncident(1, { description: 'original words' }))
    await service.importText(
      JSON.stringify([
        makeIncident(1, { description: 'replacement text' }),
        makeIncident(2, { description: 'brand new' })
      ]),
      'skip'
    )
    expect(ftsMatch(service, 'original').map((r) => r.id)).toEqual(['inc-000001'])
    expect(ftsMatch(service, 'brand').map((r) => r.id)).toEqual(['inc-000002'])
    expectFtsInSync(service)
    await service.importText(
      JSON.stringify([
        makeIncident(1, { description: 'replacement text' }),
        makeIncident(2, { description: 'newer words' })
      ]),
      'overwrite'
    )
    expect(ftsMatch(service, 'original')).toEqual([])
    expect(ftsMatch(service, 'replacement').map((r) => r.id)).toEqual(['inc-000001'])
    expect(ftsMatch(service, 'brand')).toEqual([])
    expect(ftsMatch(service, 'newer').map((r) => r.id)).toEqual(['inc-000002'])
    expect(service.db.prepare('SELECT count(*) FROM incidents_fts').pluck().get()).toBe(2)
    expectFtsInSync(service)
  })
})

describe('capture', () => {
  it('names captures deploy-YYYYMMDD-HHMMSS, with -2, -3 when the second is taken', async () => {
    const service = ws.open({ now: () => new Date('2025-11-25T09:08:07.654Z') })
    const ids: string[] = []
    for (const n of [1, 2, 3]) ids.push((await service.capture({ description: `failure ${n}` })).id)
    expect(ids).toEqual(['deploy-20251125-090807', 'deploy-20251125-090807-2', 'deploy-20251125-090807-3'])
    // A freed suffix is used again; the next new one follows the highest taken.
    service.deleteIncident('deploy-20251125-090807-2')
    expect((await service.capture({ description: 'again' })).id).toBe('deploy-20251125-090807-2')
    expect((await service.capture({ description: 'and again' })).id).toBe('deploy-20251125-090807-4')
  })

  it('skips an id taken by an imported record', async () => {
    const service = ws.open({ now: () => new Date('2025-11-25T12:00:00Z') })
    await service.importText(JSON.stringify([makeIncident(1, { id: 'deploy-20251125-120000' })]))
    expect((await service.capture({ description: 'x' })).id).toBe('deploy-20251125-120000-2')
  })

  it('records what the original capture_deployment_failure recorded', async () => {
    const service = ws.open({ now: () => new Date('2025-01-05T00:00:01Z') })
    const model = { devices: [{ name: 'leaf-1' }] }
    const incident = await service.captureDeploymentFailure(
      '  push failed  ',
      model,
      [{ code: 'E1', severity: 'error', message: 'bad', devices: ['leaf-1'] }],
      ['leaf-1', 'leaf-1', 'leaf-2']
    )
    expect(incident).toStrictEqual(
      incidentRecord('deploy-20250105-000001', {
        timestamp: '2025-01-05T00:00:01.000Z',
        severity: 'high',
        category: 'deployment_failure',
        description: 'push failed',
        affected_devices: ['leaf-1', 'leaf-2'],
        network_model: model,
        validation_errors: [{ code: 'E1', severity: 'error', message: 'bad', devices: ['leaf-1'] }]
      })
    )
    expect(service.getIncident(incident.id)).toStrictEqual(incident)
  })

  it('uses the timestamp given, in UTC, for the id', async () => {
    const service = ws.open()
    const incident = await service.capture({ description: 'x', timestamp: '2024-02-29T23:59:59.5+00:00' })
    expect(incident.id).toBe('deploy-20240229-235959')
    expect(incident.timestamp).toBe('2024-02-29T23:59:59.5+00:00')
  })
})

describe('facets', () => {
  it('are all zero for an empty database', () => {
    expect(ws.open().facets()).toEqual({
      total: 0,
      categories: [],
      severities: [],
      devices: [],
      open: 0,
      resolved: 0
    })
  })

  it('count categories, severities, devices and status', async () => {
    const { service } = await seeded()
    expect(service.facets()).toEqual({
      total: 10,
      categories: [
        { value: 'config_error', count: 4 },
        { value: 'deployment_failure', count: 2 },
        { value: 'routing_issue', count: 2 },
        { value: 'custom_category', count: 1 },
        { value: 'network_outage', count: 1 }
      ],
      severities: [
        { value: 'critical', count: 3 },
        { value: 'high', count: 3 },
        { value: 'medium', count: 2 },
        { value: 'low', count: 2 }
      ],
      devices: [
        { value: 'leaf-3', count: 4 },
        { value: 'spine-1', count: 3 },
        { value: 'leaf-1', count: 2 },
        { value: 'leaf-0', count: 1 },
        { value: 'leaf-4', count: 1 }
      ],
      open: 7,
      resolved: 3
    })
  })

  it('count a device listed twice in one record once', async () => {
    const service = ws.open()
    await service.addIncident(makeIncident(1, { affected_devices: ['leaf-1', 'leaf-1'] }))
    expect(service.facets().devices).toEqual([{ value: 'leaf-1', count: 1 }])
    expect(service.getIncident('inc-000001').affected_devices).toEqual(['leaf-1', 'leaf-1'])
  })
})
