import type { PreflightResult } from '../../../../shared/networkModel'
import { createStore } from '../../lib/store'
import type { LoadedModel } from './readModel'

export interface PreflightState {
  loaded: LoadedModel | null
  /** Why the last file could not be checked, in one line. */
  problem: string | null
  /** Capture an incident when the model is not ready. */
  capture: boolean
  result: PreflightResult | null
  /** Whether the run that gave `result` was allowed to capture. */
  resultCaptured: boolean
  /** Increases with every run, so the findings open afresh. */
  run: number
}

/** Kept outside the screen: opening the captured incident and coming back shows the same run. */
export const preflightState = createStore<PreflightState>({
  loaded: null,
  problem: null,
  capture: true,
  result: null,
  resultCaptured: true,
  run: 0
})

export function setCapture(capture: boolean): void {
  preflightState.set((s) => ({ ...s, capture }))
}

/** A file that cannot be checked: nothing of it is kept. */
export function setProblem(problem: string): void {
  preflightState.set((s) => ({ ...s, problem, loaded: null, result: null }))
}

/** A check the core refused or could not run: the model stays, to run again. */
export function setRunProblem(problem: string): void {
  preflightState.set((s) => ({ ...s, problem, result: null }))
}

export function setLoaded(loaded: LoadedModel): void {
  preflightState.set((s) => ({ ...s, loaded, problem: null, result: null }))
}

export function setResult(result: PreflightResult, captured: boolean): void {
  preflightState.set((s) => ({ ...s, result, resultCaptured: captured, problem: null, run: s.run + 1 }))
}
