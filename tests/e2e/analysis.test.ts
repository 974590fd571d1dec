import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Analysis, RcaReport } from '../../src/shared/analysis'
import { ROOT, cliImport, screenshot, setupWorkbench, writeJson } from './harness'
import { POLL, realErrors } from './ui'

const EVAL = join(ROOT, 'tests/fixtures/eval/incidents.json')
const CLI = join(ROOT, 'out/main/cli.js')
const run = promisify(execFile)

/** A held-out incident of the evaluation set whose analysis suggests a cause with high confidence. */
const HELD_OUT = 'eval-mlag-05'

/** `netmortem ARGS --db DB --json`, parsed. */
async function cliJson<T>(db: string, ...args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [CLI, ...args, '--db', db, '--json'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024
  })
  return JSON.parse(stdout) as T
}

const DAY = 24 * 60 * 60_000
const HOUR = 60 * 60_000

interface Recent {
  description: string
  category: string
  severity: 'critical' | 'high' | 'medium' | 'low'
  daysAgo: number
  /** The root cause and the hours it took to resolve; open when absent. */
  resolved?: [rootCause: string, hours: number]
}

const PDU = 'Rack B12 PDU overloaded after GPU servers were racked without a power budget review'
const FANS = 'Fan tray firmware bug left the fans at minimum speed after a controller reboot'

/**
 * Incidents of the last months: the evaluation set is dated 2025, so the trends of the last 365
 * days could otherwise be empty. Facilities stories; three share a root cause (a recurring
 * cause), most are resolved (a mean time to resolve), none is in the last 7 days (an empty window).
 */
const RECENT: Recent[] = [
  {
    description: 'PDU breaker tripped in rack B12; both top-of-rack switches lost power',
    category: 'hardware_fault',
    severity: 'critical',
    daysAgo: 9,
    resolved: [PDU, 3]
  },
  {
    description: 'Fan tray alarm on chassis dist-sw-04, inlet temperature rising',
    category: 'hardware_fault',
    severity: 'high',
    daysAgo: 13,
    resolved: [FANS, 20]
  },
  {
    description: 'Guest wireless DHCP scope exhausted; new clients got no address',
    category: 'config_error',
    severity: 'medium',
    daysAgo: 20
  },
  {
    description: 'Rack B12 lost power again during the storage expansion',
    category: 'hardware_fault',
    severity: 'high',
    daysAgo: 30,
    resolved: [PDU, 5]
  },
  {
    description: 'Syslog collector disk full; device logs dropped for six hours',
    category: 'deployment_failure',
    severity: 'low',
    daysAgo: 44
  },
  {
    description: 'Fan tray on dist-sw-06 reported failed after the maintenance reload',
    category: 'hardware_fault',
    severity: 'medium',
    daysAgo: 61,
    resolved: [FANS, 30]
  },
  {
    description: 'Wireless controller failover left access points orphaned on floor 5',
    category: 'network_outage',
    severity: 'high',
    daysAgo: 89
  },
  {
    description: 'Second PDU in rack B12 tripped while the first was being replaced',
    category: 'hardware_fault',
    severity: 'critical',
    daysAgo: 121,
    resolved: [PDU, 2]
  },
  {
    description: 'Badge readers offline: PoE budget exceeded on the security switch',
    category: 'network_outage',
    severity: 'medium',
    daysAgo: 158,
    resolved: ['PoE budget of the security switch exceeded after new cameras', 50]
  },
  {
    description: 'CRAC-2 alarm: hot aisle reached 35 C and the leaf switches throttled',
    category: 'hardware_fault',
    severity: 'low',
    daysAgo: 203,
    resolved: ['Compressor of cooling unit CRAC-2 failed', 70]
  },
  {
    description: 'Printer VLAN DHCP relay missing on the new floor switch',
    category: 'deployment_failure',
    severity: 'medium',
    daysAgo: 247,
    resolved: ['DHCP helper address left out of the new floor switch template', 8]
  },
  {
    description: 'UPS self-test dropped the lab rack for a minute',
    category: 'hardware_fault',
    severity: 'low',
    daysAgo: 290,
    resolved: ['UPS battery past its replacement date failed the self-test', 26]
  }
]

/** The RECENT incidents as records of a backup, dated relative to `now`. */
function recentIncidents(now: number): Record<string, unknown>[] {
  return RECENT.map(({ description, category, severity, daysAgo, resolved }, i) => {
    const at = now - daysAgo * DAY - (i % 5) * 3 * HOUR
    return {
      id: `recent-${String(i + 1).padStart(2, '0')}`,
      timestamp: new Date(at).toISOString(),
      severity,
      category,
      description,
      root_cause: resolved?.[0] ?? null,
      resolution: resolved ? 'Fixed and verified' : null,
      resolved_at: resolved ? new Date(Math.min(at + resolved[1] * HOUR, now - HOUR)).toISOString() : null
    }
  })
}

/** A screenshot in the dark scheme, once the charts have redrawn in it; back to light after. */
async function screenshotDark(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.waitForTimeout(1_000)
  await screenshot(page, name)
  await page.emulateMedia({ colorScheme: 'light' })
  await page.waitForTimeout(400)
}

/** Waits until no notification is on the screen (they close by themselves). */
async function noNotifications(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), POLL).toBe(0)
}

const entryIds = (page: Page): Promise<string[]> =>
  page
    .locator('[data-testid^="rca-entry-"]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')!.slice('rca-entry-'.length)))

const navLink = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name })

/**
 * Root-cause analysis in the workbench, against the evaluation set seeded through the CLI: the
 * analysis panel of a held-out incident (suggestion, gauge, factors, similar incidents,
 * patterns), accepting its suggestion, the RCA report and the trends.
 */
describe('root-cause analysis in the workbench', () => {
  let db = ''
  let expected: Analysis
  let report: RcaReport
  const bench = setupWorkbench(async (file) => {
    db = file
    expect((await cliImport(EVAL, file)).failed).toBe(0)
    expected = await cliJson<Analysis>(file, 'analyze', HELD_OUT)
    report = await cliJson<RcaReport>(file, 'report')
  })
  let page: Page

  beforeAll(() => {
    page = bench.page
  })

  it('analyses a held-out incident: suggestion, gauge, factors, similar incidents, patterns', async () => {
    expect(expected.suggested_cause).not.toBeNull()
    expect(['high', 'medium']).toContain(expected.confidence_level)

    await page.goto(bench.bridge.url)
    await page.getByRole('grid', { name: 'Incidents' }).waitFor()
    await page.goto(`${bench.bridge.origin}/#/incidents/${HELD_OUT}`)
    await page.getByTestId('incident-detail').waitFor()
    const panel = page.getByTestId('analysis-panel')
    await panel.getByTestId('analysis-suggestion').waitFor()

    expect(await panel.getByTestId('analysis-suggestion').textContent()).toBe(expected.suggested_cause)
    const gauge = panel.getByTestId('analysis-gauge')
    expect(await gauge.getAttribute('data-level')).toBe(expected.confidence_level)
    expect(await gauge.getByTestId('analysis-confidence').textContent()).toBe(expected.confidence.toFixed(3))
    expect(await gauge.getByTestId('analysis-level-meaning').textContent()).toBe(
      expected.confidence_level === 'high' ? 'safe to auto-apply' : 'review'
    )

    for (const factor of expected.confidence_factors) {
      const row = panel.getByTestId(`analysis-factor-${factor.name}`)
      expect(await row.getByTestId('factor-count').textContent()).toBe(`${factor.count}/${factor.full_at}`)
      expect(await row.getByTestId('factor-value').textContent()).toBe(
        `${factor.value.toFixed(3)} of ${factor.weight}`
      )
    }

    const similar = panel.locator('[data-testid^="analysis-similar-"]')
    expect(await similar.count()).toBe(expected.similar.length)
    const shown = await similar.evaluateAll((links) =>
      links.map((a) => a.getAttribute('data-testid')!.slice('analysis-similar-'.length))
    )
    expect(shown).toEqual(expected.similar_incidents)
    const first = expected.similar[0]!
    expect(await similar.first().getByTestId('evidence-root-cause').textContent()).toContain(first.root_cause)
    expect(await panel.getByTestId('analysis-pattern').count()).toBe(expected.patterns.length)

    await panel.scrollIntoViewIfNeeded()
    await screenshot(page, 'analysis-panel')
    await screenshotDark(page, 'analysis-panel-dark')
  })

  it('opens a similar incident from the evidence, and comes back', async () => {
    const first = expected.similar[0]!.id
    await page.getByTestId(`analysis-similar-${first}`).click()
    await expect.poll(() => page.getByTestId('detail-id').textContent(), POLL).toBe(first)
    await page.goBack()
    await expect.poll(() => page.getByTestId('detail-id').textContent(), POLL).toBe(HELD_OUT)
    await page.getByTestId('analysis-suggestion').waitFor()
  })

  it('accepts the suggestion as the root cause: the incident is resolved with it', async () => {
    expect(await page.getByTestId('detail-status').textContent()).toBe('open')
    await page.getByTestId('analysis-accept').click()
    const dialog = page.getByRole('dialog', { name: `Accept the suggested root cause of ${HELD_OUT}` })
    await dialog.waitFor()
    const text = dialog.getByTestId('resolve-root-cause')
    expect(await text.inputValue()).toBe(expected.suggested_cause)
    await screenshot(page, 'analysis-accept')
    await dialog.getByRole('button', { name: 'Accept and resolve' }).click()
    await dialog.waitFor({ state: 'detached' })

    await expect.poll(() => page.getByTestId('detail-status').textContent(), POLL).toBe('resolved')
    expect(await page.getByTestId('detail-resolved-at').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} /)
    const resolution = page.getByTestId('resolution')
    expect(await resolution.textContent()).toContain(expected.suggested_cause)
    await page.getByTestId('analysis-accepted').waitFor()
    expect(await page.getByTestId('analysis-accept').count()).toBe(0)
    await noNotifications(page)
    await screenshot(page, 'analysis-accepted')

    const stored = await cliJson<{ root_cause: string; resolved_at: string | null }>(db, 'get', HELD_OUT)
    expect(stored.root_cause).toBe(expected.suggested_cause)
    expect(stored.resolved_at).not.toBeNull()
  })

  it('says plainly when no root cause can be suggested', async () => {
    const none = report.entries.find((e) => e.suggested_cause === null && e.incident_id !== HELD_OUT)!
    expect(none).toBeDefined()
    await page.goto(`${bench.bridge.origin}/#/incidents/${none.incident_id}`)
    const panel = page.getByTestId('analysis-panel')
    const message = panel.getByTestId('analysis-no-suggestion')
    await message.waitFor()
    expect(await message.textContent()).toBe(none.suggested_root_cause)
    expect(await panel.getByTestId('analysis-gauge').getAttribute('data-level')).toBe('low')
    expect(await panel.getByTestId('analysis-level-meaning').textContent()).toBe('manual analysis')
    expect(await panel.getByTestId('analysis-accept').count()).toBe(0)
    await screenshot(page, 'analysis-no-suggestion')
  })

  it('lists the open incidents in the RCA report, most confident first', async () => {
    await navLink(page, 'RCA report').click()
    await page.getByRole('grid', { name: 'RCA report' }).waitFor()
    expect(page.url()).toContain('#/rca')
    const summary = page.getByTestId('rca-summary')
    await expect.poll(() => summary.textContent(), POLL).toContain(`${report.unresolved - 1} open incidents`)

    const ids = await entryIds(page)
    expect(ids).toHaveLength(report.unresolved - 1)
    expect(ids).not.toContain(HELD_OUT)
    const rows = page.locator('[data-testid^="rca-entry-"]')
    const ranks = await rows.evaluateAll((all) =>
      all.map((row) => ({
        level: row.getAttribute('data-level')!,
        confidence: Number(row.getAttribute('data-confidence'))
      }))
    )
    const order = { high: 0, medium: 1, low: 2 } as Record<string, number>
    for (let i = 1; i < ranks.length; i++) {
      const [a, b] = [ranks[i - 1]!, ranks[i]!]
      expect(order[a.level]! < order[b.level]! || (a.level === b.level && a.confidence >= b.confidence)).toBe(
        true
      )
    }
    const counts = { high: 0, medium: 0, low: 0 } as Record<string, number>
    for (const r of ranks) counts[r.level]! += 1
    for (const level of ['high', 'medium', 'low']) {
      expect(await page.getByTestId(`rca-count-${level}`).textContent()).toContain(
        `${counts[level]} ${level}`
      )
    }
    expect(await rows.first().getByTestId('rca-suggestion').textContent()).not.toMatch(/^No suggestion/)
    await noNotifications(page)
    await screenshot(page, 'rca-report')
    await screenshotDark(page, 'rca-report-dark')

    // Keyboard: j selects the first entry, Enter opens it.
    await page.getByRole('grid', { name: 'RCA report' }).focus()
    await page.keyboard.press('j')
    await expect.poll(() => rows.first().getAttribute('aria-selected'), POLL).toBe('true')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('detail-id').textContent(), POLL).toBe(ids[0])
    await page.goBack()
    await page.getByRole('grid', { name: 'RCA report' }).waitFor()

    // The level filter narrows the list to one level.
    await page
      .getByTestId('rca-level-filter')
      .getByText(/^Low \d+$/)
      .click()
    await expect.poll(async () => (await entryIds(page)).length, POLL).toBe(counts.low)
  })

  it('shows the trends of the last 365 days: charts by category and severity, resolve times, recurring causes', async () => {
    // The evaluation set is dated 2025: incidents of the last months, added through the CLI
    // while the workbench runs, make sure the window holds some whatever today is.
    const recent = await writeJson(join(bench.dir, 'recent.json'), recentIncidents(Date.now()))
    expect((await cliImport(recent, db)).failed).toBe(0)
    await navLink(page, 'Trends').click()
    await page.getByTestId('trends-page').waitFor()
    expect(page.url()).toContain('#/trends')
    await page.getByTestId('trends-days').getByText('365 days').click()
    await page.getByTestId('trends-bucket').getByText('Week').click()
    await expect
      .poll(() => page.getByTestId('trends-summary').textContent(), POLL)
      .toMatch(/^\d+ incidents from /)

    const byCategory = page.getByTestId('trends-by-category')
    const bySeverity = page.getByTestId('trends-by-severity')
    // A drawn bar is a path in a bar rectangle (periods with none have an empty one).
    const bars = (chart: Locator) => chart.locator('.recharts-bar-rectangle path')
    await expect.poll(() => bars(byCategory).count(), POLL).toBeGreaterThan(3)
    await expect.poll(() => bars(bySeverity).count(), POLL).toBeGreaterThan(3)
    expect(await byCategory.getByText('hardware fault').count()).toBeGreaterThan(0)
    expect(await bySeverity.getByText('critical').count()).toBeGreaterThan(0)

    expect(Number(await page.getByTestId('trends-total-value').textContent())).toBeGreaterThanOrEqual(12)
    expect(await page.getByTestId('trends-mttr-value').textContent()).toMatch(/^[\d.]+ (min|h|days)$/)
    await page.getByTestId('mttr-hardware_fault').waitFor()
    const recurring = page.getByTestId('recurring-cause')
    expect(await recurring.count()).toBeGreaterThan(0)
    expect(await page.getByTestId('trends-recurring').textContent()).toContain('Rack B12 PDU overloaded')

    await page.mouse.move(0, 0)
    await screenshot(page, 'trends')
    await screenshotDark(page, 'trends-dark')

    // Per day, by key: a bar per day of the window.
    await page.keyboard.press('d')
    await expect
      .poll(() => page.getByTestId('trends-bucket').locator('input:checked').inputValue(), POLL)
      .toBe('day')
    await expect.poll(() => bars(byCategory).count(), POLL).toBeGreaterThan(3)
    await screenshot(page, 'trends-daily')
  })

  it('says so when the window holds no incident', async () => {
    const empty = page.getByTestId('trends-empty')
    const summary = page.getByTestId('trends-summary')
    const before = await summary.textContent()
    await page.keyboard.press('1')
    // The summary of the previous window stays until the 7-day trends arrive: wait for them.
    await expect
      .poll(async () => {
        const text = (await summary.textContent()) ?? ''
        return text !== before && /^\d+ incidents? from /.test(text)
      }, POLL)
      .toBe(true)
    const text = (await summary.textContent()) ?? ''
    if (text.startsWith('0 incidents')) {
      await empty.getByText('No incidents in the last 7 days').waitFor()
      await screenshot(page, 'trends-empty')
      await empty.getByRole('button', { name: 'Show the last 30 days' }).click()
      await expect
        .poll(() => page.getByTestId('trends-days').locator('input:checked').inputValue(), POLL)
        .toBe('30')
    } else {
      expect(await empty.count()).toBe(0)
    }
  })

  it('logged no errors in the page', () => {
    expect(realErrors(bench.errors)).toEqual([])
  })
})
