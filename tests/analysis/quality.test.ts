import { describe, expect, it } from 'vitest'
import { evaluateRca, type RcaEvalReport } from '../../bench/rcaEval'
import { withEvalService } from '../../bench/searchEval'

/**
 * The quality floor of root-cause analysis on the labelled development set (tests/fixtures/eval):
 * the 32 held-out incidents analysed against the 64 resolved ones. The floors sit a little under
 * today's figures (npm run eval:rca; docs/analysis.md) so that an honest change passes and a real
 * regression fails.
 */
describe('root-cause analysis quality on the development set', () => {
  let report: RcaEvalReport

  it('analyses every held-out incident', async () => {
    report = await withEvalService(({ service, labels, heldout }) => evaluateRca(service, labels, heldout))
    expect(report.n).toBe(32)
  }, 120_000)

  it('suggests the right root cause often enough', () => {
    expect(report.top1Accuracy).toBeGreaterThanOrEqual(0.5)
    expect(report.answeredAccuracy).toBeGreaterThanOrEqual(0.6)
  })

  it('finds similar incidents of the same root cause', () => {
    expect(report.precision3Shown).toBeGreaterThanOrEqual(0.55)
    expect(report.precision3).toBeGreaterThanOrEqual(0.24)
    expect(report.similarPrecision).toBeGreaterThanOrEqual(0.58)
  })

  it('is calibrated: high-confidence suggestions are right at least 90% of the time', () => {
    const { high, medium, low } = report.levels
    expect(high.n).toBeGreaterThanOrEqual(2)
    expect(high.accuracy).toBeGreaterThanOrEqual(0.9)
    expect(high.accuracy).toBeGreaterThanOrEqual(medium.accuracy)
    expect(medium.accuracy).toBeGreaterThanOrEqual(low.accuracy)
  })
})
