import { BarChart } from '@mantine/charts'
import type { Trends } from '../../../../shared/analysis'
import { Section } from '../../components/Section'
import { type ChartRow, type Series, tickOf } from './chartData'

/** The legend and tooltip in the chart's text size: the workbench is dense. */
const CHART_STYLES = {
  legendItemName: { fontSize: 'var(--mantine-font-size-xs)' },
  legendItem: { paddingBlock: 4 }
}

/** Incidents per period, stacked by `series` (categories or severities), in the series' order. */
export function TrendChart({
  title,
  testId,
  trends,
  rows,
  series
}: {
  title: string
  testId: string
  trends: Trends
  rows: ChartRow[]
  series: Series[]
}) {
  const tick = tickOf(trends)
  const order = series.map((s) => s.name)
  const many = rows.length > 60
  return (
    <Section title={title} testId={testId}>
      <BarChart
        h={many ? 220 : 250}
        data={rows}
        dataKey="period"
        type="stacked"
        series={series}
        withLegend
        legendProps={{
          verticalAlign: 'top',
          // Room for a second row of names when a half-width chart has many series.
          height: !many && series.length > 4 ? 56 : 34,
          itemSorter: (item) => order.indexOf(String(item.dataKey))
        }}
        styles={CHART_STYLES}
        tickLine="y"
        gridAxis="x"
        maxBarWidth={36}
        barChartProps={{ barCategoryGap: many ? 0 : '18%' }}
        valueFormatter={(value) => value.toLocaleString('en-US')}
        xAxisProps={{ tickFormatter: tick, minTickGap: 24, interval: 'preserveStartEnd' }}
        yAxisProps={{ allowDecimals: false, width: 30 }}
        className="nm-trends-chart"
        aria-label={`${title}: ${trends.total} incidents over ${trends.periods.length} ${trends.bucket}s`}
      />
    </Section>
  )
}
