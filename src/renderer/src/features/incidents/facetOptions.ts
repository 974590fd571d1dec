import type { Facets } from '../../../../shared/api'
import { SEVERITIES, STATUSES } from '../../../../shared/incident'

export interface Option {
  value: string
  label: string
}

const counted = (list: { value: string; count: number }[]): Option[] =>
  list.map(({ value, count }) => ({ value, label: `${value} (${count.toLocaleString('en-US')})` }))

/** The choices of each filter, with how many incidents each one has. */
export function filterOptions(
  facets: Facets | undefined
): Record<'severity' | 'category' | 'status' | 'device', Option[]> {
  const severityCount = new Map(facets?.severities.map((s) => [s.value, s.count]))
  return {
    severity: SEVERITIES.map((value) => ({
      value,
      label: severityCount.has(value)
        ? `${value} (${severityCount.get(value)!.toLocaleString('en-US')})`
        : value
    })),
    status: STATUSES.map((value) => {
      const count = value === 'open' ? facets?.open : facets?.resolved
      return { value, label: count === undefined ? value : `${value} (${count.toLocaleString('en-US')})` }
    }),
    category: counted(facets?.categories ?? []),
    device: counted(facets?.devices ?? [])
  }
}
