import { useState } from 'react'
import { Anchor, Badge, Button, Group, NumberInput, Progress, Stack, Table, Text } from '@mantine/core'
import { IconCopy, IconDownload, IconFileExport, IconPlayerPlay } from '@tabler/icons-react'
import type { PolicyExport, RecentLearning } from '../../../../shared/learning'
import { Empty, Section, Count } from '../../components/Section'
import { PageHeader } from '../../components/PageHeader'
import { mutate } from '../../lib/api'
import { plural } from '../../lib/format'
import { hrefOf } from '../../lib/router'
import { useAction } from '../../lib/useAction'
import { useCall } from '../../lib/useCall'
import { ConfidenceBadge } from '../analysis/ConfidenceBadge'
import { CopyAction } from '../incident-detail/CopyAction'
import { ExportTestsModal } from '../export-tests/ExportTestsModal'
import { TestKindBadge } from './RegressionTestSection'
import './learning.css'

const incidentLink = (id: string) => (
  <Anchor key={id} href={hrefOf({ page: 'incident', id })} size="xs" ff="monospace">
    {id}
  </Anchor>
)

function RecentResults({ result }: { result: RecentLearning }) {
  return (
    <Stack gap="xs" data-testid="learn-recent-result">
      <Text size="xs" data-testid="learn-recent-summary">
        {plural(result.total_incidents, 'recent incident')} · {result.unresolved} unresolved ·{' '}
        {result.analyzed} learned from
        {result.errors.length > 0 && ` · ${plural(result.errors.length, 'error')}`}
      </Text>
      {result.learnings.length === 0 ? (
        <Empty>No open incident to learn from.</Empty>
      ) : (
        <Table striped withTableBorder fz="xs" verticalSpacing={4} data-testid="learn-recent-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Incident</Table.Th>
              <Table.Th>Root cause</Table.Th>
              <Table.Th>Confidence</Table.Th>
              <Table.Th>Test</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.learnings.map((learning) => (
              <Table.Tr key={learning.incident_id} data-testid={`learn-row-${learning.incident_id}`}>
                <Table.Td>{incidentLink(learning.incident_id)}</Table.Td>
                <Table.Td>
                  {learning.applied ? (
                    learning.root_cause
                  ) : (
                    <Text span size="xs" c="dimmed" fs="italic">
                      kept open
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <ConfidenceBadge
                    size="xs"
                    level={learning.confidence_level}
                    confidence={learning.confidence}
                  />
                </Table.Td>
                <Table.Td>
                  <TestKindBadge kind={learning.test.kind} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result.errors.map((e) => (
        <Text key={e.incident_id} size="xs" c="red">
          {e.incident_id}: {e.error}
        </Text>
      ))}
    </Stack>
  )
}

function LearnRecent() {
  const [limit, setLimit] = useState<number>(10)
  const [result, setResult] = useState<RecentLearning>()
  const learn = useAction(
    (n: number) => mutate('learning.recent', { limit: n }),
    'Could not learn from recent incidents'
  )
  const onRun = async () => {
    const value = await learn.run(limit)
    if (value) setResult(value)
  }
  return (
    <Section title="Learn from recent incidents" testId="learn-recent">
      <Stack gap="xs">
        <Group gap="xs" align="end">
          <NumberInput
            label="Recent incidents"
            aria-label="Recent incidents"
            size="xs"
            w={140}
            min={1}
            max={100000}
            value={limit}
            onChange={(value) => setLimit(typeof value === 'number' ? value : Number(value) || 1)}
            data-testid="learn-recent-limit"
          />
          <Button
            size="xs"
            leftSection={<IconPlayerPlay size={14} />}
            loading={learn.busy}
            onClick={() => void onRun()}
            data-testid="learn-recent-button"
          >
            Learn
          </Button>
        </Group>
        {learn.busy && (
          <Progress
            value={100}
            animated
            striped
            size="sm"
            aria-label="Learning"
            data-testid="learn-progress"
          />
        )}
        {result && <RecentResults result={result} />}
      </Stack>
    </Section>
  )
}

function download(policy: PolicyExport) {
  const blob = new Blob([JSON.stringify(policy, null, 2)], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = 'network_policy.json'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1_000)
}

function PolicyRules() {
  const { data: policy } = useCall('learning.policy', {})
  return (
    <Section
      title="Policy rules"
      testId="policy-rules"
      aside={
        policy && (
          <Group gap={6} wrap="nowrap">
            <Count value={policy.rules.length} />
            <CopyButtonText value={policy.python} label="Copy Python module" />
            <Button
              size="compact-xs"
              variant="default"
              leftSection={<IconDownload size={12} />}
              onClick={() => download(policy)}
              data-testid="policy-download"
            >
              Download JSON
            </Button>
          </Group>
        )
      }
    >
      {!policy ? (
        <Empty>Loading…</Empty>
      ) : policy.rules.length === 0 ? (
        <Empty>No rule has been learned yet.</Empty>
      ) : (
        <Table striped withTableBorder fz="xs" verticalSpacing={4} data-testid="policy-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Severity</Table.Th>
              <Table.Th>What it checks</Table.Th>
              <Table.Th>Learned from</Table.Th>
              <Table.Th ta="right">Count</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {policy.rules.map((rule) => (
              <Table.Tr key={rule.code} data-testid="policy-row">
                <Table.Td ff="monospace">{rule.code}</Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" color={rule.severity === 'error' ? 'red' : 'yellow'}>
                    {rule.severity}
                  </Badge>
                </Table.Td>
                <Table.Td>{rule.checks}</Table.Td>
                <Table.Td>
                  <Group gap={6}>{rule.learned_from.map(incidentLink)}</Group>
                </Table.Td>
                <Table.Td ta="right">{rule.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  )
}

/** A text button that copies a value (the Python module). */
function CopyButtonText({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false)
  const copy = () => {
    void navigator.clipboard?.writeText(value).then(
      () => {
        setCopied(true)
        setTimeout(() => setCopied(false), 1_500)
      },
      () => undefined
    )
  }
  return (
    <Button
      size="compact-xs"
      variant="default"
      color={copied ? 'teal' : undefined}
      leftSection={<IconCopy size={12} />}
      onClick={copy}
      data-testid="policy-copy-python"
    >
      {copied ? 'Copied' : label}
    </Button>
  )
}

function Guidance() {
  const { data: guidance } = useCall('learning.guidance', {})
  return (
    <Section
      title="Prompt guidance"
      testId="prompt-guidance"
      aside={
        guidance &&
        guidance.lines.length > 0 && <CopyAction value={guidance.lines.join('\n')} label="Copy guidance" />
      }
    >
      {!guidance ? (
        <Empty>Loading…</Empty>
      ) : guidance.lines.length === 0 ? (
        <Empty>No guidance has been learned yet.</Empty>
      ) : (
        <Stack gap={4} data-testid="guidance-lines">
          {guidance.lines.map((line) => (
            <Text key={line} size="xs" ff="monospace" data-testid="guidance-line">
              {line}
            </Text>
          ))}
        </Stack>
      )}
    </Section>
  )
}

function ExportTests() {
  const [opened, setOpened] = useState(false)
  return (
    <Section title="Regression tests" testId="export-tests-section">
      <Group gap="sm" wrap="nowrap">
        <Button
          size="xs"
          leftSection={<IconFileExport size={14} />}
          onClick={() => setOpened(true)}
          data-testid="export-tests-button"
        >
          Export tests…
        </Button>
        <Text size="xs" c="dimmed">
          Write the test of every incident a test fits into tests/regression of your checkout, after a preview
          of what will be written. Files you edited are kept.
        </Text>
      </Group>
      <ExportTestsModal opened={opened} onClose={() => setOpened(false)} />
    </Section>
  )
}

/** Learning: learn from recent incidents, export their tests, and what was learned (policy rules, prompt guidance). */
export function LearningPage() {
  return (
    <Stack gap={0} h="100%" miw={0}>
      <PageHeader title="Learning" />
      <Stack gap="sm" p="md" className="nm-learning-page" style={{ flex: 1, minHeight: 0 }}>
        <LearnRecent />
        <ExportTests />
        <PolicyRules />
        <Guidance />
      </Stack>
    </Stack>
  )
}
