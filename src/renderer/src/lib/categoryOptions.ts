import { KNOWN_CATEGORIES } from '../../../shared/incident'

/** The four known categories first, then any other the store has seen. */
export function categoryOptions(seen: { value: string }[] = []): string[] {
  return [...new Set<string>([...KNOWN_CATEGORIES, ...seen.map((c) => c.value)])]
}
