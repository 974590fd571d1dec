/** The columns of the RCA report: how sure, which incident, what it says, what probably caused it. */
export const RCA_COLUMNS = [
  { key: 'confidence', label: 'Confidence', width: '128px' },
  { key: 'id', label: 'Incident', width: 'minmax(140px, 170px)' },
  { key: 'severity', label: 'Severity', width: '80px' },
  { key: 'category', label: 'Category', width: 'minmax(100px, 140px)' },
  { key: 'description', label: 'Description', width: 'minmax(220px, 1fr)' },
  { key: 'suggestion', label: 'Suggested root cause', width: 'minmax(260px, 1.25fr)' },
  { key: 'similar', label: 'Similar', width: '68px' }
] as const

export const RCA_GRID = RCA_COLUMNS.map((c) => c.width).join(' ')
