import { useState } from 'react'
import { Alert, Badge, Button, Group, Loader, Stack, Text, Tooltip } from '@mantine/core'
import { IconBulb, IconCircleCheck, IconFileExport, IconInfoCircle } from '@tabler/icons-react'
import type { Learning } from '../../../../shared/learning'
import type { TestKind } from '../../../../shared/testgen'
import { Empty, Section } from '../../components/Section'
import { mutate } from '../../lib/api'
import { useAction } from '../../lib/useAction'
import { useCall } from '../../lib/useCall'
import { CopyAction } from '../incident-detail/CopyAction'
import { ExportTestsModal } from '../export-tests/ExportTestsModal'
import { PythonCode } from './PythonCode'

export const KIND_LABEL: Record<TestKind, string> = { pytest: 'pytest', pyats: 'pyATS' }

/** The test kind as a badge: a pytest model check or a pyATS script. */
export function TestKindBadge({ kind }: { kind: TestKind }) {
  return (
    <Badge size="xs" variant="light" color={kind === 'pytest' ? 'blue' : 'grape'} data-testid="test-kind">
      {KIND_LABEL[kind]}
    </Badge>
  )
}

function LearnResult({ learning }: { learning: Learning }) {
  return (
    <Alert
      data-testid="learn-result"
      data-applied={learning.applied}
      color={learning.applied ? 'teal' : 'yellow'}
      icon={learning.applied ? <IconCircleCheck size={16} /> : <IconInfoCircle size={16} />}
      title={learning.applied ? 'Applied: incident resolved' : 'Kept open for review'}
      p="xs"
    >
      <Text size="xs">{learning.message}</Text>
    </Alert>
  )
}

/** The regression test generated from an incident, and learning from it. */
export function RegressionTestSection({ id }: { id: string }) {
  const { data: test, loading } = useCall('tests.generate', { id })
  const [learning, setLearning] = useState<Learning>()
  const [exporting, setExporting] = useState(false)
  const learn = useAction(() => mutate('learning.learn', { id }), 'Could not learn from the incident')
  const onLearn = async () => {
    const result = await learn.run()
    if (result) setLearning(result)
  }
  return (
    <Section
      title="Regression test"
      testId="regression-test"
      aside={
        <Group gap={6} wrap="nowrap">
          {test && <TestKindBadge kind={test.kind} />}
          {test && <CopyAction value={test.code} label="Copy test" />}
          {test && (
            <Tooltip label="Write this test into a folder, after a preview">
              <Button
                size="compact-xs"
                variant="default"
                leftSection={<IconFileExport size={12} />}
                onClick={() => setExporting(true)}
                data-testid="export-test-button"
              >
                Export…
              </Button>
            </Tooltip>
          )}
          <Tooltip label="Analyse, store the test, and resolve when confidence is high">
            <Button
              size="compact-xs"
              variant="light"
              leftSection={<IconBulb size={14} />}
              loading={learn.busy}
              onClick={() => void onLearn()}
              data-testid="learn-button"
            >
              Learn
            </Button>
          </Tooltip>
        </Group>
      }
    >
      <Stack gap="xs">
        {learning && <LearnResult learning={learning} />}
        {test ? (
          <>
            <Group gap={6} wrap="nowrap">
              <Text size="xs" ff="monospace" fw={600} data-testid="test-filename">
                {test.filename}
              </Text>
              {test.skeleton && (
                <Badge size="xs" variant="default">
                  skeleton
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {test.reason}
            </Text>
            <PythonCode code={test.code} testId="test-code" />
          </>
        ) : loading ? (
          <Loader size="xs" />
        ) : (
          <Empty>No regression test could be generated.</Empty>
        )}
      </Stack>
      <ExportTestsModal ids={[id]} opened={exporting} onClose={() => setExporting(false)} />
    </Section>
  )
}
