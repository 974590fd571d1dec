import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '..', '..')
const read = (file: string): string => readFileSync(join(root, file), 'utf8')

const IMPORTS_ELECTRON = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]electron(?:\/[^'"]*)?['"]/

function sourceFiles(folder: string): string[] {
  const dir = join(root, folder)
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(c|m)?(t|j)sx?$/.test(file))
    .map((file) => join(folder, file))
}

describe('the desktop window', () => {
  const main = read('src/main/index.ts')

  it('isolates the page from Node', () => {
    expect(main).toMatch(/contextIsolation:\s*true/)
    expect(main).toMatch(/sandbox:\s*true/)
    expect(main).toMatch(/nodeIntegration:\s*false/)
    expect(main).toMatch(/webSecurity:\s*true/)
    expect(main).not.toMatch(
      /webSecurity:\s*false|allowRunningInsecureContent:\s*true|nodeIntegration:\s*true/
    )
  })

  it('opens no windows, grants no permissions and loads nothing remote', () => {
    expect(main).toMatch(/setWindowOpenHandler\(\(\)\s*=>\s*\(\{\s*action:\s*'deny'\s*\}\)\)/)
    expect(main).toMatch(/'will-navigate'[\s\S]*preventDefault\(\)/)
    expect(main).toMatch(/setPermissionRequestHandler\([^)]*\)\s*=>\s*callback\(false\)\)/)
    expect(main).toMatch(/onBeforeRequest\(/)
  })
})

describe('the preload', () => {
  const preload = read('src/preload/index.ts')

  it('exposes one object of functions, never ipcRenderer or a generic send', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(preload).toMatch(/exposeInMainWorld\('netmortem', api\)/)
    const code = preload.replace(/^import [^;]*? from '[^']+'$/gm, '').replace(/\/\/.*$/gm, '')
    const uses = [...code.matchAll(/ipcRenderer(\.\w+\()?/g)].map((m) => m[0])
    expect(uses.length).toBeGreaterThan(0)
    expect(uses.filter((use) => use !== 'ipcRenderer.invoke(')).toEqual([])
  })

  it('imports only electron, the channel names and (as types) the shared contract', () => {
    const imports = [...preload.matchAll(/import\s+(type\s+)?[^;]*?from\s*'([^']+)'/g)].map((m) => ({
      typeOnly: Boolean(m[1]),
      source: m[2]
    }))
    expect(imports.length).toBeGreaterThan(1)
    for (const { typeOnly, source } of imports) {
      expect(['electron', '../shared/channels', ...(typeOnly ? ['../shared/api'] : [])]).toContain(source)
    }
  })
})

describe('electron stays in the shell', () => {
  it('is imported by no file of the core, the contract, the CLI or the IPC checks and handlers', () => {
    const files = [
      ...sourceFiles('src/main/core'),
      ...sourceFiles('src/shared'),
      ...sourceFiles('src/cli'),
      'src/main/ipcHandler.ts',
      'src/main/testsExportHandler.ts'
    ]
    expect(files.length).toBeGreaterThan(5)
    const offenders = files.filter((file) => IMPORTS_ELECTRON.test(read(file)))
    expect(offenders).toEqual([])
  })

  it('is recognised in every import form', () => {
    for (const line of ["import { app } from 'electron'", "import 'electron'", 'require("electron")']) {
      expect(IMPORTS_ELECTRON.test(line)).toBe(true)
    }
    expect(IMPORTS_ELECTRON.test("import { x } from './electronish'")).toBe(false)
  })
})
