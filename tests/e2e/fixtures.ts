/**
 * Incidents for the end-to-end tests: a small realistic backup, a large one, a broken one.
 * Deterministic (no clock, no randomness) so screenshots and assertions are stable.
 */

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const
const CATEGORIES = ['deployment_failure', 'config_error', 'routing_issue', 'network_outage', 'hardware_fault']
const DEVICES = [
  'core-rtr-01',
  'core-rtr-02',
  'edge-rtr-01',
  'edge-rtr-02',
  'dist-sw-01',
  'dist-sw-02',
  'acc-sw-11',
  'acc-sw-12',
  'fw-dc-01',
  'lb-dc-01'
]
const STORIES = [
  'BGP session to transit AS64500 flapped after route-map change on the edge',
  'OSPF adjacency lost on area 0 after MTU mismatch introduced by interface template',
  'VLAN 210 pruned from trunk during access switch refresh; printers offline on floor 3',
  'ACL push blocked SSH from the jump hosts; rollback took 20 minutes',
  'Firmware upgrade left the line card in a boot loop; traffic failed over to the peer',
  'Static route to the DR site pointed at a decommissioned next hop',
  'LACP bundle came up with one member after optics swap; congestion on uplink',
  'NAT pool exhausted during failover test; new sessions dropped',
  'Prefix list typo withdrew the office /22 from upstream announcements',
  'Spanning-tree root moved to an access switch after priority reset'
]

/** ISO time `minutes` minutes after 2025-01-06T08:00:00Z. */
const at = (minutes: number): string => new Date(Date.UTC(2025, 0, 6, 8, 0) + minutes * 60_000).toISOString()

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!

export interface SampleIncident {
  id: string
  timestamp: string
  [field: string]: unknown
}

/** A backup like a team's real one: every field in use, both error shapes, an unknown field. */
export function sampleIncidents(): SampleIncident[] {
  const incidents: SampleIncident[] = []
  for (let i = 0; i < 24; i++) {
    const devices = [pick(DEVICES, i), pick(DEVICES, i * 3 + 1)].filter((d, k, all) => all.indexOf(d) === k)
    const resolved = i % 3 === 0
    incidents.push({
      id: `inc-2025-${String(i + 1).padStart(4, '0')}`,
      timestamp: at(i * 977),
      severity: pick(SEVERITIES, i),
      category: pick(CATEGORIES, i),
      description: pick(STORIES, i),
      affected_devices: devices,
      network_model:
        i % 2 === 0
          ? {
              devices: Object.fromEntries(
                devices.map((d, k) => [
                  d,
                  {
                    role: d.split('-')[0],
                    asn: 64512 + k,
                    interfaces: { 'xe-0/0/0': { ip: `10.0.${i}.${k + 1}/31`, mtu: 9100, enabled: true } }
                  }
                ])
              ),
              links: [{ a: devices[0], b: devices[devices.length - 1], vlan: 100 + i }]
            }
          : null,
      validation_errors:
        i % 4 === 1
          ? [{ error: 'MTU mismatch on xe-0/0/0', type: 'interface' }]
          : [
              {
                code: 'BGP_PEER_UNREACHABLE',
                severity: 'error',
                message: `peer 10.0.${i}.2 unreachable from ${devices[0]}`,
                devices: devices
              },
              { code: 'MISSING_DESCRIPTION', severity: 'warning', message: 'interface has no description' }
            ],
      config_changes: [
        `set protocols bgp group transit neighbor 10.0.${i}.2 import RM-TRANSIT-IN`,
        { device: devices[0], lines: 3 }
      ],
      root_cause: resolved ? 'Route-map applied before the prefix-list it referenced existed' : null,
      resolution: resolved ? 'Reordered the change: prefix-list first, then the route-map' : null,
      resolved_at: resolved ? at(i * 977 + 90) : null,
      regression_test: resolved
        ? `def test_inc_${i + 1}(model):\n    assert model.bgp_peers_up('${devices[0]}')\n`
        : null,
      tags: i % 2 === 0 ? ['bgp', 'change-window'] : [],
      ...(i === 4 ? { ticket: 'CHG-20417', owner: { team: 'netops', oncall: 'ana' } } : {})
    })
  }
  return incidents
}

/** `count` small incidents, oldest first: bulk-00000 is the oldest. */
export function bulkIncidents(count: number): SampleIncident[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `bulk-${String(i).padStart(5, '0')}`,
    timestamp: at(i * 7),
    severity: pick(SEVERITIES, i),
    category: pick(CATEGORIES, i),
    description: `${pick(STORIES, i)} (#${i})`,
    affected_devices: [pick(DEVICES, i)]
  }))
}

/** A backup the import must refuse whole: several bad records among good ones. */
export function badBackup(): unknown[] {
  const good = sampleIncidents().slice(0, 3)
  return [
    good[0],
    { id: 'bad-severity', timestamp: at(1), severity: 'catastrophic' },
    { id: 'bad-time', timestamp: 'yesterday at noon' },
    good[1],
    { timestamp: at(2), description: 'no id at all' },
    { ...good[2], id: good[0]!.id },
    { id: 'bad-devices', timestamp: at(3), affected_devices: 'core-rtr-01' }
  ]
}
