import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import { NetmortemError } from '../../src/main/core/errors'
import { handlersOf } from '../../src/main/core/handlers'
import { openNetmortem, type NetmortemService } from '../../src/main/core/service'
import type { PreflightResult } from '../../src/shared/networkModel'
import { example, labWith, leaf, spine, type Json } from './support'

const START = new Date('2025-11-25T12:00:00.000Z')
const HOUR = 3_600_000

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** A service on a fresh database whose clock the test moves. */
function open(): { service: NetmortemService; advance: (ms: number) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'nm-preflight-'))
  let now = START.getTime()
  const service = openNetmortem({ dbPath: join(dir, 'netmortem.db'), now: () => new Date(now) })
  cleanups.push(async () => {
    await service.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return { service, advance: (ms) => (now += ms) }
}

const duplicateVlan = () => example('dc1-fabric-duplicate-vlan.json')
const mtuMismatch = (): Json => labWith((m) => (leaf(m).interfaces[0].mtu = 1500))

describe('preflight in the core', () => {
  it('captures nothing for a ready model', async () => {
    const { service } = open()
    const result = await service.preflight(example('dc1-fabric.json'))
    expect(result).toEqual({ ready_to_deploy: true, errors: [], warnings: [], incident_id: null })
    expect(service.info().incidentCount).toBe(0)
  })

  it('does not block on warnings alone', async () => {
    const { service } = open()
    const model = labWith((m) => spine(m).bgp.neighbors.push({ ip: '192.0.2.1', remote_as: 64512 }))
    const result = await service.preflight(model)
    expect(result.ready_to_deploy).toBe(true)
    expect(result.warnings.map((w) => w.code)).toEqual(['BGP_NEIGHBOR_UNKNOWN'])
    expect(result.incident_id).toBeNull()
    expect(service.info().incidentCount).toBe(0)
  })

  it('captures a failing model as a deployment_failure incident', async () => {
    const { service } = open()
    const model = duplicateVlan()
    const result = await service.preflight(model)
    expect(result.ready_to_deploy).toBe(false)
    expect(result.incident_id).toBe('deploy-20251125-120000')
    expect(result.occurrence).toEqual({
      count: 1,
      first_seen: START.toISOString(),
      last_seen: START.toISOString()
    })
    const incident = service.getIncident(result.incident_id!)
    expect(incident).toMatchObject({
      category: 'deployment_failure',
      severity: 'high',
      affected_devices: ['leaf-01', 'leaf-02', 'leaf-03', 'leaf-04'],
      validation_errors: result.errors,
      network_model: model,
      resolved_at: null,
      preflight: { occurrences: 1, first_seen: START.toISOString(), last_seen: START.toISOString() }
    })
    expect(incident.description).toBe(
      'Pre-flight validation of network model "dc1-fabric" failed with 1 error (VLAN_DUPLICATE_ID) ' +
        'on 4 devices ' +
        '(leaf-01, leaf-02, leaf-03, leaf-04). VLAN 100 is defined twice (entries 0 and 3). ' +
        'Caught by the pre-flight check before deployment.'
    )
  })

  it('keeps warnings with the errors in the incident', async () => {
    const { service } = open()
    const model = labWith((m) => {
      leaf(m).interfaces[0].mtu = 1500
      m.devices.push({ name: 'edge-01', bgp: { neighbors: [{ ip: '192.0.2.1', remote_as: 64512 }] } })
    })
    const result = await service.preflight(model)
    const incident = service.getIncident(result.incident_id!)
    expect(incident.validation_errors.map((e) => e.code)).toEqual(['MTU_MISMATCH', 'BGP_NEIGHBOR_UNKNOWN'])
    expect(incident.affected_devices).toEqual(['spine-01', 'leaf-01', 'edge-01'])
    expect(incident.description).toContain('1 error (MTU_MISMATCH) and 1 warning (BGP_NEIGHBOR_UNKNOWN)')
  })

  it('captures nothing with capture: false', async () => {
    const { service } = open()
    const result = await service.preflight(duplicateVlan(), { capture: false })
    expect(result.ready_to_deploy).toBe(false)
    expect(result.incident_id).toBeNull()
    expect(result.occurrence).toBeUndefined()
    expect(service.info().incidentCount).toBe(0)
  })

  it('refuses input that is no model, before touching the store', async () => {
    const { service } = open()
    for (const bad of [null, [], 'dc1', {}, { devices: {} }]) {
      await expect(service.preflight(bad)).rejects.toThrow(NetmortemError)
      try {
        await service.preflight(bad)
      } catch (err) {
        expect((err as NetmortemError).code).toBe('INVALID_INPUT')
        expect((err as NetmortemError).message).not.toMatch(/\n/)
      }
    }
    expect(service.info().incidentCount).toBe(0)
  })
})

describe('the occurrence rule', () => {
  it('counts the same failure seen again within 24 hours on the open incident', async () => {
    const { service, advance } = open()
    const first = await service.preflight(duplicateVlan())
    advance(HOUR)
    const second = await service.preflight(duplicateVlan())
    advance(22 * HOUR)
    const third = await service.preflight(duplicateVlan())
    expect(second.incident_id).toBe(first.incident_id)
    expect(third.incident_id).toBe(first.incident_id)
    expect(second.occurrence).toMatchObject({ count: 2 })
    expect(third.occurrence).toEqual({
      count: 3,
      first_seen: START.toISOString(),
      last_seen: new Date(START.getTime() + 23 * HOUR).toISOString()
    })
    expect(service.info().incidentCount).toBe(1)
    expect(service.getIncident(first.incident_id!)).toMatchObject({
      timestamp: START.toISOString(),
      preflight: { occurrences: 3, last_seen: new Date(START.getTime() + 23 * HOUR).toISOString() }
    })
  })

  it('takes the same codes on the same devices as the same failure, whatever the wording', async () => {
    const { service, advance } = open()
    const first = await service.preflight(mtuMismatch())
    advance(HOUR)
    const changed = labWith((m) => (leaf(m).interfaces[0].mtu = 9000))
    expect((await service.preflight(changed)).incident_id).toBe(first.incident_id)
  })

  it('opens a new incident for other codes or other devices', async () => {
    const { service, advance } = open()
    const first = await service.preflight(mtuMismatch())
    advance(1000)
    const otherCode = await service.preflight(
      labWith((m) => {
        leaf(m).interfaces[0].mtu = 1500
        spine(m).bgp.neighbors[0].remote_as = 65999
      })
    )
    advance(1000)
    const otherDevices = await service.preflight(
      labWith((m) => {
        m.devices.push({ name: 'leaf-02', interfaces: [{ name: 'Ethernet49', mtu: 1500 }] })
        spine(m).interfaces.push({ name: 'Ethernet2', mtu: 9214 })
        m.links.push({
          a: { device: 'spine-01', interface: 'Ethernet2' },
          b: { device: 'leaf-02', interface: 'Ethernet49' }
        })
      })
    )
    const ids = [first.incident_id, otherCode.incident_id, otherDevices.incident_id]
    expect(new Set(ids).size).toBe(3)
    expect(ids).toEqual(['deploy-20251125-120000', 'deploy-20251125-120001', 'deploy-20251125-120002'])
    expect(service.info().incidentCount).toBe(3)
  })

  it('opens a new incident more than 24 hours after the capture', async () => {
    const { service, advance } = open()
    const first = await service.preflight(duplicateVlan())
    advance(24 * HOUR)
    expect((await service.preflight(duplicateVlan())).incident_id).toBe(first.incident_id)
    advance(1000)
    const later = await service.preflight(duplicateVlan())
    expect(later.incident_id).toBe('deploy-20251126-120001')
    expect(later.occurrence).toMatchObject({ count: 1 })
    expect(service.info().incidentCount).toBe(2)
  })

  it('does not add to a resolved incident', async () => {
    const { service, advance } = open()
    const first = await service.preflight(duplicateVlan())
    advance(HOUR)
    await service.resolveIncident(first.incident_id!, 'VLAN 100 copied into the staging block')
    advance(HOUR)
    const again = await service.preflight(duplicateVlan())
    expect(again.incident_id).not.toBe(first.incident_id)
    expect(again.occurrence).toMatchObject({ count: 1 })
    expect(service.getIncident(first.incident_id!)).toMatchObject({ preflight: { occurrences: 1 } })
  })

  it('does not add to an incident captured by hand', async () => {
    const { service, advance } = open()
    const model = duplicateVlan()
    const manual = await service.captureDeploymentFailure(
      'VLAN 100 twice',
      model,
      (await service.preflight(model, { capture: false })).errors.map((e) => ({ ...e })),
      ['leaf-01']
    )
    advance(1000)
    expect((await service.preflight(model)).incident_id).not.toBe(manual.id)
    expect(service.info().incidentCount).toBe(2)
  })
})

describe('the preflight.run operation', () => {
  it('validates, captures, and refuses a model without devices', async () => {
    const { service } = open()
    const handlers = handlersOf(service)
    const ready = await dispatch(handlers, 'preflight.run', { model: example('dc1-fabric.json') })
    expect(ready).toEqual({
      ok: true,
      value: { ready_to_deploy: true, errors: [], warnings: [], incident_id: null }
    })
    const failed = await dispatch(handlers, 'preflight.run', { model: duplicateVlan() })
    expect(failed.ok && (failed.value as PreflightResult).incident_id).toBe('deploy-20251125-120000')
    const dry = await dispatch(handlers, 'preflight.run', { model: mtuMismatch(), capture: false })
    expect(dry.ok && (dry.value as PreflightResult).incident_id).toBeNull()
    const empty = await dispatch(handlers, 'preflight.run', { model: {} })
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const notObject = await dispatch(handlers, 'preflight.run', { model: [] })
    expect(notObject).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(service.info().incidentCount).toBe(1)
  })
})
