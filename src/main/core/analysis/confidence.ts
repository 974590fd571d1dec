/**
 * The confidence of a suggested root cause, by the original system's published table: each
 * factor rises linearly to its threshold, then stays at its full weight.
 *
 * | factor                    | weight | full at |
 * | similar incidents found   | 0.4    | 3       |
 * | resolved similar incidents| 0.3    | 2       |
 * | patterns extracted        | 0.3    | 2       |
 *
 * Levels: 0.7 to 1.0 high (safe to auto-apply), 0.4 to 0.7 medium (review), below 0.4 low
 * (manual analysis).
 */
export const CONFIDENCE_FACTORS = {
  similar: { weight: 0.4, fullAt: 3 },
  resolved: { weight: 0.3, fullAt: 2 },
  patterns: { weight: 0.3, fullAt: 2 }
} as const

export type ConfidenceLevel = 'high' | 'medium' | 'low'

export interface ConfidenceFactor {
  name: keyof typeof CONFIDENCE_FACTORS
  count: number
  weight: number
  full_at: number
  /** What the factor adds: weight * min(count / full_at, 1). */
  value: number
}

export interface Confidence {
  confidence: number
  confidence_level: ConfidenceLevel
  factors: ConfidenceFactor[]
}

export function confidenceOf(counts: { similar: number; resolved: number; patterns: number }): Confidence {
  const factors = (Object.keys(CONFIDENCE_FACTORS) as (keyof typeof CONFIDENCE_FACTORS)[]).map((name) => {
    const { weight, fullAt } = CONFIDENCE_FACTORS[name]
    const count = counts[name]
    return { name, count, weight, full_at: fullAt, value: round(weight * Math.min(count / fullAt, 1)) }
  })
  const confidence = round(factors.reduce((sum, f) => sum + f.value, 0))
  return { confidence, confidence_level: levelOf(confidence), factors }
}

export function levelOf(confidence: number): ConfidenceLevel {
  if (confidence >= 0.7) return 'high'
  if (confidence >= 0.4) return 'medium'
  return 'low'
}

const round = (x: number) => Math.round(x * 1000) / 1000
