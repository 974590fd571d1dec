import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ELECTRON_NATIVE_DIR, electronNativeFile } from '../../scripts/electron-native-path.mjs'

const script = join(__dirname, '..', '..', 'scripts', 'build-electron-native.mjs')

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
