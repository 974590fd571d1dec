import { DEFAULT_ANALYSIS } from '../src/main/core/analysis/analyze'
import { evaluateRca, formatRcaReport, formatSweepLine } from './rcaEval'
import { withEvalService } from './searchEval'

// `npm run eval:rca`: root-cause analysis quality on the labelled development set.
// `npm run eval:rca -- --verbose`: and the outcome of each held-out incident.
// `npm run eval:rca -- --stored`: each held-out incident stored and analysed by id, not as a draft.
// `npm run eval:rca -- --sweep`: the figures over a coarse grid of the analysis's thresholds.
void withEvalService(async ({ service, labels, heldout }) => {
  if (!process.argv.includes('--sweep')) {
    console.log(
      formatRcaReport(await evaluateRca(service, labels, heldout), process.argv.includes('--verbose'))
    )
    return
  }
  for (const minScore of [0.6, 0.7, 0.75, 0.8, 0.85, 0.9]) {
    for (const causeGroupMinJaccard of [0.1, 0.15, 0.2]) {
      for (const patternScope of ['similar', 'candidates'] as const) {
        const settings = { ...DEFAULT_ANALYSIS, minScore, causeGroupMinJaccard, patternScope }
        console.log(formatSweepLine(await evaluateRca(service, labels, heldout, settings)))
      }
    }
  }
})
