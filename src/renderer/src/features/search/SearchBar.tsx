import type { RefObject } from 'react'
import { CloseButton, Group, Kbd, Loader, SegmentedControl, TextInput, Tooltip } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import type { SearchMode } from '../../../../shared/search'
import { setMode, setText, submit } from './searchState'

const MODES: { value: SearchMode; label: string; hint: string }[] = [
  { value: 'hybrid', label: 'Hybrid', hint: 'Words, synonyms and meaning, fused' },
  { value: 'keyword', label: 'Keyword', hint: 'Words and their synonyms only' },
  { value: 'vector', label: 'Vector', hint: 'Meaning only (the embedding model)' }
]

interface Props {
  text: string
  mode: SearchMode
  loading: boolean
  inputRef: RefObject<HTMLInputElement | null>
  /** ArrowDown in the box: on to the results. */
  onDown: () => void
}

/** The query box (searches after a pause in typing, or at once on Enter) and the mode. */
export function SearchBar({ text, mode, loading, inputRef, onDown }: Props) {
  const later = useDebouncedCallback((value: string) => submit(value), 300)
  const now = (value: string) => {
    later.cancel()
    submit(value)
  }
  return (
    <Group gap="sm" px="md" py={6} wrap="nowrap" className="nm-filter-bar">
      <TextInput
        ref={inputRef}
        size="sm"
        style={{ flex: 1, maxWidth: 760 }}
        aria-label="Search incidents"
        data-testid="search-input"
        placeholder="Describe the failure: bgp session won't establish after maintenance…"
        leftSection={<IconSearch size={16} />}
        rightSectionWidth={loading || text ? 32 : 48}
        rightSection={
          loading ? (
            <Loader size={14} />
          ) : text ? (
            <CloseButton size="sm" aria-label="Clear the search" onClick={() => now('')} />
          ) : (
            <Kbd size="xs">s</Kbd>
          )
        }
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value)
          later(event.currentTarget.value)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            now(event.currentTarget.value)
          } else if (event.key === 'ArrowDown') {
            event.preventDefault()
            now(event.currentTarget.value)
            onDown()
          }
        }}
      />
      <SegmentedControl
        aria-label="Search mode"
        data-testid="search-mode"
        value={mode}
        onChange={(value) => setMode(value as SearchMode)}
        data={MODES.map((m) => ({
          value: m.value,
          label: (
            <Tooltip label={m.hint}>
              <span>{m.label}</span>
            </Tooltip>
          )
        }))}
      />
    </Group>
  )
}
