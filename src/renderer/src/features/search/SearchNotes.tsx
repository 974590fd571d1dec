import { useState } from 'react'
import { Anchor, Group, Stack, Text } from '@mantine/core'
import { IconArrowsSplit2, IconTextSpellcheck } from '@tabler/icons-react'
import type { SearchResponse } from '../../../../shared/search'

/** Expansions beyond this many are folded behind "+N more". */
const FOLDED = 8

/** `Read 'sesion' as 'session', 'estabish' as 'establish'`. */
export function correctionText(corrections: Record<string, string>): string {
  const pairs = Object.entries(corrections).map(([typed, read]) => `'${typed}' as '${read}'`)
  return `Read ${pairs.join(', ')}`
}

function Expansions({ words }: { words: string[] }) {
  const [open, setOpen] = useState(false)
  const folded = words.length > FOLDED && !open
  const shown = folded ? words.slice(0, FOLDED) : words
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="search-expansions">
      <IconArrowsSplit2 size={14} style={{ flex: 'none', marginTop: 2 }} aria-hidden />
      <Text size="xs" c="dimmed">
        Also searched: <span className="nm-mono">{shown.join(', ')}</span>
        {words.length > FOLDED && (
          <>
            {folded ? '… ' : ' '}
            <Anchor component="button" size="xs" onClick={() => setOpen((o) => !o)}>
              {folded ? `+${words.length - FOLDED} more` : 'less'}
            </Anchor>
          </>
        )}
      </Text>
    </Group>
  )
}

/** How the query was read: typos corrected, synonyms added. */
export function SearchNotes({ response }: { response: SearchResponse }) {
  const corrected = Object.keys(response.corrections).length > 0
  if (!corrected && response.expansions.length === 0) return null
  return (
    <Stack gap={2} px="md" py={5} className="nm-search-notes">
      {corrected && (
        <Group gap={6} wrap="nowrap" data-testid="search-corrections">
          <IconTextSpellcheck size={14} style={{ flex: 'none' }} aria-hidden />
          <Text size="xs">{correctionText(response.corrections)}</Text>
        </Group>
      )}
      {response.expansions.length > 0 && <Expansions words={response.expansions} />}
    </Stack>
  )
}
