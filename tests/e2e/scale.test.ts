import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { bulkIncidents } from './fixtures'
import { cliImport, screenshot, setupWorkbench, writeJson } from './harness'
import { inView, incidentCount, realErrors, row, POLL } from './ui'

const COUNT = 10_000

/** 10,000 incidents: the table loads them all and scrolls to the last one. */
describe('a large database', () => {
  const bench = setupWorkbench(async (db, dir) => {
    const file = await writeJson(join(dir, 'bulk.json'), bulkIncidents(COUNT))
    const report = await cliImport(file, db)
    expect(report.added).toBe(COUNT)
  })
  let page: Page

  beforeAll(() => {
    page = bench.page
  })

  it('renders the table with only the rows in view in the page', async () => {
    await page.goto(bench.bridge.url)
    await expect.poll(() => incidentCount(page), POLL).toBe('10,000 of 10,000 incidents')
    const newest = `bulk-${String(COUNT - 1).padStart(5, '0')}`
    await row(page, newest).waitFor()
    const rendered = await page.locator('[data-testid^="incident-row-"]').count()
    expect(rendered).toBeGreaterThan(10)
    expect(rendered).toBeLessThan(200)
    await screenshot(page, 'large-table-top')
  })

  it('scrolls to the last incident', async () => {
    const scroller = page.getByTestId('incident-table-scroll')
    const last = row(page, 'bulk-00000')
    const box = await scroller.boundingBox()
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2)
    for (let i = 0; i < 200 && !(await inView(last, scroller)); i++) await page.mouse.wheel(0, 12_000)
    expect(await inView(last, scroller)).toBe(true)
    await screenshot(page, 'large-table-end')
  })

  it('jumps with Home and End', async () => {
    const scroller = page.getByTestId('incident-table-scroll')
    await page.keyboard.press('Home')
    await expect.poll(() => inView(row(page, 'bulk-09999'), scroller), POLL).toBe(true)
    await page.keyboard.press('End')
    await expect.poll(() => inView(row(page, 'bulk-00000'), scroller), POLL).toBe(true)
    expect(await row(page, 'bulk-00000').getAttribute('aria-selected')).toBe('true')
  })

  it('logged no errors in the page', () => {
    expect(realErrors(bench.errors)).toEqual([])
  })
})
