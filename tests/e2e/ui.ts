import type { Locator, Page } from 'playwright-core'
import { screenshot } from './harness'

/** Steps through the workbench the way an engineer would, by labels and test ids. */

export const incidentCount = (page: Page): Promise<string | null> =>
  page.getByTestId('incident-count').textContent()

export const row = (page: Page, id: string): Locator => page.getByTestId(`incident-row-${id}`)

/** Picks an option of a Mantine Select by typing into it, as a keyboard user would. */
export async function chooseOption(
  page: Page,
  label: string,
  typed: string,
  option: string | RegExp
): Promise<void> {
  const input = page.locator(`input[aria-label="${label}"]`)
  await input.click()
  await input.fill(typed)
  await page.getByRole('option', { name: option }).click()
}

export async function goTo(
  page: Page,
  screen: 'Incidents' | 'Search' | 'Pre-flight' | 'Capture' | 'Backup' | 'Learning'
): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click()
}

/** True when the element is inside the visible part of the scrolling container. */
export async function inView(element: Locator, container: Locator): Promise<boolean> {
  if ((await element.count()) === 0) return false
  const [box, frame] = await Promise.all([element.boundingBox(), container.boundingBox()])
  if (!box || !frame) return false
  return box.y >= frame.y - 1 && box.y + box.height <= frame.y + frame.height + 1
}

/** Imports a file through the Backup screen's file picker; returns when the result shows. */
export async function importThroughUi(page: Page, file: string): Promise<void> {
  await goTo(page, 'Backup')
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('import-button').click()
  ])
  await chooser.setFiles(file)
  await page.getByTestId('import-result').waitFor()
}

/** Messages the page logged as errors, less the one a <meta> CSP always causes. */
export const realErrors = (errors: string[]): string[] =>
  errors.filter((e) => !e.includes("'frame-ancestors' is ignored when delivered via a <meta> element"))

/** How long expect.poll waits for the page to settle (loading 10,000 rows included). */
export const POLL = { timeout: 20_000 }

/** A screenshot in the dark scheme, once its colour transitions have finished; back to light after. */
export async function screenshotDark(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.waitForTimeout(400)
  await screenshot(page, name)
  await page.emulateMedia({ colorScheme: 'light' })
  await page.waitForTimeout(400)
}
