import { Button, Center, EmptyState, Group } from '@mantine/core'
import { IconFilterOff, IconSearch, IconSearchOff } from '@tabler/icons-react'
import { setMode, setSearchFilters, submit, type SearchState } from './searchState'

const EXAMPLES = [
  "bgp session won't establish",
  'ospf neighbour stuck in exstart',
  'floor lost connectivity after vlan change',
  'crc errors on uplink'
]

/** Before any search: what the box does, and a few queries to try. */
export function SearchIntro() {
  return (
    <Center className="nm-empty" data-testid="search-intro">
      <EmptyState
        size="sm"
        icon={<IconSearch size={22} />}
        withIndicatorBackground
        title="Find incidents like the one in front of you"
        description="Describe it in your own words. Keywords, networking synonyms (peer, neighbour, adjacency) and meaning all count, and typos are read through."
        maw={560}
      >
        <EmptyState.Actions>
          <Group gap={6} justify="center">
            {EXAMPLES.map((example) => (
              <Button key={example} variant="default" size="compact-xs" onClick={() => submit(example)}>
                {example}
              </Button>
            ))}
          </Group>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  )
}

/** A search that found nothing, and the ways to widen it. */
export function NoResults({ state }: { state: SearchState }) {
  const filtered = Object.keys(state.filters).length > 0
  return (
    <Center className="nm-empty" data-testid="search-empty">
      <EmptyState
        size="sm"
        icon={<IconSearchOff size={22} />}
        withIndicatorBackground
        title={`No incident matches “${state.query}”`}
        description={
          filtered
            ? 'Nothing with these filters: clear them to search every incident.'
            : state.mode === 'hybrid'
              ? 'Try other words for the symptom, a device name, or a log message.'
              : 'Hybrid search also finds incidents by meaning and synonyms.'
        }
        maw={560}
      >
        {(filtered || state.mode !== 'hybrid') && (
          <EmptyState.Actions>
            <Group gap={6} justify="center">
              {filtered && (
                <Button
                  variant="light"
                  leftSection={<IconFilterOff size={14} />}
                  onClick={() => setSearchFilters({})}
                >
                  Clear filters
                </Button>
              )}
              {state.mode !== 'hybrid' && (
                <Button variant="light" onClick={() => setMode('hybrid')}>
                  Search in hybrid mode
                </Button>
              )}
            </Group>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Center>
  )
}
