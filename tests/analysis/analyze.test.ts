import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeIncident } from '../../src/main/core/analysis/analyze'
import { SIMILAR_MIN_SCORE } from '../../src/main/core/analysis/similarity'
import { handlersOf } from '../../src/main/core/handlers'
import { openNetmortem, type NetmortemService } from '../../src/main/core/service'
import { historyOf, incident, resolved } from './history'

describe('with no resolved neighbours', () => {
  it('says plainly that no similar incident was found', async () => {
    const a = await analyzeIncident(historyOf([]), incident('new'))
    expect(a.suggested_root_cause).toBe(
      `No similar incidents found (none scored ${SIMILAR_MIN_SCORE} or more). No root cause can be suggested; manual analysis needed.`
    )
    expect(a).toMatchObject({
      suggested_cause: null,
      confidence: 0,
      confidence_level: 'low',
      similar_incidents: [],
      patterns_found: [],
      cause_groups: []
    })
  })

  it('says plainly that the similar incidents found are not resolved', async () => {
    const a = await analyzeIncident(
      historyOf([
        [incident('o1'), 0.95],
        [incident('o2'), 0.9],
        // A resolved incident without a written cause cannot vote either.
        [incident('r0', { resolved_at: '2025-11-02T00:00:00Z' }), 0.88]
      ]),
      incident('new')
    )
    expect(a.suggested_root_cause).toBe(
      'No similar resolved incidents: 3 similar incidents were found, none resolved with a known root cause. No root cause can be suggested; manual analysis needed.'
    )
    expect(a.suggested_cause).toBeNull()
    expect(a.confidence_level).toBe('low')
    expect(a.similar.map((s) => [s.id, s.resolved, s.cause_group])).toEqual([
      ['o1', false, null],
      ['o2', false, null],
      ['r0', true, null]
    ])
  })
})

describe('what counts as similar', () => {
  it('is a fused score at or above the threshold, not the top k', async () => {
    const a = await analyzeIncident(
      historyOf([
        [resolved('r1', 'Wrong remote-as'), SIMILAR_MIN_SCORE],
        [resolved('r2', 'Dirty fibre'), SIMILAR_MIN_SCORE - 0.0001]
      ]),
      incident('new')
    )
    expect(a.similar_incidents).toEqual(['r1'])
    expect(a.similarity_threshold).toBe(SIMILAR_MIN_SCORE)
    expect(a.similar[0]).toMatchObject({
      id: 'r1',
      score: SIMILAR_MIN_SCORE,
      resolved: true,
      root_cause: 'Wrong remote-as'
    })
  })

  it("is searched for by the incident's symptoms, never by a cause already written down", async () => {
    const history = historyOf([])
    await analyzeIncident(
      history,
      resolved('old', 'SECRET CAUSE', { description: 'BGP down', resolution: 'SECRET FIX' })
    )
    expect(history.queries[0]).toContain('BGP down')
    expect(history.queries[0]).not.toContain('SECRET')
  })
})

describe('analyze through the service', () => {
  let service: NetmortemService

  beforeAll(async () => {
    service = openNetmortem({
      dbPath: join(mkdtempSync(join(tmpdir(), 'nm-analyze-')), 'a.db'),
      now: () => new Date('2025-11-25T12:00:00Z')
    })
    const vlan = (id: string, rootCause: string | null) => ({
      id,
      timestamp: '2025-11-01T10:00:00Z',
      category: 'config_error',
      description: `Deployment rejected: VLAN 100 defined twice in the fabric model (${id})`,
      affected_devices: ['leaf-01', 'leaf-02'],
      validation_errors: [
        { code: 'VLAN_DUPLICATE_ID', severity: 'error', message: 'VLAN 100 is defined 2 times' }
      ],
      ...(rootCause ? { root_cause: rootCause, resolved_at: '2025-11-01T12:00:00Z' } : {})
    })
    for (const raw of [
      vlan('vlan-1', 'Duplicate VLAN ID in the network model'),
      vlan('vlan-2', 'VLAN ID defined twice in the model'),
      vlan('vlan-open', null),
      {
        id: 'bgp-1',
        timestamp: '2025-11-02T10:00:00Z',
        category: 'routing_issue',
        description: 'BGP session to spine-01 stuck in Active, notification bad peer AS',
        root_cause: 'Wrong remote-as on the neighbor statement',
        resolved_at: '2025-11-02T11:00:00Z'
      }
    ])
      await service.addIncident(raw)
  })
  afterAll(() => service.close())

  it('analyses a stored incident by id, excluding itself', async () => {
    const a = await service.analyze('vlan-open')
    expect(a.incident_id).toBe('vlan-open')
    expect(a.similar_incidents).not.toContain('vlan-open')
    expect(a.similar_incidents.slice(0, 2).sort()).toEqual(['vlan-1', 'vlan-2'])
    expect(a.suggested_cause).toMatch(/VLAN ID/)
    expect(a.confidence_factors.map((f) => f.name)).toEqual(['similar', 'resolved', 'patterns'])
  })

  it('analyses a draft without storing it', async () => {
    const before = service.info().incidentCount
    const a = await service.analyze({
      description: 'Pre-flight failed: VLAN 100 defined twice in the fabric model',
      validation_errors: [{ code: 'VLAN_DUPLICATE_ID', message: 'VLAN 100 is defined 2 times' }]
    })
    expect(a.incident_id).toBeNull()
    expect(a.suggested_cause).toMatch(/VLAN ID/)
    expect(a.patterns.map((p) => p.kind)).toContain('validation_codes')
    expect(service.info().incidentCount).toBe(before)
  })

  it('refuses an unknown id and an empty draft', async () => {
    await expect(service.analyze('nope')).rejects.toThrow('No incident with id "nope".')
    await expect(service.analyze({ description: '  ' })).rejects.toThrow('needs a description')
    await expect(service.analyze({ description: 'x', severity: 'huge' as never })).rejects.toThrow(
      'Invalid incident to analyse: severity'
    )
  })

  it('is served as the analysis.analyze operation', async () => {
    const handlers = handlersOf(service)
    const a = await handlers['analysis.analyze']({ id: 'vlan-open' })
    expect(a.incident_id).toBe('vlan-open')
    await expect(handlers['analysis.analyze']({ id: 'nope' })).rejects.toThrow('No incident')
  })
})
