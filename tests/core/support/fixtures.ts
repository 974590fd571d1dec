import { INCIDENT_FIELDS, type Incident } from '../../../src/shared/incident'

/* Test data, free of vitest so that scripts (bench/, child processes) can use it too. */

/** A network model of roughly `kb` kilobytes, different for every seed. */
export function networkModel(seed: number, kb = 3): Record<string, unknown> {
  const devices: Record<string, unknown>[] = []
  let size = 0
  for (let d = 0; size < kb * 1024; d++) {
    const device = {
      name: `leaf-${String(seed % 97).padStart(2, '0')}-${d}`,
      role: d % 3 === 0 ? 'spine' : 'leaf',
      asn: 65000 + ((seed * 7 + d) % 1000),
      loopback: `10.${seed % 250}.${d % 250}.1/32`,
      interfaces: [
        { name: 'Ethernet1', ip: `172.16.${d % 250}.${seed % 250}/31`, mtu: 9214, enabled: true },
        { name: 'Ethernet2', ip: `172.17.${d % 250}.${seed % 250}/31`, mtu: 9214, enabled: d % 5 !== 0 }
      ],
      bgp: { neighbors: [`172.16.${d % 250}.0`, `172.17.${d % 250}.0`], weight: 1.5 + d }
    }
    size += JSON.stringify(device).length
    devices.push(device)
  }
  return { version: 2, fabric: `dc-${seed % 3}`, devices, links: devices.length - 1, generated: null }
}

/**
 * A complete incident record, the one builder of them in the tests: `over` on top of the
 * defaults incident-format.md gives a missing field (medium, uncategorized, no description,
 * empty lists and nulls: unresolved, no model, findings, changes or test), in the contract's
 * field order (so its JSON text is exactly the stored document), and any extra fields after
 * them. `over` may hold values the contract refuses, to test that. The builders below and in
 * tests/analysis/history.ts and tests/testgen/support.ts only choose other defaults.
 */
export function incidentRecord(id: string, over: Record<string, unknown> = {}): Incident {
  const base: Record<string, unknown> = {
    id,
    timestamp: '2025-01-01T00:00:00Z',
    severity: 'medium',
    category: 'uncategorized',
    description: '',
    affected_devices: [],
    network_model: null,
    validation_errors: [],
    config_changes: [],
    root_cause: null,
    resolution: null,
    resolved_at: null,
    regression_test: null,
    tags: []
  }
  const out: Record<string, unknown> = {}
  for (const field of INCIDENT_FIELDS) out[field] = Object.hasOwn(over, field) ? over[field] : base[field]
  for (const [key, value] of Object.entries(over)) {
    // defineProperty keeps fields named like Object.prototype members ("__proto__") as plain fields.
    if (!Object.hasOwn(out, key))
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  }
  return out as Incident
}

/** Incident number `n`: its id, time, severity, category and device follow from `n`. */
export function makeIncident(n: number, over: Record<string, unknown> = {}): Incident {
  return incidentRecord(`inc-${String(n).padStart(6, '0')}`, {
    timestamp: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString(),
    severity: (['critical', 'high', 'medium', 'low'] as const)[n % 4],
    category: ['deployment_failure', 'config_error', 'routing_issue', 'network_outage'][n % 4],
    description: `Incident number ${n}`,
    affected_devices: [`leaf-${n % 5}`],
    ...over
  })
}
