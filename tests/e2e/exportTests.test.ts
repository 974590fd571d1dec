import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { cliImport, freshPage, pageErrors, screenshot, setupWorkbench, writeJson } from './harness'
import { POLL, goTo, realErrors } from './ui'

/** Two incidents a test fits (pre-flight findings; a routing issue) and one it does not. */
const INCIDENTS = [
  {
    id: 'inc-vlan-1',
    timestamp: '2025-11-25T12:00:00Z',
    severity: 'high',
    category: 'deployment_failure',
    description: 'Duplicate VLAN 100 on leaf-01 blocked the deployment',
    affected_devices: ['leaf-01'],
    validation_errors: [
      {
        code: 'VLAN_DUPLICATE_ID',
        severity: 'error',
        message: 'VLAN 100 is defined twice (entries 0 and 3)',
        devices: ['leaf-01']
      }
    ]
  },
  {
    id: 'inc-bgp-2',
    timestamp: '2025-11-26T08:30:00Z',
    severity: 'critical',
    category: 'routing_issue',
    description: 'BGP session from leaf-01 to spine-01 stuck in Active after the change window',
    affected_devices: ['leaf-01', 'spine-01']
  },
  {
    id: 'inc-banner-3',
    timestamp: '2025-11-27T09:00:00Z',
    severity: 'low',
    category: 'config_error',
    description: 'Wrong login banner on the access switches'
  }
]

const VLAN_TEST = 'tests/regression/test_inc_vlan_1.py'
const BGP_TEST = 'tests/regression/test_inc_bgp_2.py'
const CONFTEST = 'tests/regression/conftest.py'
const HELPER = 'tests/regression/netmortem_checks.py'

const fileRow = (page: Page, relative: string) =>
  page.getByTestId('export-preview-table').getByTestId(`export-file-${relative}`)
const resultRow = (page: Page, relative: string) =>
  page.getByTestId('export-result-table').getByTestId(`export-file-${relative}`)

/** The action of every previewed file, by its path below the folder. */
async function previewActions(page: Page): Promise<Record<string, string | null>> {
  const rows = page.getByTestId('export-preview-table').locator('tbody tr')
  const out: Record<string, string | null> = {}
  for (const row of await rows.all()) {
    const id = (await row.getAttribute('data-testid'))!.replace('export-file-', '')
    out[id] = await row.getAttribute('data-action')
  }
  return out
}

const HANDLE = 'handle-main-kept-for-this-window'

/**
 * Runs in the page before the app: a window.netmortem like the desktop preload's, whose
 * operations go to the bridge, and whose test export plays main: the "dialog" picks folderPath,
 * the page gets HANDLE. Every test export call is recorded in window.__preloadCalls.
 */
function standInPreload({
  token,
  folderPath,
  handle
}: {
  token: string
  folderPath: string
  handle: string
}): void {
  const calls: unknown[] = []
  const post = async (name: string, body: unknown) => {
    const response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body ?? {})
    })
    return response.json()
  }
  const onFolder = (name: string) => async (target: { folder: string }) => {
    calls.push([name === 'tests.export' ? 'export' : 'preview', target])
    const { folder, ...choice } = target
    if (folder !== handle) return { ok: false, error: { code: 'INVALID_INPUT', message: 'unknown handle' } }
    return post(name, { ...choice, dir: folderPath })
  }
  const testsExport = {
    chooseFolder: async (choice: object) => {
      calls.push(['chooseFolder', choice])
      const result = (await post('tests.exportPreview', { ...choice, dir: folderPath })) as {
        ok: boolean
        value?: unknown
      }
      return result.ok ? { ok: true, value: { folder: handle, preview: result.value } } : result
    },
    preview: onFolder('tests.exportPreview'),
    export: onFolder('tests.export')
  }
  Object.assign(globalThis, {
    __preloadCalls: calls,
    netmortem: new Proxy(
      {},
      {
        get: (_target, name) =>
          name === 'testsExport'
            ? testsExport
            : name === 'then' || typeof name !== 'string'
              ? undefined
              : (input: unknown) => post(name, input)
      }
    )
  })
}

describe('exporting regression tests from the workbench', () => {
  let checkout = ''
  const bench = setupWorkbench(async (db, dir) => {
    await cliImport(await writeJson(join(dir, 'incidents.json'), INCIDENTS), db)
    checkout = join(dir, 'checkout')
    mkdirSync(checkout)
    execFileSync('git', ['-C', checkout, 'init', '-q'])
  })

  it('previews an export into a typed folder, writes nothing until confirmed, then writes it', async () => {
    const { page, bridge } = bench
    await page.goto(bridge.url)
    await goTo(page, 'Learning')
    await page.getByTestId('export-tests-button').click()
    const modal = page.getByRole('dialog', { name: 'Export regression tests' })
    await modal.waitFor()
    // The browser workbench asks for a path; the field has the focus.
    const field = page.getByTestId('export-folder-input')
    await expect.poll(() => page.locator('[data-testid="export-folder-input"]:focus').count(), POLL).toBe(1)
    await field.fill(checkout)
    await field.press('Enter')

    await page.getByTestId('export-preview-table').waitFor(POLL)
    expect(await previewActions(page)).toEqual({
      [VLAN_TEST]: 'create',
      [BGP_TEST]: 'create',
      [CONFTEST]: 'create',
      [HELPER]: 'create'
    })
    expect(await page.getByTestId('export-dir').textContent()).toBe(checkout)
    expect(await page.getByTestId('export-summary').textContent()).toMatch(/^Will write 4 files \(4 new\)/)
    expect(await page.getByTestId('export-preview').textContent()).toContain('in a git work tree')
    expect(await fileRow(page, VLAN_TEST).textContent()).toContain('inc-vlan-1')
    expect(existsSync(join(checkout, 'tests'))).toBe(false)
    await screenshot(page, 'export-tests-preview')

    await page.getByTestId('export-confirm').click()
    await page.getByTestId('export-result').waitFor(POLL)
    expect(await page.getByTestId('export-result').textContent()).toContain('Wrote 4 files')
    for (const file of [VLAN_TEST, BGP_TEST, CONFTEST, HELPER]) {
      expect(await resultRow(page, file).getAttribute('data-status')).toBe('created')
      expect(existsSync(join(checkout, file)), file).toBe(true)
    }
    expect(readFileSync(join(checkout, VLAN_TEST), 'utf8')).toContain('VLAN_DUPLICATE_ID')
    const git = page.getByTestId('export-git')
    expect(await git.getAttribute('data-work-tree')).toBe('true')
    expect(await page.getByTestId('export-git-new').textContent()).toContain(VLAN_TEST)
    await screenshot(page, 'export-tests-result')
  })

  it('shows a file edited on disk as skipped, and overwrites it only when told to', async () => {
    const { page } = bench
    const file = join(checkout, VLAN_TEST)
    const edited = `${readFileSync(file, 'utf8')}\n# checked by hand after the 2025-11 change window\n`
    writeFileSync(file, edited)

    await page.getByTestId('export-again').click()
    await expect.poll(() => fileRow(page, VLAN_TEST).getAttribute('data-action'), POLL).toBe('skip-edited')
    expect(await previewActions(page)).toEqual({
      [VLAN_TEST]: 'skip-edited',
      [BGP_TEST]: 'unchanged',
      [CONFTEST]: 'unchanged',
      [HELPER]: 'unchanged'
    })
    expect(await fileRow(page, VLAN_TEST).textContent()).toContain('edited since it was exported')
    expect(await page.getByTestId('export-summary').textContent()).toMatch(/^Nothing to write/)
    await screenshot(page, 'export-tests-edited')

    const overwrite = page.getByLabel('Overwrite my edits')
    await overwrite.check()
    await expect
      .poll(() => fileRow(page, VLAN_TEST).getAttribute('data-action'), POLL)
      .toBe('overwrite-edited')
    // The preview wrote nothing: the edit is still there.
    expect(readFileSync(file, 'utf8')).toBe(edited)
    expect(await page.getByTestId('export-confirm').textContent()).toBe('Write 1 file')

    await page.getByTestId('export-confirm').click()
    await page.getByTestId('export-result').waitFor(POLL)
    expect(await resultRow(page, VLAN_TEST).getAttribute('data-status')).toBe('updated')
    expect(await resultRow(page, BGP_TEST).getAttribute('data-status')).toBe('unchanged')
    expect(readFileSync(file, 'utf8')).not.toContain('checked by hand')
    await page.getByTestId('export-close').click()
    await page.getByRole('dialog', { name: 'Export regression tests' }).waitFor({ state: 'hidden' })
  })

  it('exports the test of the incident on screen only', async () => {
    const { page, bridge } = bench
    await page.goto(`${bridge.origin}/#/incidents/inc-bgp-2`)
    const section = page.getByTestId('regression-test')
    await section.getByTestId('export-test-button').click()
    expect(await page.getByTestId('export-scope').textContent()).toContain('The regression test of inc-bgp-2')
    const field = page.getByTestId('export-folder-input')
    await field.fill(checkout)
    await page.getByTestId('export-preview-button').click()
    await page.getByTestId('export-preview-table').waitFor(POLL)
    expect(await previewActions(page)).toEqual({ [BGP_TEST]: 'unchanged', [CONFTEST]: 'unchanged' })
    // Editing the path makes the preview stale until it is previewed again.
    await field.fill(join(checkout, 'elsewhere'))
    await page.getByTestId('export-stale').waitFor()
    expect(await page.getByTestId('export-confirm').isDisabled()).toBe(true)
    await page.keyboard.press('Escape')
    await page.getByRole('dialog', { name: 'Export regression tests' }).waitFor({ state: 'hidden' })
    expect(existsSync(join(checkout, 'elsewhere'))).toBe(false)
  })

  it('says in one line what is wrong with a folder', async () => {
    const { page, dir } = bench
    await goTo(page, 'Learning')
    await page.getByTestId('export-tests-button').click()
    const field = page.getByTestId('export-folder-input')
    const error = page.getByRole('dialog').locator('.mantine-TextInput-error')
    const cases: [string, RegExp][] = [
      ['checkout', /^Cannot export tests to checkout: give the folder's absolute path, like .+\.$/],
      [join(dir, 'incidents.json'), /^Cannot export tests to .*incidents\.json: it is not a folder\.$/],
      [
        join(dir, 'no', 'such'),
        /^Cannot export tests to .*such: no such folder, and no folder .* to make it in\.$/
      ]
    ]
    for (const [path, message] of cases) {
      await field.fill(path)
      await field.press('Enter')
      await expect.poll(() => error.textContent(), POLL).toMatch(message)
    }
    expect(await page.getByTestId('export-preview').count()).toBe(0)
    await screenshot(page, 'export-tests-bad-folder')
    await page.keyboard.press('Escape')
  })

  it("in the desktop app, exports through main's folder dialog and never sends a path", async () => {
    const { browser, bridge, dir } = bench
    const page = await freshPage(browser)
    const errors = pageErrors(page)
    const folderPath = join(dir, 'desktop-checkout')
    // The preload stood in for: operations go to the bridge; the folder dialog "answers"
    // folderPath, which only this stand-in for main knows. The page sees a handle.
    await page.addInitScript(standInPreload, {
      token: new URL(bridge.url).hash.slice('#token='.length),
      folderPath,
      handle: HANDLE
    })
    await page.goto(`${bridge.origin}/#/incidents/inc-vlan-1`)
    await page.getByTestId('regression-test').getByTestId('export-test-button').click()
    const choose = page.getByTestId('export-choose-folder')
    await expect.poll(() => page.locator('[data-testid="export-choose-folder"]:focus').count(), POLL).toBe(1)
    expect(await page.getByTestId('export-folder-input').count()).toBe(0)
    await choose.click()
    await page.getByTestId('export-preview-table').waitFor(POLL)
    expect(await previewActions(page)).toEqual({
      [VLAN_TEST]: 'create',
      [CONFTEST]: 'create',
      [HELPER]: 'create'
    })
    expect(await page.getByTestId('export-dir').textContent()).toBe(folderPath)
    await page.getByTestId('export-refresh').click()
    await screenshot(page, 'export-tests-desktop-preview')
    await page.getByTestId('export-confirm').click()
    await page.getByTestId('export-result').waitFor(POLL)
    expect(existsSync(join(folderPath, VLAN_TEST))).toBe(true)
    expect(existsSync(join(folderPath, BGP_TEST))).toBe(false)

    const calls = (await page.evaluate('window.__preloadCalls')) as [string, Record<string, unknown>][]
    expect(calls.map(([name]) => name)).toEqual(['chooseFolder', 'preview', 'export'])
    for (const [, payload] of calls) {
      expect(Object.keys(payload).sort()).toEqual(expect.arrayContaining(['ids', 'overwriteEdited']))
      expect(JSON.stringify(payload)).not.toContain(dir)
    }
    expect(calls[2]![1]).toEqual({ ids: ['inc-vlan-1'], overwriteEdited: false, folder: HANDLE })
    expect(realErrors(errors)).toEqual([])
  })

  it('logged no errors in the page', () => {
    expect(realErrors(bench.errors)).toEqual([])
  })
})
