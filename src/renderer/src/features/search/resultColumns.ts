import { CATEGORY_COLUMN, INCIDENT_COLUMN, SEVERITY_COLUMN } from '../../components/incidentCells'
import { gridTemplate } from '../../components/ResultGrid'

/** The columns of the search results: what scored it, what it is, what it says. */
export const RESULT_COLUMNS = [
  { key: 'score', label: 'Score', width: '86px' },
  { key: 'signals', label: 'Found by', width: '196px' },
  INCIDENT_COLUMN,
  SEVERITY_COLUMN,
  { key: 'status', label: 'Status', width: '88px' },
  CATEGORY_COLUMN,
  { key: 'description', label: 'Description', width: 'minmax(280px, 1fr)' }
] as const

export const RESULT_GRID = gridTemplate(RESULT_COLUMNS)

/** The rows' DOM ids: this and the row's index. */
export const RESULT_ROW_ID = 'search-result-'
