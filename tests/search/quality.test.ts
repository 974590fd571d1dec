import { describe, expect, it } from 'vitest'
import { evaluate, withEvalService, type EvalReport } from '../../bench/searchEval'

/**
 * The quality floor of similar-incident search on the labelled development set
 * (tests/fixtures/eval). The floors sit a little under today's figures (npm run eval:search)
 * so that an honest change of ranking passes and a real regression fails.
 */
describe('search quality on the development set', () => {
  let report: EvalReport

  it('measures all three modes', async () => {
    report = await withEvalService(({ service, labels, heldout }) => evaluate(service, labels, heldout))
    expect(Object.keys(report.modes)).toEqual(['keyword', 'vector', 'hybrid'])
  }, 120_000)

  it('hybrid beats keyword-only and vector-only, in precision and in recall', () => {
    const { keyword, vector, hybrid } = report.modes
    for (const other of [keyword, vector]) {
      expect(hybrid.overall.precision5).toBeGreaterThan(other.overall.precision5)
      expect(hybrid.overall.recall5).toBeGreaterThan(other.overall.recall5)
      expect(hybrid.overall.ndcg10).toBeGreaterThan(other.overall.ndcg10)
      expect(hybrid.heldoutPrecision5).toBeGreaterThanOrEqual(other.heldoutPrecision5)
    }
  })

  it('stays above its floors', () => {
    const { hybrid } = report.modes
    expect(hybrid.overall.precision5).toBeGreaterThanOrEqual(0.49)
    expect(hybrid.overall.recall5).toBeGreaterThanOrEqual(0.61)
    expect(hybrid.overall.mrr).toBeGreaterThanOrEqual(0.9)
    expect(hybrid.overall.ndcg10).toBeGreaterThanOrEqual(0.73)
    expect(hybrid.heldoutPrecision5).toBeGreaterThanOrEqual(0.36)
    // Typos are tolerated: typo queries do about as well as the rest.
    expect(hybrid.byKind.typo!.precision5).toBeGreaterThanOrEqual(0.58)
  })
})
