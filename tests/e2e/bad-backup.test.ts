import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { badBackup } from './fixtures'
import { screenshot, setupWorkbench, writeJson } from './harness'
import { goTo, importThroughUi, incidentCount, POLL } from './ui'

/** A backup with bad records is refused whole, and the workbench says which and why. */
describe('importing a bad backup', () => {
  const bench = setupWorkbench()
  let page: Page

  beforeAll(() => {
    page = bench.page
  })

  it('lists every bad record and says nothing was written', async () => {
    await page.goto(bench.bridge.url)
    await importThroughUi(page, await writeJson(join(bench.dir, 'bad.json'), badBackup()))
    const refused = page.getByTestId('import-refused')
    await refused.waitFor()
    await refused.getByText('Nothing was written').waitFor()
    expect(await page.getByTestId('import-added').textContent()).toContain('0')

    const rows = page.getByTestId('import-error-row')
    expect(await rows.count()).toBeGreaterThanOrEqual(5)
    const table = (await page.getByTestId('import-errors').textContent()) ?? ''
    for (const expected of [
      'bad-severity',
      'severity',
      'bad-time',
      'timestamp',
      'bad-devices',
      'affected_devices',
      'id'
    ]) {
      expect(table).toContain(expected)
    }
    await screenshot(page, 'backup-import-refused')
    await page.emulateMedia({ colorScheme: 'dark' })
    await screenshot(page, 'backup-import-refused-dark')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('left the database empty', async () => {
    await goTo(page, 'Incidents')
    await page.getByTestId('incidents-empty').waitFor()
    await expect.poll(() => incidentCount(page), POLL).toBe('0 of 0 incidents')
  })
})
