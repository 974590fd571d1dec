import { useState } from 'react'
import { Button, Group } from '@mantine/core'
import { Empty, Section } from '../../components/Section'
import { JsonTree } from './JsonTree'

export function NetworkModelSection({ model }: { model: Record<string, unknown> | null }) {
  const [tree, setTree] = useState({ openDepth: 2, version: 0 })
  const expand = (openDepth: number) => setTree((t) => ({ openDepth, version: t.version + 1 }))
  const aside = model && (
    <Group gap={4}>
      <Button variant="subtle" size="compact-xs" onClick={() => expand(Number.MAX_SAFE_INTEGER)}>
        Expand all
      </Button>
      <Button variant="subtle" size="compact-xs" onClick={() => expand(1)}>
        Collapse
      </Button>
    </Group>
  )
  return (
    <Section title="Network model" aside={aside} testId="network-model">
      {model ? (
        <JsonTree key={tree.version} value={model} openDepth={tree.openDepth} label="Network model" />
      ) : (
        <Empty>No network model was recorded.</Empty>
      )}
    </Section>
  )
}
