import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import { handlersOf } from '../../src/main/core/handlers'
import { openNetmortem, type NetmortemService } from '../../src/main/core/service'
import type { Learning } from '../../src/shared/learning'

const EVAL_SET = join(__dirname, '..', 'fixtures', 'eval', 'incidents.json')
let service: NetmortemService

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nm-learn-service-'))
  service = openNetmortem({ dbPath: join(dir, 'netmortem.db'), now: () => new Date('2026-01-10T12:00:00Z') })
  await service.importText(readFileSync(EVAL_SET, 'utf8'))
})

afterAll(() => service.close())

describe('learning through the service and the API', () => {
  it('learn stores the test, the confidence and learned_at on the incident; other fields are kept', async () => {
    const before = service.getIncident('eval-vlandup-03')
    const l = await service.learnFromIncident('eval-vlandup-03')
    const after = service.getIncident('eval-vlandup-03') as Record<string, unknown>
    expect(after.regression_test).toBe(l.regression_test)
    expect(after.confidence).toBe(l.confidence)
    expect(after.learned_at).toBe('2026-01-10T12:00:00.000Z')
    expect(after.root_cause).toBe(l.root_cause)
    expect(after.resolved_at).toBe(l.applied ? '2026-01-10T12:00:00.000Z' : null)
    expect(after.description).toBe(before.description)
    expect(l.test.checks).toContain('VLAN_DUPLICATE_ID')
    // Learned again: still one record, the extra fields replaced, not duplicated.
    await service.learnFromIncident('eval-vlandup-03')
    expect(service.listFullIncidents().filter((i) => i.id === 'eval-vlandup-03')).toHaveLength(1)
  })

  it('the API operations answer, and an unknown id is NOT_FOUND', async () => {
    const handlers = handlersOf(service)
    const learned = await dispatch(handlers, 'learning.learn', { id: 'eval-trunk-03' })
    expect(learned).toMatchObject({ ok: true })
    expect((learned as { ok: true; value: Learning }).value.incident_id).toBe('eval-trunk-03')
    expect(await dispatch(handlers, 'learning.learn', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    expect(await dispatch(handlers, 'learning.recent', { limit: 0 })).toMatchObject({ ok: false })
    const policy = await dispatch(handlers, 'learning.policy', {})
    expect(policy).toMatchObject({ ok: true })
    const value = (policy as { ok: true; value: { rules: { code: string }[]; python: string } }).value
    expect(value.rules.map((r) => r.code)).toContain('VLAN_DUPLICATE_ID')
    expect(value.python).toContain('def check_vlan_duplicate_id(self, model):')
    const guidance = await dispatch(handlers, 'learning.guidance', {})
    expect((guidance as { ok: true; value: { lines: string[] } }).value.lines.length).toBe(value.rules.length)
  })

  it('updateIncident refuses an extra field that is a contract field', async () => {
    await expect(service.updateIncident('eval-trunk-03', {}, { root_cause: 'x' })).rejects.toThrow(/contract/)
  })
})
