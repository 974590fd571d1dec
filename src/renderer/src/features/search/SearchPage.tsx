import { useEffect, useRef } from 'react'
import { RetryAlert } from '../../components/RetryAlert'
import { Text } from '@mantine/core'
import { PageHeader } from '../../components/PageHeader'
import { ResultGrid } from '../../components/ResultGrid'
import { plural } from '../../lib/format'
import { useStore } from '../../lib/store'
import { useCall } from '../../lib/useCall'
import { useListNavigation } from '../../lib/useListNavigation'
import { FilterBar } from '../incidents/FilterBar'
import { SearchBar } from './SearchBar'
import { NoResults, SearchIntro } from './SearchEmpty'
import { SearchNotes } from './SearchNotes'
import { RESULT_COLUMNS, RESULT_ROW_ID } from './resultColumns'
import { ResultRow } from './ResultRow'
import { SearchStatusBar } from './SearchStatusBar'
import { focusHandled, searchState, selectResult, setSearchFilters } from './searchState'
import { SEARCH_LIMIT, useSearch } from './useSearch'

export function SearchPage() {
  const state = useStore(searchState)
  const { response, error, loading, reload } = useSearch(state)
  const { data: facets } = useCall('incidents.facets', {})
  const inputRef = useRef<HTMLInputElement>(null)
  const gridRef = useRef<HTMLDivElement>(null)

  const results = response?.results ?? []
  const { selectedIndex, moveTo, open } = useListNavigation(results, state.selectedId, {
    grid: gridRef,
    pageSize: 10,
    onSelect: selectResult,
    onSlash: () => {
      inputRef.current?.focus()
      inputRef.current?.select()
    }
  })

  // The box takes the focus on `s`, and on arrival when there is nothing searched yet;
  // coming back from a result, the results keep it so j/k go on where they were.
  useEffect(() => {
    if (state.focusRequested || searchState.get().query === '') {
      inputRef.current?.focus()
      inputRef.current?.select()
      focusHandled()
    } else {
      gridRef.current?.focus({ preventScroll: true })
    }
  }, [state.focusRequested])

  return (
    <div className="nm-page">
      <PageHeader title="Search">
        <Text size="xs" c="dimmed" data-testid="search-count" aria-live="polite">
          {response
            ? `${results.length === SEARCH_LIMIT ? 'top ' : ''}${plural(results.length, 'result')}`
            : 'similar incidents, by words, synonyms and meaning'}
        </Text>
      </PageHeader>
      <SearchBar
        text={state.text}
        mode={state.mode}
        loading={loading}
        inputRef={inputRef}
        onDown={() => moveTo(selectedIndex < 0 ? 0 : selectedIndex)}
      />
      <FilterBar filters={state.filters} facets={facets} onChange={setSearchFilters} />
      {response && <SearchNotes response={response} />}
      {state.query === '' ? (
        <SearchIntro />
      ) : error ? (
        <RetryAlert title="Search failed" error={error} onRetry={reload} testId="search-error" />
      ) : response && results.length === 0 ? (
        <NoResults state={state} />
      ) : (
        <ResultGrid
          label="Search results"
          testId="search-results"
          rowIdPrefix={RESULT_ROW_ID}
          columns={RESULT_COLUMNS}
          items={results}
          keyOf={(result) => result.id}
          selectedIndex={selectedIndex}
          busy={loading}
          gridRef={gridRef}
          renderRow={(result, index, selected) => (
            <ResultRow result={result} index={index} selected={selected} onOpen={open} />
          )}
        />
      )}
      <SearchStatusBar />
    </div>
  )
}
