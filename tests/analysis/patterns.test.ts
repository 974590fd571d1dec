import { describe, expect, it } from 'vitest'
import { analyzeIncident } from '../../src/main/core/analysis/analyze'
import { changesOf, codesOf, sentenceOf } from '../../src/main/core/analysis/patterns'
import type { Incident } from '../../src/shared/incident'
import { historyOf, incident, resolved } from './history'

const code = (c: string) => ({ code: c, severity: 'error', message: `${c} found` })
const VLAN_DUP = 'Duplicate VLAN ID in the network model'
const OTHER = 'Fat-fingered BGP remote-as on the neighbor'

async function patternsOf(ranked: [Incident, number][], analysed: Incident) {
  const a = await analyzeIncident(historyOf(ranked), analysed)
  return a.patterns.map((p) => ({ kind: p.kind, values: p.values, incidents: p.incidents }))
}

describe('what patterns are read from', () => {
  it('validation codes: the code of each pre-flight finding, once each', () => {
    const i = incident('x', {
      validation_errors: [code('MTU_MISMATCH'), code('MTU_MISMATCH'), { error: 'old style', type: 'mtu' }]
    })
    expect(codesOf(i)).toEqual(['MTU_MISMATCH'])
  })

  it('config changes: strings as they are, objects by their text fields', () => {
    const i = incident('x', {
      config_changes: ['Raised MTU on Po1', { device: 'leaf-01', change: 'Applied new iACL', ticket: 7 }, 42]
    })
    expect(changesOf(i)).toEqual(['Raised MTU on Po1', 'leaf-01 Applied new iACL'])
  })
})

describe('patterns', () => {
  it('count a value shared with the analysed incident by a similar incident of the winning cause', async () => {
    const analysed = incident('new', {
      validation_errors: [code('VLAN_DUPLICATE_ID')],
      affected_devices: ['leaf-01', 'leaf-09'],
      category: 'config_error',
      config_changes: ['Merged the legacy pod VLAN list into the fabric model']
    })
    const patterns = await patternsOf(
      [
        [
          resolved('r1', VLAN_DUP, {
            validation_errors: [code('VLAN_DUPLICATE_ID')],
            affected_devices: ['leaf-01'],
            category: 'config_error',
            config_changes: [{ change: 'Merged legacy pod VLAN list into fabric model', ticket: 'CHG-1' }]
          }),
          0.95
        ]
      ],
      analysed
    )
    expect(patterns).toEqual([
      { kind: 'validation_codes', values: ['VLAN_DUPLICATE_ID'], incidents: ['r1'] },
      {
        kind: 'config_changes',
        values: ['Merged the legacy pod VLAN list into the fabric model'],
        incidents: ['r1']
      },
      { kind: 'devices', values: ['leaf-01'], incidents: ['r1'] },
      { kind: 'category', values: ['config_error'], incidents: ['r1'] }
    ])
  })

  it('count a value the analysed incident lacks only when two incidents of the winning cause share it', async () => {
    const history: [Incident, number][] = [
      [resolved('r1', VLAN_DUP, { affected_devices: ['leaf-07'] }), 0.95],
      [resolved('r2', 'VLAN ID defined twice in the model', { affected_devices: ['leaf-07'] }), 0.9]
    ]
    const patterns = await patternsOf(history, incident('new'))
    expect(patterns).toContainEqual({ kind: 'devices', values: ['leaf-07'], incidents: ['r1', 'r2'] })
    // One incident alone is no pattern.
    expect(await patternsOf(history.slice(0, 1), incident('new'))).toEqual([])
  })

  it('do not count a value that points away from the vote', async () => {
    // spine-01 is shared with the analysed incident, but mostly by incidents of another cause.
    const analysed = incident('new', { affected_devices: ['spine-01'] })
    const patterns = await patternsOf(
      [
        [resolved('r1', VLAN_DUP, { affected_devices: ['spine-01'] }), 0.95],
        [resolved('r2', OTHER, { affected_devices: ['spine-01'] }), 0.7],
        [resolved('r3', 'MTU mismatch on the uplink', { affected_devices: ['spine-01'] }), 0.6]
      ],
      analysed
    )
    // r2 and r3 are not similar (below the threshold), but they are candidates that show spine-01.
    expect(patterns).toEqual([])
  })

  it('count the common root cause only when its group holds most of the vote', async () => {
    const split = await patternsOf(
      [
        [resolved('r1', VLAN_DUP), 0.9],
        [resolved('r2', 'VLAN ID defined twice in the model'), 0.85],
        [resolved('r3', OTHER), 0.99],
        [resolved('r4', 'Dirty fibre connector on the patch panel'), 0.98]
      ],
      incident('new')
    )
    // The VLAN group weighs 1.75 of 3.72: it wins, but without a majority.
    expect(split).toEqual([])
    const majority = await patternsOf(
      [
        [resolved('r1', VLAN_DUP), 0.9],
        [resolved('r2', 'VLAN ID defined twice in the model'), 0.85],
        [resolved('r3', OTHER), 0.99]
      ],
      incident('new')
    )
    expect(majority).toEqual([{ kind: 'root_cause', values: [VLAN_DUP], incidents: ['r1', 'r2'] }])
  })

  it('are listed in patterns_found as text, strongest first', async () => {
    const analysed = incident('new', {
      validation_errors: [code('VLAN_DUPLICATE_ID')],
      category: 'config_error'
    })
    const a = await analyzeIncident(
      historyOf([
        [
          resolved('r1', VLAN_DUP, {
            validation_errors: [code('VLAN_DUPLICATE_ID')],
            category: 'config_error'
          }),
          0.95
        ],
        [resolved('r2', 'VLAN ID defined twice in the model', { category: 'config_error' }), 0.9]
      ]),
      analysed
    )
    expect(a.patterns_found).toEqual([
      'Common validation codes: VLAN_DUPLICATE_ID (this incident and 1 similar one)',
      'Common root cause: 2 of 2 similar resolved incidents say the same (100% of the vote)',
      'Common category: config_error (this incident and 2 similar ones)'
    ])
    expect(a.suggested_root_cause).toBe(
      'Duplicate VLAN ID in the network model. Common pattern: validation code VLAN_DUPLICATE_ID in this incident and 1 similar one.'
    )
  })
})

describe('the suggestion text', () => {
  it('is the cause, then the strongest pattern', () => {
    expect(sentenceOf('  Schema validation missed duplicate VLAN IDs ', [])).toBe(
      'Schema validation missed duplicate VLAN IDs.'
    )
    expect(
      sentenceOf('Schema validation missed duplicate VLAN IDs.', [
        {
          kind: 'validation_codes',
          text: '',
          values: ['VLAN_DUPLICATE_ID'],
          incidents: ['r1'],
          shared_with_incident: true,
          phrase: 'validation code VLAN_DUPLICATE_ID in this incident and 1 similar one'
        }
      ])
    ).toBe(
      'Schema validation missed duplicate VLAN IDs. Common pattern: validation code VLAN_DUPLICATE_ID in this incident and 1 similar one.'
    )
  })
})
