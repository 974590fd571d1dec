import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  addonAbi,
  ELECTRON_NATIVE_DIR,
  electronAbi,
  electronNativeFile,
  wrongAbi
} from '../../scripts/electron-native-path.mjs'

const root = join(__dirname, '..', '..')
const script = join(root, 'scripts', 'build-electron-native.mjs')
const nodeBuild = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
const nodeAbi = Number(process.versions.modules)
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')
).version as string

describe('electronNativeFile', () => {
  it('names one build per Electron version, platform and architecture', () => {
    expect(electronNativeFile('/work/app', '45.6.0', 'linux', 'x64')).toBe(
      join('/work/app', ELECTRON_NATIVE_DIR, 'better_sqlite3-45.6.0-linux-x64.node')
    )
    expect(electronNativeFile('/work/app', '46.0.1', 'darwin', 'arm64')).toBe(
      join('/work/app', '.electron-native', 'better_sqlite3-46.0.1-darwin-arm64.node')
    )
  })

  it('looks beside an asar archive, where packagers unpack native addons', () => {
    expect(electronNativeFile('/opt/Netmortem/resources/app.asar', '45.6.0', 'linux', 'x64')).toBe(
      join(
        '/opt/Netmortem/resources/app.asar.unpacked',
        '.electron-native',
        'better_sqlite3-45.6.0-linux-x64.node'
      )
    )
  })

  it('defaults to the running platform and architecture', () => {
    expect(electronNativeFile('/a', '1.0.0')).toBe(
      join('/a', '.electron-native', `better_sqlite3-1.0.0-${process.platform}-${process.arch}.node`)
    )
  })
})

describe('build-electron-native.mjs (postinstall)', () => {
  const runWith = (env: Record<string, string>) => {
    const started = Date.now()
    const result = spawnSync(process.execPath, [script], {
      env: { ...process.env, NETMORTEM_SKIP_ELECTRON_NATIVE: '', CI: '', ...env },
      encoding: 'utf8',
      timeout: 20_000
    })
    return { ...result, seconds: (Date.now() - started) / 1000 }
  }

  it('skips quickly and exits 0 on CI', () => {
    const result = runWith({ CI: 'true' })
    expect(result.status).toBe(0)
    expect(result.seconds).toBeLessThan(5)
    expect(result.stdout.trim()).toBe('Netmortem: skipping the Electron build of better-sqlite3 (CI).')
  })

  it('skips when NETMORTEM_SKIP_ELECTRON_NATIVE=1', () => {
    const result = runWith({ NETMORTEM_SKIP_ELECTRON_NATIVE: '1' })
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('NETMORTEM_SKIP_ELECTRON_NATIVE=1')
  })
})

describe('the ABI of a better-sqlite3 build', () => {
  it("reads the ABI the addon registers with: npm's build is plain Node's", () => {
    expect(addonAbi(nodeBuild)).toBe(nodeAbi)
  })

  it("knows Electron's ABI from node-abi, never plain Node's", () => {
    const abi = electronAbi(electronVersion, root)
    expect(abi).toBeGreaterThan(0)
    expect(abi).not.toBe(nodeAbi)
    expect(electronAbi('not-a-version', root)).toBeNull()
  })

  it('says in one line why a build is not for this Electron', () => {
    const electron = electronAbi(electronVersion, root)
    expect(wrongAbi(nodeBuild, electron)).toBe(`it was built for ABI ${nodeAbi}, Electron needs ${electron}`)
    expect(wrongAbi(nodeBuild, null)).toBe(`it was built for plain Node (ABI ${nodeAbi}), not for Electron`)
    expect(wrongAbi(nodeBuild, nodeAbi)).toBeNull()
    const dir = mkdtempSync(join(tmpdir(), 'netmortem-abi-'))
    try {
      const text = join(dir, 'better_sqlite3.node')
      writeFileSync(text, 'not an addon')
      expect(wrongAbi(text, electron)).toBe(`${text} is not a Node addon`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("never leaves a build for plain Node's headers where Electron looks, even when npm's nodedir points at them", () => {
    // npm passes its `nodedir` config to install scripts; node-gyp would build for it whatever
    // --target says. Offline the build fails in seconds; with a network it builds for Electron.
    const target = electronNativeFile(root, electronVersion)
    const result = spawnSync(process.execPath, [script], {
      env: {
        ...process.env,
        NETMORTEM_SKIP_ELECTRON_NATIVE: '',
        CI: '',
        npm_config_nodedir: dirname(dirname(process.execPath))
      },
      encoding: 'utf8',
      timeout: 280_000
    })
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^Netmortem: (built|could not build) better-sqlite3 for Electron/m)
    if (existsSync(target)) expect(wrongAbi(target, electronAbi(electronVersion, root))).toBeNull()
    else expect(result.stdout).toContain('could not build')
  }, 300_000)
})
