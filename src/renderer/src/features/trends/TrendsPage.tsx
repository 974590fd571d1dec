import { useMemo, type KeyboardEvent } from 'react'
import { RetryAlert } from '../../components/RetryAlert'
import { Button, Center, Group, Loader, SegmentedControl, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconChartBar } from '@tabler/icons-react'
import type { TrendBucket, Trends } from '../../../../shared/analysis'
import { PageHeader } from '../../components/PageHeader'
import { Shortcut } from '../../components/Shortcut'
import { plural } from '../../lib/format'
import { useStore } from '../../lib/store'
import { useCall } from '../../lib/useCall'
import { useShortcuts } from '../../lib/useShortcuts'
import { categoryRows, categorySeries, severityRows, severitySeries } from './chartData'
import { RecurringCauses } from './RecurringCauses'
import { ResolveTimes } from './ResolveTimes'
import { TrendChart } from './TrendChart'
import { TrendStats } from './TrendStats'
import { WINDOWS, setBucket, setDays, trendsState } from './trendsState'
import './trends.css'

const day = (iso: string): string => iso.slice(0, 10)

/** The screen's keys: 1-4 pick the window, d and w the period. */
const KEYS: Record<string, () => void> = {
  ...Object.fromEntries(WINDOWS.map((w) => [w.key, () => setDays(w.days)])),
  d: () => setBucket('day'),
  w: () => setBucket('week')
}

function Controls({ days, bucket }: { days: number; bucket: TrendBucket }) {
  // A clicked control keeps the focus (a radio input, where screen-wide keys stay quiet): its
  // keys still work there.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = KEYS[event.key]
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return
    event.preventDefault()
    action()
  }
  return (
    <Group gap="sm" px="md" py={6} className="nm-filter-bar" wrap="nowrap" onKeyDown={onKeyDown}>
      <Text size="xs" c="dimmed" fw={600}>
        Last
      </Text>
      <SegmentedControl
        aria-label="Window"
        data-testid="trends-days"
        value={String(days)}
        onChange={(value) => setDays(Number(value))}
        data={WINDOWS.map((w) => ({ value: String(w.days), label: w.label }))}
      />
      <Text size="xs" c="dimmed" fw={600} ml="xs">
        per
      </Text>
      <SegmentedControl
        aria-label="Period"
        data-testid="trends-bucket"
        value={bucket}
        onChange={(value) => setBucket(value as TrendBucket)}
        data={[
          { value: 'day', label: 'Day' },
          { value: 'week', label: 'Week' }
        ]}
      />
    </Group>
  )
}

function NoIncidents({ days }: { days: number }) {
  const wider = WINDOWS.find((w) => w.days > days)
  return (
    <Center className="nm-empty" data-testid="trends-empty">
      <Stack align="center" gap={6} maw={420}>
        <ThemeIcon variant="light" color="gray" size="xl" radius="xl">
          <IconChartBar size={22} />
        </ThemeIcon>
        <Text fw={600}>No incidents in the last {plural(days, 'day')}</Text>
        <Text size="sm" c="dimmed" ta="center">
          Nothing was recorded in this window, so there is no trend to show.
        </Text>
        {wider && (
          <Button variant="light" onClick={() => setDays(wider.days)}>
            Show the last {wider.label}
          </Button>
        )}
      </Stack>
    </Center>
  )
}

function TrendsBody({ trends }: { trends: Trends }) {
  const categories = useMemo(() => categorySeries(trends), [trends])
  const byCategory = useMemo(() => categoryRows(trends, categories), [trends, categories])
  const bySeverity = useMemo(() => severityRows(trends), [trends])
  return (
    <div className="nm-scroll-body" data-testid="trends-body">
      <Stack gap="sm">
        <TrendStats trends={trends} />
        <div className={trends.periods.length > 60 ? 'nm-trends-stack' : 'nm-trends-pair'}>
          <TrendChart
            title="Incidents by category"
            testId="trends-by-category"
            trends={trends}
            rows={byCategory}
            series={categories}
          />
          <TrendChart
            title="Incidents by severity"
            testId="trends-by-severity"
            trends={trends}
            rows={bySeverity}
            series={severitySeries()}
          />
        </div>
        <div className="nm-trends-pair nm-trends-pair-wide">
          <ResolveTimes trends={trends} />
          <RecurringCauses trends={trends} />
        </div>
      </Stack>
    </div>
  )
}

function TrendsStatusBar() {
  return (
    <Group gap="md" px="md" h={26} className="nm-status-bar" wrap="nowrap">
      <Shortcut keys={WINDOWS.map((w) => w.key)} label="7 / 30 / 90 / 365 days" />
      <Shortcut keys={['d', 'w']} label="per day / week" />
    </Group>
  )
}

/**
 * Trends of the last N days: incidents over time by category and by severity, how long they
 * take to resolve, and the root causes that keep coming back.
 */
export function TrendsPage() {
  const { days, bucket } = useStore(trendsState)
  const { data: trends, error, loading, reload } = useCall('analysis.trends', { days, bucket })
  useShortcuts(KEYS)

  return (
    <div className="nm-page" data-testid="trends-page">
      <PageHeader title="Trends" actions={loading && trends !== undefined ? <Loader size={14} /> : undefined}>
        <Text size="xs" c="dimmed" data-testid="trends-summary" truncate="end">
          {trends
            ? `${plural(trends.total, 'incident')} from ${day(trends.since)} to ${day(trends.until)} (UTC) · ${trends.open} open · ${trends.resolved} resolved`
            : 'incidents over time, time to resolve, recurring causes'}
        </Text>
      </PageHeader>
      <Controls days={days} bucket={bucket} />
      {error ? (
        <RetryAlert title="Trends could not be loaded" error={error} onRetry={reload} testId="trends-error" />
      ) : !trends ? (
        <Center className="nm-empty">
          <Loader size="sm" />
        </Center>
      ) : trends.total === 0 ? (
        <NoIncidents days={trends.days} />
      ) : (
        <TrendsBody trends={trends} />
      )}
      <TrendsStatusBar />
    </div>
  )
}
