import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, cliImport, screenshot, setupWorkbench } from './harness'
import { POLL, realErrors, screenshotDark } from './ui'

const EVAL = join(ROOT, 'tests/fixtures/eval/incidents.json')

/** A deployment failure of the evaluation set whose network model has findings (BGP_REMOTE_AS_MISMATCH). */
const WITH_FINDINGS = 'eval-bgpas-01'
/** A held-out incident whose analysis suggests a cause with high confidence. */
const HELD_OUT = 'eval-mlag-05'

describe('learning from incidents in the workbench', () => {
  const bench = setupWorkbench(async (db) => {
    await cliImport(EVAL, db)
  })

  it('previews the regression test of an incident with findings', async () => {
    const { page, bridge } = bench
    await page.goto(bridge.url)
    await page.goto(`${bridge.origin}/#/incidents/${WITH_FINDINGS}`)
    const section = page.getByTestId('regression-test')
    await expect.poll(() => section.getByTestId('test-code').textContent(), POLL).toContain('def test_no_')
    expect(await section.getByTestId('test-filename').textContent()).toMatch(/^test_.+\.py$/)
    expect(await section.getByTestId('test-kind').textContent()).toBe('pytest')
    // Highlighted as spans, not markup: keywords and strings carry their classes.
    expect(await section.locator('.nm-py-keyword').count()).toBeGreaterThan(0)
    expect(await section.locator('.nm-py-string').count()).toBeGreaterThan(0)
    await section.scrollIntoViewIfNeeded()
    await screenshot(page, 'learning-regression-test')
  })

  it('learns from a high-confidence incident: the suggestion is applied and it is resolved', async () => {
    const { page, bridge } = bench
    await page.goto(`${bridge.origin}/#/incidents/${HELD_OUT}`)
    const section = page.getByTestId('regression-test')
    await section.getByTestId('learn-button').click()
    const result = section.getByTestId('learn-result')
    await result.waitFor(POLL)
    expect(await result.getAttribute('data-applied')).toBe('true')
    expect(await result.textContent()).toContain('resolved')
    await screenshot(page, 'learning-learned')
  })

  it('learns from recent incidents and lists the results', async () => {
    const { page } = bench
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learning' }).click()
    await page.getByTestId('learn-recent').waitFor()
    await page.getByTestId('learn-recent-button').click()
    await page.getByTestId('learn-recent-result').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('learn-recent-summary').textContent()).toContain('10 recent incidents')
    await expect
      .poll(() => page.getByTestId('learn-recent-table').locator('tbody tr').count(), POLL)
      .toBeGreaterThan(0)
  })

  it('shows the policy rules and the prompt guidance learned', async () => {
    const { page } = bench
    await expect.poll(() => page.getByTestId('policy-row').count(), POLL).toBeGreaterThan(0)
    await expect.poll(() => page.getByTestId('guidance-line').count(), POLL).toBeGreaterThan(0)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('policy-download').click()
    ])
    expect(download.suggestedFilename()).toBe('network_policy.json')
    await screenshot(page, 'learning')
    await screenshotDark(page, 'learning-dark')
  })

  it('logged no errors in the page', () => {
    expect(realErrors(bench.errors)).toEqual([])
  })
})
