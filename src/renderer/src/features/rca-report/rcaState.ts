import type { ConfidenceLevel } from '../../../../shared/analysis'
import { createStore } from '../../lib/store'

export type LevelFilter = ConfidenceLevel | 'all'

export interface RcaState {
  level: LevelFilter
  selectedId: string | null
}

/** Kept outside the screen so that the report's filter and selection survive opening an incident. */
export const rcaState = createStore<RcaState>({ level: 'all', selectedId: null })

export function setLevel(level: LevelFilter): void {
  rcaState.set((s) => (s.level === level ? s : { ...s, level }))
}

export function selectEntry(id: string | null): void {
  rcaState.set((s) => (s.selectedId === id ? s : { ...s, selectedId: id }))
}
