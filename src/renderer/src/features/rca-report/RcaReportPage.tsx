import { useMemo, useRef } from 'react'
import { RetryAlert } from '../../components/RetryAlert'
import { Button, Center, Group, Loader, SegmentedControl, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconChecks, IconRefresh } from '@tabler/icons-react'
import { CONFIDENCE_LEVELS, type RcaReport } from '../../../../shared/analysis'
import { PageHeader } from '../../components/PageHeader'
import { ResultGrid } from '../../components/ResultGrid'
import { Shortcut } from '../../components/Shortcut'
import { formatTime, plural } from '../../lib/format'
import { useStore } from '../../lib/store'
import { useCall } from '../../lib/useCall'
import { useListNavigation } from '../../lib/useListNavigation'
import { LEVEL_COLOR, LEVEL_MEANING } from '../analysis/confidence'
import { RCA_COLUMNS, RCA_ROW_ID } from './rcaColumns'
import { RcaRow } from './RcaRow'
import { rcaState, selectEntry, setLevel, type LevelFilter } from './rcaState'

function Summary({ report }: { report: RcaReport }) {
  return (
    <Group gap={6} wrap="nowrap" data-testid="rca-summary">
      <Text size="xs" fw={600}>
        {plural(report.unresolved, 'open incident')}
      </Text>
      {CONFIDENCE_LEVELS.map((level) => (
        <Text
          key={level}
          size="xs"
          c="dimmed"
          data-testid={`rca-count-${level}`}
          style={{ whiteSpace: 'nowrap' }}
        >
          ·{' '}
          <Text span size="xs" fw={700} c={`${LEVEL_COLOR[level]}.${level === 'medium' ? 8 : 7}`}>
            {report.by_level[level]}
          </Text>{' '}
          {level}
        </Text>
      ))}
    </Group>
  )
}

function LevelBar({ report, level }: { report: RcaReport; level: LevelFilter }) {
  return (
    <Group gap="sm" px="md" py={6} className="nm-filter-bar" wrap="nowrap" justify="space-between">
      <SegmentedControl
        aria-label="Confidence level"
        data-testid="rca-level-filter"
        value={level}
        onChange={(value) => setLevel(value as LevelFilter)}
        data={[
          { value: 'all', label: `All ${report.unresolved}` },
          ...CONFIDENCE_LEVELS.map((l) => ({
            value: l,
            label: `${l[0]!.toUpperCase()}${l.slice(1)} ${report.by_level[l]}`
          }))
        ]}
      />
      <Text size="xs" c="dimmed" truncate="end">
        High: {LEVEL_MEANING.high} · medium: {LEVEL_MEANING.medium} · low: {LEVEL_MEANING.low}
      </Text>
    </Group>
  )
}

function RcaStatusBar({ report }: { report: RcaReport | undefined }) {
  return (
    <Group gap="md" px="md" h={26} className="nm-status-bar" wrap="nowrap" justify="space-between">
      <Group gap="md" wrap="nowrap">
        <Shortcut keys={['↑', '↓']} label="or" />
        <Shortcut keys={['j', 'k']} label="move" />
        <Shortcut keys={['Enter']} label="open" />
        <Shortcut keys={['/']} label="level" />
      </Group>
      {report && (
        <Text size="xs" c="dimmed" data-testid="rca-generated">
          {plural(report.analyzed, 'incident')} analysed at {formatTime(report.generated_at)} UTC
        </Text>
      )}
    </Group>
  )
}

/**
 * The RCA report: every unresolved incident analysed, most confident suggestion first, so the
 * incidents that can be closed from evidence come first and the ones needing analysis last.
 */
export function RcaReportPage() {
  const { level, selectedId } = useStore(rcaState)
  const { data: report, error, loading, reload } = useCall('analysis.report', {})
  const gridRef = useRef<HTMLDivElement>(null)
  const filterRef = useRef<HTMLDivElement>(null)
  const entries = useMemo(
    () => (report?.entries ?? []).filter((e) => level === 'all' || e.confidence_level === level),
    [report, level]
  )
  const ids = useMemo(() => entries.map((e) => ({ id: e.incident_id })), [entries])
  const { selectedIndex, open } = useListNavigation(ids, selectedId, {
    grid: gridRef,
    pageSize: 10,
    onSelect: selectEntry,
    onSlash: () => filterRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus()
  })

  return (
    <div className="nm-page" data-testid="rca-page">
      <PageHeader
        title="RCA report"
        actions={
          <Button
            variant="default"
            leftSection={<IconRefresh size={14} />}
            loading={loading && report !== undefined}
            onClick={reload}
            data-testid="rca-refresh"
          >
            Analyse again
          </Button>
        }
      >
        {report ? (
          <Summary report={report} />
        ) : (
          <Text size="xs" c="dimmed">
            suggested root causes of the open incidents
          </Text>
        )}
      </PageHeader>
      {report && report.unresolved > 0 && (
        <div ref={filterRef}>
          <LevelBar report={report} level={level} />
        </div>
      )}
      {error ? (
        <RetryAlert title="The report failed" error={error} onRetry={reload} testId="rca-error" />
      ) : !report ? (
        <Center className="nm-empty">
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm" c="dimmed">
              Analysing the open incidents…
            </Text>
          </Group>
        </Center>
      ) : report.unresolved === 0 ? (
        <Center className="nm-empty" data-testid="rca-empty">
          <Stack align="center" gap={6}>
            <ThemeIcon variant="light" color="teal" size="xl" radius="xl">
              <IconChecks size={22} />
            </ThemeIcon>
            <Text fw={600}>No open incidents</Text>
            <Text size="sm" c="dimmed">
              Every incident has a root cause: there is nothing to analyse.
            </Text>
          </Stack>
        </Center>
      ) : entries.length === 0 ? (
        <Center className="nm-empty" data-testid="rca-empty-level">
          <Stack align="center" gap={6}>
            <Text fw={600}>No open incident at {level} confidence</Text>
            <Button variant="light" onClick={() => setLevel('all')}>
              Show all {report.unresolved}
            </Button>
          </Stack>
        </Center>
      ) : (
        <ResultGrid
          label="RCA report"
          testId="rca-table"
          rowIdPrefix={RCA_ROW_ID}
          columns={RCA_COLUMNS}
          items={entries}
          keyOf={(entry) => entry.incident_id}
          selectedIndex={selectedIndex}
          busy={loading}
          gridRef={gridRef}
          renderRow={(entry, index, selected) => (
            <RcaRow entry={entry} index={index} selected={selected} onOpen={open} />
          )}
        />
      )}
      <RcaStatusBar report={report} />
    </div>
  )
}
