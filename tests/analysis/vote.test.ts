import { describe, expect, it } from 'vitest'
import { analyzeIncident } from '../../src/main/core/analysis/analyze'
import {
  causeSimilarity,
  causeWords,
  groupCauses,
  stem,
  CAUSE_GROUP_MIN_JACCARD
} from '../../src/main/core/analysis/rootCauseVote'
import { historyOf, incident, resolved } from './history'

describe('root causes normalised', () => {
  it('drops stopwords and numbers, stems lightly, and maps thesaurus synonyms to one word', () => {
    expect([...causeWords('The VLAN 100 was defined twice in the models')]).toEqual([
      'vlan',
      'defin',
      'conflict',
      'model'
    ])
    // duplicate, duplicated and twice are one word for the networking thesaurus.
    expect(causeWords('duplicated')).toEqual(causeWords('twice'))
    expect(['configured', 'configuring', 'configure', 'switches', 'interfaces', 'ids'].map(stem)).toEqual([
      'configur',
      'configur',
      'configur',
      'switch',
      'interfac',
      'id'
    ])
  })

  it('finds causes that say the same thing in different words alike, and different causes not', () => {
    const same = causeSimilarity(
      'Duplicate VLAN ID in the network model',
      'VLAN ID defined twice in the model'
    )
    const different = causeSimilarity(
      'Duplicate VLAN ID in the network model',
      'BGP remote-as mismatch on the neighbor'
    )
    expect(same).toBeGreaterThanOrEqual(CAUSE_GROUP_MIN_JACCARD)
    expect(different).toBeLessThan(CAUSE_GROUP_MIN_JACCARD)
  })
})

describe('the similarity-weighted vote', () => {
  it('groups causes that say the same thing and sums their weights', () => {
    const groups = groupCauses([
      { id: 'a', text: 'MTU mismatch on the uplink', weight: 0.95 },
      { id: 'b', text: 'Duplicate VLAN ID in the network model', weight: 0.9 },
      { id: 'c', text: 'VLAN ID defined twice in the model', weight: 0.85 }
    ])
    expect(groups).toEqual([
      {
        root_cause: 'Duplicate VLAN ID in the network model',
        representative: 'b',
        incidents: ['b', 'c'],
        weight: 1.75,
        share: 0.648
      },
      {
        root_cause: 'MTU mismatch on the uplink',
        representative: 'a',
        incidents: ['a'],
        weight: 0.95,
        share: 0.352
      }
    ])
  })

  it("uses the highest-weighted member's words for the group, whatever the input order", () => {
    const groups = groupCauses([
      { id: 'low', text: 'VLAN ID defined twice in the model', weight: 0.81 },
      { id: 'high', text: 'Duplicate VLAN ID in the network model', weight: 0.97 }
    ])
    expect(groups).toHaveLength(1)
    expect(groups[0]!.representative).toBe('high')
    expect(groups[0]!.root_cause).toBe('Duplicate VLAN ID in the network model')
    expect(groups[0]!.incidents).toEqual(['high', 'low'])
  })

  it('breaks a tie in favour of the group whose best member is the more similar incident', () => {
    const groups = groupCauses([
      { id: 'x', text: 'MTU mismatch on the uplink', weight: 0.9 },
      { id: 'y', text: 'Expired TLS certificate', weight: 0.9 }
    ])
    expect(groups.map((g) => g.representative)).toEqual(['x', 'y'])
  })

  it('lets two agreeing incidents outvote a single more similar one', async () => {
    const analysis = await analyzeIncident(
      historyOf([
        [resolved('r1', 'Fat-fingered BGP remote-as on the neighbor'), 0.97],
        [resolved('r2', 'Duplicate VLAN ID in the network model'), 0.9],
        [resolved('r3', 'VLAN ID defined twice in the model'), 0.88],
        [incident('o1'), 0.86]
      ]),
      incident('new')
    )
    expect(analysis.suggested_cause).toBe('Duplicate VLAN ID in the network model')
    expect(analysis.cause_groups.map((g) => g.incidents)).toEqual([['r2', 'r3'], ['r1']])
    expect(analysis.similar.map((s) => [s.id, s.cause_group])).toEqual([
      ['r1', 1],
      ['r2', 0],
      ['r3', 0],
      ['o1', null]
    ])
    expect(analysis.suggested_root_cause).toMatch(
      /^Duplicate VLAN ID in the network model\. Common pattern: 2 of 3 similar resolved incidents had this cause/
    )
  })
})
