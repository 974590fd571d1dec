import type { SortField } from './listState'

export interface Column {
  key: 'id' | 'timestamp' | 'severity' | 'category' | 'status' | 'devices' | 'description'
  label: string
  /** The server-side sort this header asks for, when it can sort. */
  sort?: SortField
  width: string
}

export const COLUMNS: Column[] = [
  { key: 'id', label: 'ID', sort: 'id', width: 'minmax(150px, 210px)' },
  { key: 'timestamp', label: 'Time (UTC)', sort: 'timestamp', width: '128px' },
  { key: 'severity', label: 'Severity', sort: 'severity', width: '82px' },
  { key: 'category', label: 'Category', sort: 'category', width: 'minmax(110px, 150px)' },
  { key: 'status', label: 'Status', sort: 'status', width: '92px' },
  { key: 'devices', label: 'Devices', width: 'minmax(120px, 220px)' },
  { key: 'description', label: 'Description', width: 'minmax(200px, 1fr)' }
]

export const GRID_TEMPLATE = COLUMNS.map((c) => c.width).join(' ')

export const ROW_HEIGHT = 28
