/** The columns of the search results: what scored it, what it is, what it says. */
export const RESULT_COLUMNS = [
  { key: 'score', label: 'Score', width: '86px' },
  { key: 'signals', label: 'Found by', width: '196px' },
  { key: 'id', label: 'Incident', width: 'minmax(140px, 170px)' },
  { key: 'severity', label: 'Severity', width: '80px' },
  { key: 'status', label: 'Status', width: '88px' },
  { key: 'category', label: 'Category', width: 'minmax(100px, 140px)' },
  { key: 'description', label: 'Description', width: 'minmax(280px, 1fr)' }
] as const

export const RESULT_GRID = RESULT_COLUMNS.map((c) => c.width).join(' ')
