import { describe, it } from 'vitest'
import { freshPage, screenshot, setupWorkbench } from './harness'

/** Without this run's key the bridge answers 401, and the page says how to get in. */
describe('the session key', () => {
  const bench = setupWorkbench()

  it('asks for the printed URL when the page has no key', async () => {
    const page = await freshPage(bench.browser)
    await page.goto(`${bench.bridge.origin}/`)
    await page.getByTestId('session-required').getByText('Open the URL printed by').waitFor()
    await screenshot(page, 'session-required')
  })

  it('asks for the printed URL when the key is stale', async () => {
    const page = await freshPage(bench.browser, { dark: true })
    await page.goto(`${bench.bridge.origin}/#token=not-this-runs-key`)
    await page.getByTestId('session-required').waitFor()
    await screenshot(page, 'session-required-dark')
  })
})
