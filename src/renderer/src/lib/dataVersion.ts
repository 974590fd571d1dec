import { createStore, useStore } from './store'

/** Counts changes to the stored incidents; views that show data load again when it moves. */
const dataVersion = createStore(0)

export function bumpDataVersion(): void {
  dataVersion.set((v) => v + 1)
}

export function useDataVersion(): number {
  return useStore(dataVersion)
}
