import { CATEGORY_COLUMN, INCIDENT_COLUMN, SEVERITY_COLUMN } from '../../components/incidentCells'
import { gridTemplate } from '../../components/ResultGrid'

/** The columns of the RCA report: how sure, which incident, what it says, what probably caused it. */
export const RCA_COLUMNS = [
  { key: 'confidence', label: 'Confidence', width: '128px' },
  INCIDENT_COLUMN,
  SEVERITY_COLUMN,
  CATEGORY_COLUMN,
  { key: 'description', label: 'Description', width: 'minmax(220px, 1fr)' },
  { key: 'suggestion', label: 'Suggested root cause', width: 'minmax(260px, 1.25fr)' },
  { key: 'similar', label: 'Similar', width: '68px' }
] as const

export const RCA_GRID = gridTemplate(RCA_COLUMNS)

/** The rows' DOM ids: this and the row's index. */
export const RCA_ROW_ID = 'rca-entry-'
