import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT, cliImport, screenshot, setupWorkbench } from './harness'
import { chooseOption, realErrors, screenshotDark, POLL } from './ui'

const EVAL = join(ROOT, 'tests/fixtures/eval/incidents.json')

/** Every result row on the screen, best first. */
const resultRows = (page: Page): Locator => page.locator('[data-testid^="search-result-"]')

const resultIds = (page: Page): Promise<string[]> =>
  resultRows(page).evaluateAll((rows) =>
    rows.map((row) => row.getAttribute('data-testid')!.slice('search-result-'.length))
  )

/**
 * Similar-incident search in the workbench: typos read through, words highlighted, the three
 * modes, the filters, the keyboard, and the similar incidents of a detail, against the
 * evaluation set seeded through the CLI.
 */
describe('search in the workbench', () => {
  const bench = setupWorkbench(async (db) => {
    const report = await cliImport(EVAL, db)
    expect(report.failed).toBe(0)
  })
  let page: Page
  let hybridCount = 0

  beforeAll(() => {
    page = bench.page
  })

  it('opens with `s` from any screen, the search box focused', async () => {
    await page.goto(bench.bridge.url)
    await page.getByRole('grid', { name: 'Incidents' }).waitFor()
    await page.keyboard.press('s')
    await page.getByTestId('search-intro').waitFor()
    expect(page.url()).toContain('#/search')
    await expect.poll(() => page.locator('[data-testid="search-input"]:focus').count(), POLL).toBe(1)
    await page
      .getByTestId('model-status')
      .getByText(/96 of 96 incidents embedded/)
      .waitFor()
    await screenshot(page, 'search-intro')
  })

  it('reads typos through and highlights the matched words', async () => {
    await page.keyboard.type('bgp sesion wont estabish')
    await page.keyboard.press('Enter')
    const corrections = page.getByTestId('search-corrections')
    await corrections.getByText("Read 'sesion' as 'session'", { exact: false }).waitFor()
    expect(await corrections.textContent()).toContain("'estabish' as 'establish'")
    await page
      .getByTestId('search-expansions')
      .getByText(/Also searched: .*peering/)
      .waitFor()

    await expect.poll(async () => (await resultIds(page)).length, POLL).toBeGreaterThan(3)
    const ids = await resultIds(page)
    const bgp = ids.filter((id) => id.startsWith('eval-bgp'))
    expect(bgp.length).toBeGreaterThan(0)
    const marks = page.getByTestId(`search-result-${bgp[0]}`).getByTestId('result-highlight').locator('mark')
    expect(await marks.count()).toBeGreaterThan(0)
    const marked = (await marks.allTextContents()).map((t) => t.toLowerCase())
    expect(marked.some((word) => /bgp|establish|neighbo|peer/.test(word))).toBe(true)
    // Never HTML: the private-use markers are gone and no text was parsed as markup.
    const text = (await page.getByTestId('search-results').textContent()) ?? ''
    expect(text).not.toMatch(/[\uE000\uE001]/)

    hybridCount = ids.length
    const first = resultRows(page).first()
    expect(await first.getByTestId('result-score').textContent()).toMatch(/^\d\.\d\d$/)
    await first.getByTestId('signal-vector').hover()
    await page
      .getByRole('tooltip')
      .getByText(/Found by meaning .*rank \d+ · score [\d.]+ · similarity/)
      .waitFor()
    await screenshot(page, 'search-results')
    await page.mouse.move(0, 0)
    await screenshotDark(page, 'search-results-dark')
  })

  it('searches by keywords only in keyword mode', async () => {
    await page.getByTestId('search-mode').getByText('Keyword').click()
    await expect.poll(() => page.locator('[data-testid="signal-vector"]').count(), POLL).toBe(0)
    expect((await resultIds(page)).length).toBeGreaterThan(0)
    expect(await page.locator('[data-testid="signal-keyword"]').count()).toBeGreaterThan(0)
    await screenshot(page, 'search-keyword')
  })

  it('filters the results by status', async () => {
    const before = (await resultIds(page)).length
    await chooseOption(page, 'Status filter', 'resol', /^resolved/)
    await expect.poll(async () => (await resultIds(page)).length, POLL).toBeLessThan(before)
    const statuses = await resultRows(page).evaluateAll((rows) =>
      rows.map((row) => row.querySelector('[role="gridcell"]:nth-child(5)')?.textContent?.trim())
    )
    expect(statuses.length).toBeGreaterThan(0)
    expect(new Set(statuses)).toEqual(new Set(['resolved']))
    await screenshot(page, 'search-filter-status')
  })

  it('moves through the results with the keyboard and opens one', async () => {
    await page.getByTestId('search-input').click()
    await page.keyboard.press('ArrowDown')
    const ids = await resultIds(page)
    await expect
      .poll(() => page.getByTestId(`search-result-${ids[0]}`).getAttribute('aria-selected'), POLL)
      .toBe('true')
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('k')
    expect(await page.getByTestId(`search-result-${ids[1]}`).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Enter')
    await page.getByTestId('incident-detail').waitFor()
    expect(await page.getByTestId('detail-id').textContent()).toBe(ids[1])
  })

  it('lists similar incidents on the detail, with the root causes of resolved ones', async () => {
    const similar = page.getByTestId('similar-incidents')
    const items = similar.locator('a[data-testid^="similar-"]')
    await expect.poll(() => items.count(), POLL).toBeGreaterThan(0)
    expect(await items.count()).toBeLessThanOrEqual(5)
    const here = await page.getByTestId('detail-id').textContent()
    const listed = await items.evaluateAll((links) => links.map((a) => a.getAttribute('data-testid')))
    expect(listed).not.toContain(`similar-${here}`)
    await similar.getByTestId('similar-root-cause').first().waitFor()
    await screenshot(page, 'incident-similar')
    await screenshotDark(page, 'incident-similar-dark')

    const next = listed[0]!.slice('similar-'.length)
    await items.first().click()
    await expect.poll(() => page.getByTestId('detail-id').textContent(), POLL).toBe(next)
    await expect.poll(() => similar.locator(`a[data-testid="similar-${next}"]`).count(), POLL).toBe(0)
    await expect.poll(() => items.count(), POLL).toBeGreaterThan(0)
  })

  it('goes back to the same search with Esc', async () => {
    await page.keyboard.press('Escape')
    await page.getByRole('grid', { name: 'Search results' }).waitFor()
    expect(await page.getByTestId('search-input').inputValue()).toBe('bgp sesion wont estabish')
    expect(await page.locator('input[aria-label="Status filter"]').inputValue()).toMatch(/^resolved/)
    // The page shows the kept query at once and the results when the search answers.
    await expect.poll(async () => (await resultIds(page)).length, POLL).toBeGreaterThan(0)
    expect((await resultIds(page)).length).toBeLessThan(hybridCount + 1)
  })

  it('says so when nothing matches, and offers the way out', async () => {
    await page.getByTestId('search-input').fill('zzyzx qwxv')
    await page.keyboard.press('Enter')
    const empty = page.getByTestId('search-empty')
    await empty.getByText('No incident matches “zzyzx qwxv”').waitFor()
    await empty.getByRole('button', { name: 'Clear filters' }).waitFor()
    await empty.getByRole('button', { name: 'Search in hybrid mode' }).waitFor()
    await screenshot(page, 'search-no-results')
    await page.getByTestId('search-input').fill('')
    await page.getByTestId('search-intro').waitFor()
  })

  it('logged no errors in the page', () => {
    expect(realErrors(bench.errors)).toEqual([])
  })
})
