import type { ConfidenceFactor, ConfidenceLevel } from '../../../../shared/analysis'

/** The colour of each confidence level: green to apply, yellow to review, red to analyse. */
export const LEVEL_COLOR: Record<ConfidenceLevel, string> = {
  high: 'green',
  medium: 'yellow',
  low: 'red'
}

/** What each level means for the engineer (the original system's table, as the CLI says it). */
export const LEVEL_MEANING: Record<ConfidenceLevel, string> = {
  high: 'safe to auto-apply',
  medium: 'review',
  low: 'manual analysis'
}

/** The level's meaning as a sentence, for tooltips and the gauge's caption. */
export const LEVEL_ADVICE: Record<ConfidenceLevel, string> = {
  high: 'Safe to auto-apply: strong evidence from similar resolved incidents.',
  medium: 'Review the evidence before applying the suggestion.',
  low: 'Manual analysis needed: the evidence is too thin to rely on.'
}

export const FACTOR_LABEL: Record<ConfidenceFactor['name'], string> = {
  similar: 'Similar found',
  resolved: 'Resolved similar',
  patterns: 'Patterns'
}

/** Confidence as the CLI prints it: three decimals. */
export const formatConfidence = (value: number): string => value.toFixed(3)
