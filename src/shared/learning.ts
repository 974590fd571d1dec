import { z } from 'zod'
import { IncidentId, type Severity } from './incident'
import type { ConfidenceLevel } from './analysis'
import type { FindingCode, FindingSeverity } from './networkModel'
import type { TestKind } from './testgen'

/**
 * Learning from incidents (docs: the parts 4 and 6): the loop that turns an analysed
 * incident into a root cause and a regression test, and the knowledge built from what was
 * learned (policy rules, prompt guidance). Types and input schemas only.
 */

/** What learning did with one incident: what `netmortem learn ID --json` prints. */
export interface Learning {
  incident_id: string
  /** The incident's root cause after learning: the suggestion when applied, else what it had (maybe null). */
  root_cause: string | null
  confidence: number
  confidence_level: ConfidenceLevel
  /** The generated regression test stored on the incident (Python source). */
  regression_test: string
  /** Whether the suggested root cause was taken (high confidence) and the incident resolved. */
  applied: boolean
  /** 'resolved' when resolved (now or before), 'open' when it stays open for review. */
  status: 'open' | 'resolved'
  /** The analysis's suggestion, whether applied or not. */
  suggested_root_cause: string
  similar_incidents: string[]
  patterns_found: string[]
  test: { kind: TestKind; filename: string; checks: string[]; skeleton: boolean }
  /** When it was learned (ISO). */
  learned_at: string
  /** One sentence for the engineer: what was done, and why. */
  message: string
}

/** What `netmortem learn --recent N --json` prints. */
export interface RecentLearning {
  /** The recent incidents considered (at most N, newest first). */
  total_incidents: number
  /** How many of them were unresolved. */
  unresolved: number
  /** How many of those were analysed and learned from. */
  analyzed: number
  learnings: Learning[]
  /** Incidents that could not be learned from, and why. */
  errors: { incident_id: string; error: string }[]
}

/** A policy rule learned from incidents: a kind of model fault that incidents showed. */
export interface PolicyRule {
  code: FindingCode
  /** The finding's severity in the network model contract. */
  severity: FindingSeverity
  /** The highest severity among the incidents it was learned from. */
  incident_severity: Severity
  /** What it checks, in one sentence. */
  checks: string
  /** The incidents it was learned from, newest first. */
  learned_from: string[]
  count: number
}

export interface PolicyExport {
  generated_at: string
  rules: PolicyRule[]
  /** The Python NetworkPolicy module (network_policy.py). */
  python: string
}

export interface GuidanceLine {
  code: FindingCode
  severity: Severity
  count: number
  text: string
}

export interface PromptGuidance {
  /** One line per rule, most often learned first: 'CRITICAL: Ensure ... (learned from 5 incidents)'. */
  lines: string[]
  items: GuidanceLine[]
}

export const LearnInputSchema = z.object({ id: IncidentId }).strict()
export const LearnRecentInputSchema = z.object({ limit: z.number().int().min(1).max(100_000) }).strict()
