import { ListSection } from '../../components/Section'
import { JsonTree } from './JsonTree'

function isFlat(value: unknown): value is Record<string, string | number | boolean | null> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => v === null || typeof v !== 'object')
  )
}

/** One change: a line of config as code, a flat object as key=value, anything else as a tree. */
function Change({ change }: { change: unknown }) {
  if (typeof change === 'string') return <code className="nm-code-line">{change}</code>
  if (isFlat(change)) {
    return (
      <span className="nm-kv-line">
        {Object.entries(change).map(([key, value]) => (
          <span key={key}>
            <span className="nm-json-key">{key}</span>=<span className="nm-mono">{String(value)}</span>
          </span>
        ))}
      </span>
    )
  }
  return <JsonTree value={change} openDepth={1} label="Config change" />
}

export function ConfigChangesSection({ changes }: { changes: unknown[] }) {
  return (
    <ListSection
      title="Config changes"
      testId="config-changes"
      count={changes.length}
      empty="No config changes were recorded."
    >
      <ol className="nm-change-list">
        {changes.map((change, i) => (
          <li key={i}>
            <Change change={change} />
          </li>
        ))}
      </ol>
    </ListSection>
  )
}
