import type { RefObject } from 'react'
import { Button, Group, Select } from '@mantine/core'
import { IconFilterOff } from '@tabler/icons-react'
import type { Facets } from '../../../../shared/api'
import { filterOptions, type Option } from './facetOptions'
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

type Facet = 'severity' | 'category' | 'status' | 'device'

interface FacetSelectProps {
  facet: Facet
  label: string
  width: number
  data: Option[]
  value: string | undefined
  onChange: (value: string | null) => void
  inputRef?: RefObject<HTMLInputElement | null>
  nothingFound?: string
  limit?: number
}

/** One facet's filter: searchable and clearable, marked while it is in use. */
function FacetSelect({ facet, label, width, value, inputRef, nothingFound, ...rest }: FacetSelectProps) {
  return (
    <Select
      ref={inputRef}
      className={activeClass(value)}
      aria-label={`${label} filter`}
      data-testid={`filter-${facet}`}
      placeholder={label}
      w={width}
      searchable
      clearable
      value={value ?? null}
      nothingFoundMessage={nothingFound}
      {...rest}
    />
  )
}

/**
 * Filters sent to the core as they are (ListQuery or SearchFilters fields): severity,
 * category, status, device, dates. The incident table and the search screen share it.
 */
export function FilterBar({ filters, facets, onChange, firstRef }: Props) {
  const options = filterOptions(facets)
  // The options list only the values the core accepts for each facet, hence the cast.
  const facet = (key: Facet) => ({
    facet: key,
    data: options[key],
    value: filters[key],
    onChange: (value: string | null) => onChange(withFilter(filters, key, value as Filters[Facet] | null))
  })
  return (
    <Group gap={6} px="md" py={6} wrap="wrap" className="nm-filter-bar" role="search" aria-label="Filters">
      <FacetSelect {...facet('severity')} label="Severity" width={130} inputRef={firstRef} />
      <FacetSelect {...facet('category')} label="Category" width={190} nothingFound="No such category" />
      <FacetSelect {...facet('status')} label="Status" width={130} />
      <FacetSelect
        {...facet('device')}
        label="Device"
        width={190}
        limit={200}
        nothingFound="No such device"
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
