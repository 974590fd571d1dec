import type { CauseGroup, Pattern, PatternKind } from '../../../shared/analysis'
import { DEFAULT_CATEGORY, type Incident } from '../../../shared/incident'
import { causeWords, jaccard } from './rootCauseVote'
import { configChangeLines } from '../incidents/record'

/**
 * Patterns: what the similar incidents have in common that backs the suggested cause.
 *
 * Five kinds are looked for: the common root cause, validation codes, config changes, affected
 * devices and the category. A value (a code, a device, a change...) makes a pattern only when
 *  - it is shared with the analysed incident and at least one similar incident of the winning
 *    cause group shows it, or at least two of the winning group's incidents show it; and
 *  - it points the same way as the vote: of all the search candidates (the top 10, similar or
 *    not) that are resolved with a root cause and show it, those of the winning group hold more
 *    than half of the score weight.
 * So a device that half the fabric's incidents share, or a category most candidates have, does
 * not count, and patterns raise the confidence only when they single out the suggestion.
 * The common root cause is a pattern when the winning group has at least two incidents and
 * holds more than half of the whole vote.
 */

/** Jaccard similarity of two config changes' words from which they are alike. */
export const CHANGE_MIN_JACCARD = 0.3

/** Strongest first: the order of `patterns_found`, and the first is named in the suggestion. */
const ORDER: PatternKind[] = ['validation_codes', 'config_changes', 'root_cause', 'devices', 'category']

export interface Neighbour {
  incident: Incident
  /** Its fused search score: its vote's weight. */
  score: number
}

export interface FoundPattern extends Pattern {
  /** The pattern as the end of a sentence: "Common pattern: ...". */
  phrase: string
}

/** The validation codes of an incident: the `code` of each pre-flight finding. */
export function codesOf(incident: Incident): string[] {
  const codes = incident.validation_errors
    .map((e) => e.code)
    .filter((c): c is string => typeof c === 'string')
  return [...new Set(codes.map((c) => c.trim()).filter(Boolean))]
}

/** Each config change as one line of text. */
export const changesOf = configChangeLines

interface Kind {
  kind: Exclude<PatternKind, 'root_cause'>
  values: (incident: Incident) => string[]
  alike: (a: string, b: string) => boolean
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

const kindsOf = (changeMinJaccard: number): Kind[] => [
  { kind: 'validation_codes', values: codesOf, alike: same },
  {
    kind: 'config_changes',
    values: changesOf,
    alike: (a, b) => a === b || jaccard(causeWords(a), causeWords(b)) >= changeMinJaccard
  },
  { kind: 'devices', values: (i) => [...new Set(i.affected_devices)], alike: same },
  {
    kind: 'category',
    values: (i) => (i.category && i.category !== DEFAULT_CATEGORY ? [i.category] : []),
    alike: same
  }
]

export interface PatternInput {
  /** The similar resolved incidents with a root cause: the vote. */
  voters: Neighbour[]
  /**
   * Every search candidate (similar or not) that is resolved with a root cause: a pattern
   * points the same way as the vote only if, among these, the winning group dominates it.
   */
  candidates: Neighbour[]
  winner: CauseGroup | undefined
  changeMinJaccard?: number
}

/** The patterns backing the winning cause group, strongest first. */
export function findPatterns(incident: Incident, input: PatternInput): FoundPattern[] {
  const { voters, candidates, winner } = input
  if (!winner) return []
  const backing = new Set(winner.incidents)
  const found: FoundPattern[] = []
  const common = rootCausePattern(winner, voters.length)
  if (common) found.push(common)
  for (const kind of kindsOf(input.changeMinJaccard ?? CHANGE_MIN_JACCARD)) {
    const pattern = patternOf(kind, incident, voters, candidates, backing)
    if (pattern) found.push(pattern)
  }
  return found.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind))
}

function rootCausePattern(winner: CauseGroup, voters: number): FoundPattern | undefined {
  if (winner.incidents.length < 2 || winner.share <= 0.5) return undefined
  const share = `${Math.round(winner.share * 100)}% of the vote`
  return {
    kind: 'root_cause',
    values: [winner.root_cause],
    incidents: winner.incidents,
    shared_with_incident: false,
    text: `Common root cause: ${winner.incidents.length} of ${voters} similar resolved incidents say the same (${share})`,
    phrase: `${winner.incidents.length} of ${voters} similar resolved incidents had this cause (${share})`
  }
}

function patternOf(
  kind: Kind,
  incident: Incident,
  voting: Neighbour[],
  candidates: Neighbour[],
  backing: Set<string>
): FoundPattern | undefined {
  const own = kind.values(incident)
  const values: { value: string; shared: boolean }[] = own.map((value) => ({ value, shared: true }))
  for (const n of voting) {
    if (!backing.has(n.incident.id)) continue
    for (const value of kind.values(n.incident)) {
      if (!values.some((c) => kind.alike(c.value, value))) values.push({ value, shared: false })
    }
  }
  const found: string[] = []
  const incidents = new Set<string>()
  let shared = false
  for (const { value, shared: withIncident } of values) {
    const showing = candidates.filter((n) => kind.values(n.incident).some((v) => kind.alike(v, value)))
    const agreeing = showing.filter((n) => backing.has(n.incident.id))
    if (agreeing.length < (withIncident ? 1 : 2)) continue
    const weightOf = (list: Neighbour[]) => list.reduce((sum, n) => sum + n.score, 0)
    if (weightOf(agreeing) <= weightOf(showing) / 2) continue
    found.push(value)
    for (const n of agreeing) incidents.add(n.incident.id)
    shared ||= withIncident
  }
  if (found.length === 0) return undefined
  return {
    kind: kind.kind,
    values: found,
    incidents: [...incidents],
    shared_with_incident: shared,
    ...wordsOf(kind.kind, found, incidents.size, shared)
  }
}

const similarOnes = (n: number) => `${n} similar ${n === 1 ? 'one' : 'ones'}`
const quoteChange = (c: string) => `"${c.length > 80 ? `${c.slice(0, 79)}…` : c}"`

function wordsOf(
  kind: Kind['kind'],
  values: string[],
  n: number,
  shared: boolean
): { text: string; phrase: string } {
  const where = shared ? `this incident and ${similarOnes(n)}` : similarOnes(n)
  const list = values.join(', ')
  switch (kind) {
    case 'validation_codes':
      return {
        text: `Common validation codes: ${list} (${where})`,
        phrase: `validation ${values.length === 1 ? 'code' : 'codes'} ${list} in ${where}`
      }
    case 'config_changes': {
      const changes = values.map(quoteChange).join(', ')
      return {
        text: `Common config changes: ${changes} (${where})`,
        phrase: `a change like ${changes} before ${where}`
      }
    }
    case 'devices':
      return {
        text: `Commonly affected devices: ${list} (${where})`,
        phrase: `${values.length === 1 ? 'device' : 'devices'} ${list} affected in ${where}`
      }
    case 'category':
      return { text: `Common category: ${list} (${where})`, phrase: `category ${list} in ${where}` }
  }
}

/** The suggestion: the cause, then the strongest pattern behind it. */
export function sentenceOf(cause: string, patterns: FoundPattern[]): string {
  const text = cause.trim().replace(/\s+/g, ' ')
  const withStop = /[.!?]$/.test(text) ? text : `${text}.`
  const strongest = patterns[0]
  return strongest ? `${withStop} Common pattern: ${strongest.phrase}.` : withStop
}
