import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { sampleIncidents } from './fixtures'
import { screenshot, setupWorkbench, writeJson } from './harness'
import { chooseOption, goTo, importThroughUi, incidentCount, realErrors, row, POLL } from './ui'

/**
 * The daily flow against the real bridge (`netmortem serve`) in Chromium: import a backup,
 * browse and filter, read a detail, capture, resolve, export, delete.
 */
describe('the workbench in a browser', () => {
  const sample = sampleIncidents()
  const bench = setupWorkbench()
  let page: Page
  let capturedId = ''

  beforeAll(() => {
    page = bench.page
  })

  it('opens on the URL serve printed, and takes the key out of the address bar', async () => {
    await page.goto(bench.bridge.url)
    await page.getByTestId('incidents-empty').waitFor()
    expect(page.url()).not.toContain('token=')
    await page.reload()
    await page.getByTestId('incidents-empty').waitFor()
    await screenshot(page, 'incidents-empty')
  })

  it('imports a backup chosen in the file picker', async () => {
    const file = await writeJson(join(bench.dir, 'incidents.json'), { incidents: sample })
    await importThroughUi(page, file)
    expect(await page.getByTestId('import-added').textContent()).toContain(String(sample.length))
    expect(await page.getByTestId('import-failed').textContent()).toContain('0')
    await page.getByTestId('import-ok').waitFor()
    await screenshot(page, 'backup-import')
  })

  it('lists every incident, newest first', async () => {
    await goTo(page, 'Incidents')
    await expect.poll(() => incidentCount(page), POLL).toBe(`${sample.length} of ${sample.length} incidents`)
    const newest = sample[sample.length - 1]!.id
    await row(page, newest).waitFor()
    const firstRow = page
      .getByRole('grid', { name: 'Incidents' })
      .locator('[data-testid^="incident-row-"]')
      .first()
    expect(await firstRow.getAttribute('data-testid')).toBe(`incident-row-${newest}`)
    await screenshot(page, 'incidents')
  })

  it('sorts by a column when its header is clicked', async () => {
    await page.getByTestId('sort-id').click()
    const first = page.locator('[data-testid^="incident-row-"]').first()
    await expect.poll(() => first.getAttribute('data-testid'), POLL).toBe(`incident-row-${sample[0]!.id}`)
    await page.getByTestId('sort-timestamp').click()
    await expect
      .poll(() => first.getAttribute('data-testid'))
      .toBe(`incident-row-${sample[sample.length - 1]!.id}`)
  })

  it('filters by severity', async () => {
    const critical = sample.filter((i) => i.severity === 'critical')
    await chooseOption(page, 'Severity filter', 'crit', /^critical/)
    await expect
      .poll(() => incidentCount(page), POLL)
      .toBe(`${critical.length} of ${sample.length} incidents`)
    for (const incident of critical) await row(page, incident.id).waitFor()
    expect(await page.locator('[data-testid^="incident-row-"]').count()).toBe(critical.length)
    await screenshot(page, 'incidents-filter-severity')
    await page.getByTestId('clear-filters').click()
    await expect.poll(() => incidentCount(page), POLL).toBe(`${sample.length} of ${sample.length} incidents`)
  })

  it('filters by device', async () => {
    const onDevice = sample.filter((i) => (i.affected_devices as string[]).includes('core-rtr-01'))
    await chooseOption(page, 'Device filter', 'core-rtr-01', /^core-rtr-01/)
    await expect
      .poll(() => incidentCount(page), POLL)
      .toBe(`${onDevice.length} of ${sample.length} incidents`)
    for (const incident of onDevice) await row(page, incident.id).waitFor()
    await screenshot(page, 'incidents-filter-device')
    await page.getByTestId('clear-filters').click()
  })

  it('filters by a date range picked in the calendar', async () => {
    const inRange = sample.filter((i) => i.timestamp >= '2025-01-09' && i.timestamp < '2025-01-13')
    await page.getByRole('button', { name: 'Date range filter' }).click()
    const picker = page.getByRole('dialog', { name: 'Date range filter' })
    await picker.getByRole('button', { name: 'Choose a month' }).click()
    await picker.getByRole('button', { name: 'Choose a year' }).click()
    await picker.getByRole('button', { name: '2025', exact: true }).click()
    await picker.getByRole('button', { name: /^Jan/ }).click()
    await picker.getByRole('button', { name: '9 January 2025', exact: true }).click()
    await picker.getByRole('button', { name: '12 January 2025', exact: true }).click()
    await expect.poll(() => incidentCount(page), POLL).toBe(`${inRange.length} of ${sample.length} incidents`)
    for (const incident of inRange) await row(page, incident.id).waitFor()
    await screenshot(page, 'incidents-filter-dates')
    await page.getByTestId('clear-filters').click()
  })

  it('moves with the keyboard and opens a detail with every field', async () => {
    await expect.poll(() => incidentCount(page), POLL).toBe(`${sample.length} of ${sample.length} incidents`)
    await page.keyboard.press('/')
    expect(await page.locator('input[aria-label="Severity filter"]:focus').count()).toBe(1)
    await row(page, 'inc-2025-0005').click()
    await page.keyboard.press('j')
    await page.keyboard.press('k')
    expect(await row(page, 'inc-2025-0005').getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Enter')
    await page.getByTestId('incident-detail').waitFor()
    expect(await page.getByTestId('detail-id').textContent()).toBe('inc-2025-0005')
    const errorsTable = page.getByTestId('validation-errors')
    for (const text of ['code', 'severity', 'message', 'devices', 'BGP_PEER_UNREACHABLE']) {
      await errorsTable.getByText(text, { exact: true }).first().waitFor()
    }
    await page.getByTestId('other-fields').getByText('ticket').waitFor()
    await page
      .getByTestId('config-changes')
      .getByText(/set protocols bgp/)
      .waitFor()
    await page.getByRole('tree', { name: 'Network model' }).getByText('devices:').waitFor()
    await screenshot(page, 'incident-detail')
    await page.emulateMedia({ colorScheme: 'dark' })
    await screenshot(page, 'incident-detail-dark')
    await page.emulateMedia({ colorScheme: 'light' })

    await page.getByRole('button', { name: 'Raw JSON' }).click()
    expect(await page.getByTestId('raw-json-text').textContent()).toContain('"ticket": "CHG-20417"')
    await screenshot(page, 'incident-raw-json')
    await page.getByRole('button', { name: 'Raw JSON' }).click()
  })

  it('edits severity and tags', async () => {
    await page.keyboard.press('e')
    const dialog = page.getByRole('dialog', { name: 'Edit inc-2025-0005' })
    await dialog.waitFor()
    await dialog.getByRole('combobox', { name: 'Severity' }).click()
    await page.getByRole('option', { name: 'low', exact: true }).click()
    await dialog.getByRole('combobox', { name: 'Tags' }).fill('line-card')
    await page.keyboard.press('Enter')
    await screenshot(page, 'edit-dialog')
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('detail-severity').textContent(), POLL).toBe('low')
    await page.getByTestId('tags').getByText('line-card').waitFor()
  })

  it('shows older {error, type} validation errors with their own columns', async () => {
    await page.goto(`${bench.bridge.origin}/#/incidents/inc-2025-0002`)
    const errorsTable = page.getByTestId('validation-errors')
    await errorsTable.getByText('MTU mismatch on xe-0/0/0').waitFor()
    await errorsTable.getByRole('columnheader', { name: 'error' }).waitFor()
    await errorsTable.getByRole('columnheader', { name: 'type' }).waitFor()
  })

  it('shows a failed call as a one-line notification, not a crash', async () => {
    await page.goto(`${bench.bridge.origin}/#/incidents/no-such-incident`)
    await page.getByTestId('detail-error').getByText('No incident with id "no-such-incident"').waitFor()
    await page
      .locator('.mantine-Notification-root')
      .getByText('No incident with id "no-such-incident"')
      .waitFor()
    await screenshot(page, 'error-notification')
    await page.goto(`${bench.bridge.origin}/#/incidents/inc-2025-0002`)
    await page.getByTestId('incident-detail').waitFor()
  })

  it('captures a new incident, with inline errors first', async () => {
    await page.getByRole('button', { name: 'Back to incidents' }).click()
    await page.getByRole('grid', { name: 'Incidents' }).waitFor()
    await page.keyboard.press('n')
    const form = page.getByRole('form', { name: 'Capture an incident' })
    await form.waitFor()
    await page.getByRole('button', { name: 'Capture incident' }).click()
    await form.getByText('A description is required').waitFor()

    await page
      .getByLabel('Description')
      .fill('Route reflector rejected the new cluster-id; iBGP sessions reset')
    await page.getByRole('combobox', { name: 'Affected devices' }).fill('core-rtr-01')
    await page.keyboard.press('Enter')
    await page.getByRole('combobox', { name: 'Affected devices' }).fill('rr-01')
    await page.keyboard.press('Enter')
    await page.getByLabel('Validation errors').fill('[{"code": "RR_CLUSTER_ID"')
    await page.getByRole('button', { name: 'Capture incident' }).click()
    await form.getByText(/Not valid JSON/).waitFor()
    await screenshot(page, 'capture-errors')
    await page
      .getByLabel('Validation errors')
      .fill(
        JSON.stringify([
          { code: 'RR_CLUSTER_ID', severity: 'error', message: 'cluster-id changed', devices: ['rr-01'] }
        ])
      )
    await page.getByRole('button', { name: 'Capture incident' }).click()

    await page.getByTestId('incident-detail').waitFor()
    capturedId = (await page.getByTestId('detail-id').textContent()) ?? ''
    expect(capturedId).toMatch(/^deploy-\d{8}-\d{6}/)
    await page.getByTestId('validation-errors').getByText('RR_CLUSTER_ID').waitFor()
    await page.getByTestId('affected-devices').getByText('rr-01').waitFor()
    expect(await page.getByTestId('detail-status').textContent()).toBe('open')
    await screenshot(page, 'capture-done')
  })

  it('resolves it, requiring a root cause', async () => {
    await page.getByRole('button', { name: 'Resolve', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Resolve incident' }).click()
    await dialog.getByText('A root cause is required').waitFor()
    await dialog.getByLabel('Root cause').fill('cluster-id changed on one reflector only')
    await dialog.getByLabel('Resolution').fill('Set the same cluster-id on both reflectors')
    await screenshot(page, 'resolve-dialog')
    await dialog.getByRole('button', { name: 'Resolve incident' }).click()
    await expect.poll(() => page.getByTestId('detail-status').textContent(), POLL).toBe('resolved')
    await page.getByTestId('resolution').getByText('cluster-id changed on one reflector only').waitFor()
    expect(await page.getByTestId('detail-resolved-at').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} /)
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await screenshot(page, 'resolved')
  })

  it('exports a backup that holds every incident', async () => {
    await goTo(page, 'Backup')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-button').click()
    ])
    expect(download.suggestedFilename()).toMatch(/\.json$/)
    const path = await download.path()
    const backup = JSON.parse(await readFile(path, 'utf8')) as { incidents: { id: string }[] }
    const ids = backup.incidents.map((i) => i.id).sort()
    expect(ids).toEqual([...sample.map((i) => i.id), capturedId].sort())
    await page
      .getByTestId('export-result')
      .getByText(`Exported ${sample.length + 1} incidents`)
      .waitFor()
    await screenshot(page, 'backup-export')
  })

  it('deletes an incident after confirmation', async () => {
    await page.goto(`${bench.bridge.origin}/#/incidents/${encodeURIComponent(capturedId)}`)
    await page.getByTestId('incident-detail').waitFor()
    await page.getByRole('button', { name: 'Delete' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete incident?' })
    await dialog.waitFor()
    await screenshot(page, 'delete-confirm')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(await page.getByTestId('detail-id').textContent()).toBe(capturedId)

    await page.getByRole('button', { name: 'Delete' }).click()
    await page.getByTestId('confirm-delete').click()
    await page.getByRole('grid', { name: 'Incidents' }).waitFor()
    await expect.poll(() => incidentCount(page), POLL).toBe(`${sample.length} of ${sample.length} incidents`)
    expect(await row(page, capturedId).count()).toBe(0)
  })

  it('logged no errors in the page', () => {
    expect(realErrors(bench.errors)).toEqual([])
  })
})
