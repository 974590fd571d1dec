import { Mark } from '@mantine/core'
import { highlightParts } from './highlight'

/** A description with the words the search matched as <mark>. */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {highlightParts(text).map((part, i) =>
        part.marked ? (
          <Mark key={i} className="nm-mark">
            {part.text}
          </Mark>
        ) : (
          part.text
        )
      )}
    </>
  )
}
