import type { IncidentPage } from '../../../../shared/api'
import { useCall } from '../../lib/useCall'
import type { ListState } from './listState'

/** Every summary matching the filters, in the chosen order: the table virtualises them all. */
export const LIST_LIMIT = 100_000

export function useIncidentList(state: ListState): {
  page: IncidentPage | undefined
  loading: boolean
  reload: () => void
} {
  const { data, loading, reload } = useCall('incidents.list', {
    limit: LIST_LIMIT,
    sort: state.sort,
    direction: state.direction,
    ...state.filters
  })
  return { page: data, loading, reload }
}
