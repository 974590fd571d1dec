import { DatePickerInput } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'
import { datePresets } from './datePresets'
import { withDateRange, type Filters } from './listState'

/** The picker's value as the YYYY-MM-DD the core takes (a whole day). */
const dayOf = (value: string | Date | null): string | null =>
  value === null ? null : typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10)

interface Props {
  filters: Filters
  onChange: (filters: Filters) => void
  className?: string
}

export function DateRangeFilter({ filters, onChange, className }: Props) {
  return (
    <DatePickerInput
      type="range"
      className={className}
      aria-label="Date range filter"
      placeholder="Date range"
      leftSection={<IconCalendar size={14} />}
      w={230}
      clearable
      allowSingleDateInRange
      valueFormat="YYYY-MM-DD"
      presets={datePresets()}
      ariaLabels={{
        monthLevelControl: 'Choose a month',
        yearLevelControl: 'Choose a year',
        nextMonth: 'Next month',
        previousMonth: 'Previous month',
        nextYear: 'Next year',
        previousYear: 'Previous year',
        nextDecade: 'Next decade',
        previousDecade: 'Previous decade'
      }}
      value={[filters.since ?? null, filters.until ?? null]}
      onChange={([since, until]) => onChange(withDateRange(filters, dayOf(since), dayOf(until)))}
    />
  )
}
