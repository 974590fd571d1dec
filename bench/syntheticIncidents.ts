import type { Incident } from '../src/shared/incident'

const CATEGORIES = ['deployment_failure', 'config_error', 'routing_issue', 'network_outage'] as const
const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const
const SYMPTOMS = [
  'BGP neighbor {ip} stuck in Active on {dev}',
  'OSPF adjacency stuck in EXSTART between {dev} and spine-01',
  'Duplicate VLAN {vlan} rejected by pre-flight on {dev}',
  'MTU mismatch on Ethernet49 of {dev}',
  'LACP port-channel flapping on {dev}',
  'Interface err-disabled by BPDU guard on {dev}'
]

/** Deterministic, realistic-looking incidents for benchmarks and large tests. */
export function syntheticIncidents(count: number, withModel = false): Incident[] {
  const out: Incident[] = []
  for (let i = 0; i < count; i++) {
    const dev = `leaf-${String((i % 48) + 1).padStart(2, '0')}`
    const description = SYMPTOMS[i % SYMPTOMS.length]!.replace('{ip}', `10.0.${i % 250}.${i % 200}`)
      .replace('{dev}', dev)
      .replace('{vlan}', String(100 + (i % 3000)))
    out.push({
      id: `bench-${String(i).padStart(7, '0')}`,
      timestamp: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      severity: SEVERITIES[i % 4]!,
      category: CATEGORIES[i % 4]!,
      description,
      affected_devices: [dev, 'spine-01'],
      network_model: withModel
        ? {
            name: 'dc1',
            devices: [{ name: dev, asn: 65000 + (i % 100), interfaces: [{ name: 'Ethernet49', mtu: 9214 }] }]
          }
        : null,
      validation_errors: [
        { code: 'VLAN_DUPLICATE_ID', severity: 'error', message: description, devices: [dev] }
      ],
      config_changes: [],
      root_cause: i % 3 === 0 ? 'Configuration drift' : null,
      resolution: null,
      resolved_at: i % 3 === 0 ? new Date(Date.UTC(2024, 0, 1) + i * 60_000 + 3_600_000).toISOString() : null,
      regression_test: null,
      tags: []
    })
  }
  return out
}
