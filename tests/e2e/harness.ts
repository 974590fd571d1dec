import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'

/** Helpers of the end-to-end tests: the real bridge and CLI, Debian's Chromium. */

export const ROOT = resolve(__dirname, '../..')
const CLI = join(ROOT, 'out/main/cli.js')
const CHROMIUM = process.env.NETMORTEM_CHROMIUM ?? '/usr/bin/chromium'
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots')
const run = promisify(execFile)

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'netmortem-e2e-'))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

export async function writeJson(path: string, value: unknown): Promise<string> {
  await writeFile(path, JSON.stringify(value, null, 1))
  return path
}

/** Seeds a database through the real command line: `netmortem import FILE --db DB --json`. */
export async function cliImport(file: string, db: string): Promise<{ added: number; failed: number }> {
  const { stdout } = await run(process.execPath, [CLI, 'import', file, '--db', db, '--json'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024
  })
  return JSON.parse(stdout) as { added: number; failed: number }
}

export interface RunningBridge {
  url: string
  origin: string
  stop: () => Promise<void>
}

/** Starts `netmortem serve --db DB --port 0` and reads the URL it prints first. */
export async function startBridge(db: string): Promise<RunningBridge> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx electron-vite build\` first.`)
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const lines = createInterface({ input: child.stdout! })
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve printed no URL in 20 s. ${stderr}`)), 20_000)
    lines.once('line', (line) => {
      clearTimeout(timer)
      done(line.trim())
    })
    void exited.then((code) => {
      clearTimeout(timer)
      fail(new Error(`serve exited (${code}) before printing its URL. ${stderr}`))
    })
  })
  if (!/^http:\/\/127\.0\.0\.1:\d+\/#token=.+/.test(url))
    throw new Error(`serve printed an unexpected URL: ${url}`)
  return {
    url,
    origin: new URL(url).origin,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        await exited
        clearTimeout(timer)
      }
    }
  }
}

/** Waits for Debian's Chromium (it may still be installing) and launches it headless. */
export async function launchBrowser(): Promise<Browser> {
  const deadline = Date.now() + 100_000
  while (!existsSync(CHROMIUM)) {
    if (Date.now() > deadline) throw new Error(`${CHROMIUM} did not appear; install the chromium package.`)
    await new Promise((done) => setTimeout(done, 2_000))
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run'
    ]
  })
}

/** A new browser context and page: no state shared with other tests, downloads accepted. */
export async function freshPage(browser: Browser, options: { dark?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    colorScheme: options.dark ? 'dark' : 'light',
    // No transitions: screenshots show dialogs fully open (the app honours reduced motion).
    reducedMotion: 'reduce',
    acceptDownloads: true
  })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  return page
}

/** Collects what the page logs as errors (CSP violations, uncaught exceptions). */
export function pageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(err.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return errors
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
}

export interface Workbench {
  /** The temp directory that holds test.db; files written here go when the tests end. */
  dir: string
  bridge: RunningBridge
  browser: Browser
  page: Page
  /** What the page has logged as errors so far (see pageErrors). */
  errors: string[]
}

/**
 * The setup every screen's tests share, as beforeAll/afterAll hooks of the calling describe:
 * a temp dir whose test.db `seed` fills (empty without one), `serve` on it, Chromium and a fresh
 * page collecting its errors. The fields are set once the hooks have run, so read them in tests.
 */
export function setupWorkbench(seed?: (db: string, dir: string) => Promise<void>): Workbench {
  const bench: Partial<Workbench> = {}
  let cleanup: (() => Promise<void>) | undefined
  beforeAll(async () => {
    const temp = await tempDir()
    cleanup = temp.cleanup
    bench.dir = temp.dir
    const db = join(temp.dir, 'test.db')
    await seed?.(db, temp.dir)
    bench.bridge = await startBridge(db)
    bench.browser = await launchBrowser()
    bench.page = await freshPage(bench.browser)
    bench.errors = pageErrors(bench.page)
  })
  afterAll(async () => {
    await bench.browser?.close()
    await bench.bridge?.stop()
    await cleanup?.()
  })
  return bench as Workbench
}
