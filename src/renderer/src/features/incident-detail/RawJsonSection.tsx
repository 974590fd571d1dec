import type { Incident } from '../../../../shared/incident'
import { Section } from '../../components/Section'
import { CopyAction } from './CopyAction'

export function RawJsonSection({ incident }: { incident: Incident }) {
  const text = JSON.stringify(incident, null, 2)
  return (
    <Section title="Raw JSON" testId="raw-json" aside={<CopyAction value={text} label="Copy JSON" />}>
      <pre className="nm-code-block" data-testid="raw-json-text">
        {text}
      </pre>
    </Section>
  )
}
