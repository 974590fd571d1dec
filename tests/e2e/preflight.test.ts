import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { screenshot, setupWorkbench } from './harness'
import { goTo, realErrors, screenshotDark, POLL } from './ui'

/** The shared examples: beside this repository, or wherever NETMORTEM_SHARED says. */
function example(name: string): string {
  const beside = join(__dirname, '../../../shared/examples', name)
  if (existsSync(beside) || !process.env.NETMORTEM_SHARED) return beside
  return join(process.env.NETMORTEM_SHARED, 'examples', name)
}

const DUPLICATE_VLAN = example('dc1-fabric-duplicate-vlan.json')
const READY = example('dc1-fabric.json')

/** Opens a file through the panel's file picker, as a mouse user would. */
async function openModel(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('preflight-open').click()
  ])
  await chooser.setFiles(file)
}

/** Drops a file made in the page onto the panel, as dragging it from a file manager does. */
async function dropFile(page: Page, name: string, content: string): Promise<void> {
  // Runs in the page: DOM types are not in this (Node) project, hence the narrow cast.
  const dataTransfer = await page.evaluateHandle(
    ([fileName, text]) => {
      const dom = globalThis as unknown as {
        DataTransfer: new () => { items: { add: (file: unknown) => void } }
        File: new (parts: string[], name: string, options: { type: string }) => unknown
      }
      const transfer = new dom.DataTransfer()
      transfer.items.add(new dom.File([text], fileName, { type: 'text/plain' }))
      return transfer
    },
    [name, content] as const
  )
  const zone = page.getByTestId('preflight-dropzone')
  await zone.dispatchEvent('dragenter', { dataTransfer })
  await zone.dispatchEvent('dragover', { dataTransfer })
  await zone.dispatchEvent('drop', { dataTransfer })
}

const banner = (page: Page) => page.getByTestId('preflight-banner')

/**
 * Pre-flight in the workbench: a model read in the page, checked by the core through the
 * bridge, the findings grouped by code, and the failure captured as an incident.
 */
describe('pre-flight in the workbench', () => {
  const bench = setupWorkbench()
  let page: Page
  let capturedId = ''

  beforeAll(() => {
    page = bench.page
  })

  it('opens from the navigation, ready for a file', async () => {
    expect(existsSync(DUPLICATE_VLAN)).toBe(true)
    await page.goto(bench.bridge.url)
    await page.getByTestId('incidents-empty').waitFor()
    await goTo(page, 'Pre-flight')
    expect(page.url()).toContain('#/preflight')
    await page.getByTestId('preflight-dropzone').getByText('Drop a network model here').waitFor()
    expect(await page.getByTestId('preflight-capture').isChecked()).toBe(true)
    await screenshot(page, 'preflight-empty')
  })

  it('finds the duplicate VLAN, grouped by code, and captures an incident', async () => {
    await openModel(page, DUPLICATE_VLAN)
    await banner(page).getByText('Not ready: 1 error, 0 warnings').waitFor()
    expect(await page.getByTestId('preflight-file').textContent()).toBe('dc1-fabric-duplicate-vlan.json')

    const group = page.getByTestId('finding-group-VLAN_DUPLICATE_ID')
    await group.waitFor()
    expect(await group.getByTestId('finding-count').textContent()).toBe('1')
    const finding = group.getByTestId('finding-row')
    expect(await finding.getByTestId('finding-path').textContent()).toBe('/vlans/3/id')
    await finding.getByText('VLAN 100 is defined twice').waitFor()
    const devices = await finding
      .getByTestId('finding-devices')
      .locator('.mantine-Badge-root')
      .allTextContents()
    expect(devices).toEqual(['leaf-01', 'leaf-02', 'leaf-03', 'leaf-04'])

    const link = page.getByTestId('preflight-incident-link')
    await page
      .getByTestId('preflight-incident')
      .getByText(/^Captured deploy-\d{8}-\d{6}/)
      .waitFor()
    capturedId = (await link.textContent()) ?? ''
    expect(capturedId).toMatch(/^deploy-\d{8}-\d{6}/)
    await expect.poll(() => page.getByTestId('nav-open-count').textContent(), POLL).toBe('1')
    await screenshot(page, 'preflight-not-ready')
    await screenshotDark(page, 'preflight-not-ready-dark')
  })

  it('counts the same failure again instead of capturing another', async () => {
    await page.keyboard.press('r')
    await page
      .getByTestId('preflight-incident')
      .getByText(`Seen again: occurrence 2 of ${capturedId}`)
      .waitFor()
    expect(await page.getByTestId('preflight-incident-link').textContent()).toBe(capturedId)
    expect(await page.getByTestId('nav-open-count').textContent()).toBe('1')
  })

  it('opens the captured incident, and comes back to the same run', async () => {
    await page.getByTestId('preflight-incident-link').click()
    await page.getByTestId('incident-detail').waitFor()
    expect(await page.getByTestId('detail-id').textContent()).toBe(capturedId)
    await page.getByTestId('validation-errors').getByText('VLAN_DUPLICATE_ID').waitFor()
    await page.getByRole('button', { name: 'Back to pre-flight' }).waitFor()
    await page.keyboard.press('Escape')
    await banner(page).getByText('Not ready: 1 error, 0 warnings').waitFor()
    await page.getByTestId('finding-group-VLAN_DUPLICATE_ID').waitFor()
  })

  it('does not capture when the switch is off', async () => {
    await page.getByTestId('preflight-capture').click()
    expect(await page.getByTestId('preflight-capture').isChecked()).toBe(false)
    await page.getByTestId('preflight-run').click()
    await page.getByTestId('preflight-not-captured').getByText('Not captured').waitFor()
    await page.getByTestId('preflight-capture').click()
  })

  it('says a correct model is ready to deploy', async () => {
    await openModel(page, READY)
    await banner(page).getByText('Ready to deploy').waitFor()
    expect(await banner(page).getAttribute('data-ready')).toBe('true')
    expect(await page.getByTestId('preflight-file').textContent()).toBe('dc1-fabric.json')
    expect(await page.getByTestId('finding-groups').count()).toBe(0)
    await screenshot(page, 'preflight-ready')
  })

  it('explains a dropped file that is not JSON', async () => {
    await dropFile(page, 'running-config.txt', 'hostname leaf-01\ninterface Ethernet1\n')
    const problem = page.getByTestId('preflight-problem')
    await problem
      .getByText(/running-config\.txt is not valid JSON \(.+\); it begins “hostname leaf-01”/)
      .waitFor()
    expect(await banner(page).count()).toBe(0)
    await screenshot(page, 'preflight-not-json')
  })

  it('explains a JSON file that is not a network model', async () => {
    const file = join(bench.dir, 'inventory.json')
    await writeFile(file, JSON.stringify({ name: 'inventory', hosts: ['leaf-01'] }))
    await openModel(page, file)
    await page
      .getByTestId('preflight-problem')
      .getByText('inventory.json is not a network model: it has no "devices" array.')
      .waitFor()
    await screenshotDark(page, 'preflight-not-a-model-dark')
  })

  it('logged no errors in the page', () => {
    expect(realErrors(bench.errors)).toEqual([])
  })
})
