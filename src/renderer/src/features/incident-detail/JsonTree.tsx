import { useState } from 'react'
import { UnstyledButton } from '@mantine/core'
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react'

/** Children shown before a "show all" button: a model with 5,000 interfaces stays usable. */
const CHILD_LIMIT = 200

type Json = unknown

function isContainer(value: Json): value is Record<string, Json> | Json[] {
  return value !== null && typeof value === 'object'
}

function Scalar({ value }: { value: Json }) {
  if (value === null) return <span className="nm-json-null">null</span>
  switch (typeof value) {
    case 'string':
      return <span className="nm-json-string">&quot;{value}&quot;</span>
    case 'number':
    case 'bigint':
      return <span className="nm-json-number">{String(value)}</span>
    case 'boolean':
      return <span className="nm-json-bool">{String(value)}</span>
    default:
      return <span className="nm-json-null">{String(value)}</span>
  }
}

function summaryOf(value: Record<string, Json> | Json[]): string {
  if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? '' : 's'}]`
  const n = Object.keys(value).length
  return `{${n} key${n === 1 ? '' : 's'}}`
}

interface NodeProps {
  label: string | null
  value: Json
  depth: number
  openDepth: number
}

function JsonNode({ label, value, depth, openDepth }: NodeProps) {
  const [open, setOpen] = useState(depth < openDepth)
  const [showAll, setShowAll] = useState(false)
  const key = label !== null && <span className="nm-json-key">{label}: </span>

  if (!isContainer(value)) {
    return (
      <li role="treeitem" aria-selected={false} className="nm-json-leaf">
        {key}
        <Scalar value={value} />
      </li>
    )
  }

  const entries: [string, Json][] = Array.isArray(value)
    ? value.map((item, i) => [String(i), item])
    : Object.entries(value)
  const shown = showAll ? entries : entries.slice(0, CHILD_LIMIT)
  const empty = entries.length === 0
  return (
    <li role="treeitem" aria-selected={false} aria-expanded={empty ? undefined : open}>
      <UnstyledButton className="nm-json-toggle" onClick={() => setOpen((o) => !o)} disabled={empty}>
        {empty ? (
          <span className="nm-json-caret" />
        ) : open ? (
          <IconChevronDown size={12} className="nm-json-caret" />
        ) : (
          <IconChevronRight size={12} className="nm-json-caret" />
        )}
        {key}
        <span className="nm-json-summary">{summaryOf(value)}</span>
      </UnstyledButton>
      {open && !empty && (
        <ul role="group" className="nm-json-group">
          {shown.map(([k, v]) => (
            <JsonNode key={k} label={k} value={v} depth={depth + 1} openDepth={openDepth} />
          ))}
          {shown.length < entries.length && (
            <li>
              <UnstyledButton className="nm-json-more" onClick={() => setShowAll(true)}>
                show {entries.length - shown.length} more…
              </UnstyledButton>
            </li>
          )}
        </ul>
      )}
    </li>
  )
}

/**
 * Any JSON value as a collapsible tree. Levels deeper than `openDepth` start collapsed
 * (give the tree a new key to apply a new `openDepth` to nodes already shown).
 */
export function JsonTree({
  value,
  openDepth = 2,
  label = 'JSON'
}: {
  value: Json
  openDepth?: number
  label?: string
}) {
  return (
    <ul role="tree" aria-label={label} className="nm-json">
      <JsonNode label={null} value={value} depth={0} openDepth={openDepth} />
    </ul>
  )
}
