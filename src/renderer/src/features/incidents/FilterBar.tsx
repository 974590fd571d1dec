import type { RefObject } from 'react'
import { Button, Group, Select } from '@mantine/core'
import { IconFilterOff } from '@tabler/icons-react'
import type { Facets } from '../../../../shared/api'
import type { Severity, Status } from '../../../../shared/incident'
import { filterOptions } from './facetOptions'
import { DateRangeFilter } from './DateRangeFilter'
import { activeFilterCount, withFilter, type Filters } from './listState'

interface Props {
  filters: Filters
  facets: Facets | undefined
  onChange: (filters: Filters) => void
  firstRef?: RefObject<HTMLInputElement | null>
}

const activeClass = (value: string | undefined): string | undefined =>
  value ? 'nm-filter-active' : undefined

/**
 * Filters sent to the core as they are (ListQuery or SearchFilters fields): severity,
 * category, status, device, dates. The incident table and the search screen share it.
 */
export function FilterBar({ filters, facets, onChange, firstRef }: Props) {
  const options = filterOptions(facets)
  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K] | null) =>
    onChange(withFilter(filters, key, value))
  return (
    <Group gap={6} px="md" py={6} wrap="wrap" className="nm-filter-bar" role="search" aria-label="Filters">
      <Select
        ref={firstRef}
        className={activeClass(filters.severity)}
        aria-label="Severity filter"
        data-testid="filter-severity"
        placeholder="Severity"
        w={130}
        searchable
        clearable
        data={options.severity}
        value={filters.severity ?? null}
        onChange={(value) => setFilter('severity', value as Severity | null)}
      />
      <Select
        className={activeClass(filters.category)}
        aria-label="Category filter"
        data-testid="filter-category"
        placeholder="Category"
        w={190}
        searchable
        clearable
        data={options.category}
        value={filters.category ?? null}
        onChange={(value) => setFilter('category', value)}
        nothingFoundMessage="No such category"
      />
      <Select
        className={activeClass(filters.status)}
        aria-label="Status filter"
        data-testid="filter-status"
        placeholder="Status"
        w={130}
        searchable
        clearable
        data={options.status}
        value={filters.status ?? null}
        onChange={(value) => setFilter('status', value as Status | null)}
      />
      <Select
        className={activeClass(filters.device)}
        aria-label="Device filter"
        data-testid="filter-device"
        placeholder="Device"
        w={190}
        searchable
        clearable
        limit={200}
        data={options.device}
        value={filters.device ?? null}
        onChange={(value) => setFilter('device', value)}
        nothingFoundMessage="No such device"
      />
      <DateRangeFilter
        filters={filters}
        onChange={onChange}
        className={activeClass(filters.since ?? filters.until)}
      />
      {activeFilterCount(filters) > 0 && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={14} />}
          onClick={() => onChange({})}
          data-testid="clear-filters"
        >
          Clear filters
        </Button>
      )}
    </Group>
  )
}
