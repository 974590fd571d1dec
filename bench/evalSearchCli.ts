import { evaluate, formatReport, withEvalService } from './searchEval'

// `npm run eval:search`: search quality on the labelled development set.
// `npm run eval:search -- --sweep`: hybrid quality over a coarse grid of fusion weights.
void withEvalService(async ({ service, labels, heldout }) => {
  if (!process.argv.includes('--sweep')) {
    console.log(formatReport(await evaluate(service, labels, heldout)))
    return
  }
  const rows: string[] = []
  for (let keyword = 0.2; keyword <= 0.81; keyword += 0.1) {
    for (let expansion = 0; expansion <= 0.31; expansion += 0.1) {
      const vector = 1 - keyword - expansion
      if (vector < 0) continue
      const fusion = { keyword, expansion, vector }
      const r = (await evaluate(service, labels, heldout, fusion)).modes.hybrid
      rows.push(
        [keyword, expansion, vector].map((x) => x.toFixed(2)).join(' ') +
          `  P@5 ${r.overall.precision5.toFixed(3)}  R@5 ${r.overall.recall5.toFixed(3)}  nDCG ${r.overall.ndcg10.toFixed(3)}  held-out P@5 ${r.heldoutPrecision5.toFixed(3)}`
      )
    }
  }
  console.log(rows.join('\n'))
})
