import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { freshPage, launchBrowser, screenshot, startBridge, tempDir, type RunningBridge } from './harness'

/** Without this run's key the bridge answers 401, and the page says how to get in. */
describe('the session key', () => {
  let cleanup: () => Promise<void>
  let bridge: RunningBridge
  let browser: Browser

  beforeAll(async () => {
    const temp = await tempDir()
    cleanup = temp.cleanup
    bridge = await startBridge(join(temp.dir, 'test.db'))
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await bridge?.stop()
    await cleanup?.()
  })

  it('asks for the printed URL when the page has no key', async () => {
    const page = await freshPage(browser)
    await page.goto(`${bridge.origin}/`)
    await page.getByTestId('session-required').getByText('Open the URL printed by').waitFor()
    await screenshot(page, 'session-required')
  })

  it('asks for the printed URL when the key is stale', async () => {
    const page = await freshPage(browser, { dark: true })
    await page.goto(`${bridge.origin}/#token=not-this-runs-key`)
    await page.getByTestId('session-required').waitFor()
    await screenshot(page, 'session-required-dark')
  })
})
