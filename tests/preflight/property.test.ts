import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FindingCode } from '../../src/shared/networkModel'
import { validateModel } from '../../src/main/core/preflight/validate'
import { FAULTS, fabric, fullParams, params } from './generators'

describe('generated models (fast-check)', () => {
  it('a clean fabric gives no findings', () => {
    fc.assert(
      fc.property(params(), (p) => {
        expect(validateModel(fabric(p).model)).toEqual([])
      }),
      { numRuns: 300 }
    )
  })

  it('each injected fault is reported once, with its code and the devices the contract names', () => {
    const full = fullParams()
    const codes = Object.keys(FAULTS) as FindingCode[]
    fc.assert(
      fc.property(full, fc.constantFrom(...codes), fc.nat(100), fc.nat(100), (p, code, n, m) => {
        const built = fabric(p)
        const expected = FAULTS[code](built, n, m)
        expect(expected.code).toBe(code)
        const findings = validateModel(built.model)
        expect(findings.map((f) => [f.code, f.devices])).toEqual([[expected.code, expected.devices]])
        expect(findings[0]!.severity).toBe(code === 'BGP_NEIGHBOR_UNKNOWN' ? 'warning' : 'error')
      }),
      { numRuns: 800 }
    )
  })
})
