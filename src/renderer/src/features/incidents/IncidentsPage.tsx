import { useRef } from 'react'
import { Button, Loader, Text } from '@mantine/core'
import { IconPlus, IconRefresh } from '@tabler/icons-react'
import { PageHeader } from '../../components/PageHeader'
import { plural } from '../../lib/format'
import { navigate } from '../../lib/router'
import { useStore } from '../../lib/store'
import { useCall } from '../../lib/useCall'
import { useListNavigation } from '../../lib/useListNavigation'
import { EmptyTable } from './EmptyTable'
import { FilterBar } from './FilterBar'
import { IncidentTable } from './IncidentTable'
import { TableStatusBar } from './TableStatusBar'
import { activeFilterCount, listState, select, setFilters } from './listState'
import { useIncidentList } from './useIncidentList'

export function IncidentsPage() {
  const state = useStore(listState)
  const { page, loading, reload } = useIncidentList(state)
  const { data: facets } = useCall('incidents.facets', {})
  const gridRef = useRef<HTMLDivElement>(null)
  const filtersRef = useRef<HTMLInputElement>(null)

  const items = page?.items ?? []
  const { selectedIndex, open } = useListNavigation(items, state.selectedId, {
    grid: gridRef,
    pageSize: 20,
    onSelect: select,
    onSlash: () => filtersRef.current?.focus()
  })

  const total = facets?.total
  return (
    <div className="nm-page">
      <PageHeader
        title="Incidents"
        actions={
          <>
            <Button variant="default" leftSection={<IconRefresh size={14} />} onClick={reload}>
              Reload
            </Button>
            <Button leftSection={<IconPlus size={14} />} onClick={() => navigate({ page: 'capture' })}>
              Capture
            </Button>
          </>
        }
      >
        <Text size="xs" c="dimmed" data-testid="incident-count" aria-live="polite">
          {page ? `${page.total.toLocaleString('en-US')} of ${plural(total ?? page.total, 'incident')}` : ''}
        </Text>
        {page && items.length < page.total && (
          <Text size="xs" c="orange">
            showing the first {items.length.toLocaleString('en-US')}: narrow the filters
          </Text>
        )}
        {loading && <Loader size={12} />}
      </PageHeader>
      <FilterBar filters={state.filters} facets={facets} onChange={setFilters} firstRef={filtersRef} />
      {page && items.length === 0 ? (
        <EmptyTable filtered={activeFilterCount(state.filters) > 0} />
      ) : (
        <IncidentTable
          items={items}
          selectedIndex={selectedIndex}
          sort={state.sort}
          direction={state.direction}
          busy={loading}
          onSelect={select}
          onOpen={open}
          gridRef={gridRef}
        />
      )}
      <TableStatusBar />
    </div>
  )
}
