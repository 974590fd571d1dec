import { UnstyledButton } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react'
import { COLUMNS, GRID_TEMPLATE } from './columns'
import { sortBy, type Direction, type SortField } from './listState'

function SortIcon({ active, direction }: { active: boolean; direction: Direction }) {
  if (!active) return <IconArrowsSort size={12} className="nm-sort-idle" />
  return direction === 'asc' ? <IconArrowUp size={12} /> : <IconArrowDown size={12} />
}

export function TableHeader({ sort, direction }: { sort: SortField; direction: Direction }) {
  return (
    <div
      role="row"
      aria-rowindex={1}
      className="nm-header-row"
      style={{ gridTemplateColumns: GRID_TEMPLATE }}
    >
      {COLUMNS.map((column) => {
        const active = column.sort === sort
        const ariaSort = active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'
        return (
          <div
            key={column.key}
            role="columnheader"
            aria-sort={column.sort ? ariaSort : undefined}
            className="nm-hcell"
          >
            {column.sort ? (
              <UnstyledButton
                className="nm-sort-button"
                data-testid={`sort-${column.sort}`}
                aria-label={`Sort by ${column.label}`}
                onClick={() => sortBy(column.sort!)}
              >
                <span>{column.label}</span>
                <SortIcon active={active} direction={direction} />
              </UnstyledButton>
            ) : (
              <span>{column.label}</span>
            )}
          </div>
        )
      })}
    </div>
  )
}
