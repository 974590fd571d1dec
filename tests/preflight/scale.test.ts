import { describe, expect, it } from 'vitest'
import { fabricModel } from '../../bench/preflightBench'
import { validateModel } from '../../src/main/core/preflight/validate'

describe('a 2,000-device model', () => {
  it('is clean when generated clean, and validates in time linear in its size', () => {
    const model = JSON.parse(JSON.stringify(fabricModel(2000))) as Record<string, unknown>
    const t = performance.now()
    expect(validateModel(model)).toEqual([])
    // Well under a second on an idle machine (npm run bench); the bound only catches a quadratic slip.
    expect(performance.now() - t).toBeLessThan(3000)
  })

  it('reports a fault in it like in a small one', () => {
    const model = fabricModel(2000) as { devices: { interfaces: { mtu?: number }[] }[] }
    model.devices[1500]!.interfaces[0]!.mtu = 1500
    const findings = validateModel(model)
    expect(findings.map((f) => f.code)).toEqual(['MTU_MISMATCH'])
  })
})
