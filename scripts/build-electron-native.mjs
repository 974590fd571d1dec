// npm postinstall: builds better-sqlite3 for Electron into .electron-native/.
//
// Plain Node (the CLI, the tests) loads node_modules/better-sqlite3 as npm built it. Electron has
// another native ABI, so the desktop app loads a second build of the same addon through
// better-sqlite3's `nativeBinding` option. Building it here, in a copy, leaves the Node build alone.
// This script never fails the install: without that build only the desktop app is unavailable.
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronAbi, electronNativeFile, wrongAbi } from './electron-native-path.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const sqliteDir = join(root, 'node_modules', 'better-sqlite3')
const TIMEOUT_MS = 5 * 60 * 1000
const HEADERS_URL = 'https://electronjs.org/headers'

function skipReason() {
  if (process.env.NETMORTEM_SKIP_ELECTRON_NATIVE === '1') return 'NETMORTEM_SKIP_ELECTRON_NATIVE=1'
  if (process.env.CI === 'true' || process.env.CI === '1') return 'CI'
  return null
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
  } catch {
    throw new Error('the electron package is not installed')
  }
}

/** Runs a Node script in `cwd`; returns null on success, else one line saying why it failed. */
function runNode(script, args, cwd, explain, env = process.env) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024
  })
  if (result.error?.code === 'ETIMEDOUT') return 'timed out after 5 minutes'
  if (result.error) return result.error.message
  if (result.status === 0) return null
  return explain(`${result.stdout}\n${result.stderr}`) ?? `exited with code ${result.status}`
}

function prebuildInstallBin() {
  try {
    return createRequire(join(sqliteDir, 'package.json')).resolve('prebuild-install/bin.js')
  } catch {
    return null
  }
}

/** npm's own node-gyp (the one npm runs for install scripts), else one installed in the project. */
function nodeGypBin() {
  const inNpm = ['node_modules', 'node-gyp', 'bin', 'node-gyp.js']
  const npmDir = process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..')
  const nodeDir = dirname(process.execPath)
  const candidates = [
    process.env.npm_config_node_gyp,
    npmDir && join(npmDir, ...inNpm),
    join(nodeDir, '..', 'lib', 'node_modules', 'npm', ...inNpm),
    join(nodeDir, 'node_modules', 'npm', ...inNpm),
    join(root, ...inNpm)
  ]
  return candidates.find((file) => file && file.endsWith('.js') && existsSync(file)) ?? null
}

const lastMatch = (text, pattern) =>
  text
    .split('\n')
    .filter((line) => pattern.test(line))
    .pop()

function explainPrebuild(output) {
  return lastMatch(output, /prebuild-install (warn|ERR)/)?.replace(
    /^.*prebuild-install (warn|ERR!?)( install)? /,
    ''
  )
}

function explainNodeGyp(output) {
  const download = output.match(/gyp http GET (\S+)/)
  if (download && /network connectivity|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(output)) {
    return `could not download ${download[1]}`
  }
  const error =
    lastMatch(output, /gyp ERR! stack Error: /) ??
    lastMatch(output, /gyp ERR! (?!stack|System|command|cwd|node)/)
  return error?.replace(/^.*gyp ERR! (stack Error: )?/, '')
}

/**
 * npm hands its config to install scripts as npm_config_* variables; a `nodedir` there (set on
 * machines whose npm builds against local Node headers) would make node-gyp build for plain Node
 * whatever --target says, so the Electron build goes without it and fetches Electron's headers.
 */
function envForElectronHeaders() {
  const env = { ...process.env }
  for (const name of Object.keys(env)) if (/^npm_config_nodedir$/i.test(name)) delete env[name]
  return env
}

/** Why a built addon is not one this Electron can load, or null. */
const notForElectron = (file, version) => wrongAbi(file, electronAbi(version, root))

/** Builds better_sqlite3.node for Electron in a copy of the package; returns the built file. */
function buildInCopy(version, workDir) {
  cpSync(sqliteDir, workDir, {
    recursive: true,
    // The Node build stays behind: a stale build/ would be mistaken for the Electron one.
    filter: (file) => dirname(file) !== sqliteDir || !['build', 'node_modules'].includes(basename(file))
  })
  const built = join(workDir, 'build', 'Release', 'better_sqlite3.node')
  const reasons = []
  /** Why a build step did not leave an addon this Electron can load, or null when it did. */
  const problemWith = (failure, nothingBuilt) =>
    failure ?? (existsSync(built) ? notForElectron(built, version) : nothingBuilt)

  const prebuild = prebuildInstallBin()
  if (prebuild) {
    const args = [
      '--runtime',
      'electron',
      '--target',
      version,
      '--arch',
      process.arch,
      '--platform',
      process.platform
    ]
    const problem = problemWith(runNode(prebuild, args, workDir, explainPrebuild), 'none was installed')
    if (!problem) return built
    reasons.push(`no prebuilt binary: ${problem}`)
    rmSync(join(workDir, 'build'), { recursive: true, force: true })
  } else {
    reasons.push('prebuild-install is not installed')
  }

  const nodeGyp = nodeGypBin()
  if (!nodeGyp) throw new Error(`${reasons.join('; ')}; node-gyp was not found`)
  const args = [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${version}`,
    `--arch=${process.arch}`,
    `--dist-url=${HEADERS_URL}`
  ]
  const problem = problemWith(
    runNode(nodeGyp, args, workDir, explainNodeGyp, envForElectronHeaders()),
    'no addon was built'
  )
  if (!problem) return built
  reasons.push(`node-gyp: ${problem}`)
  throw new Error(reasons.join('; '))
}

function main() {
  const skip = skipReason()
  if (skip) {
    console.log(`Netmortem: skipping the Electron build of better-sqlite3 (${skip}).`)
    return
  }
  const version = electronVersion()
  const target = electronNativeFile(root, version)
  if (existsSync(target)) {
    const wrong = notForElectron(target, version)
    if (!wrong) return
    // An earlier install may have built it against plain Node's headers: build it again.
    console.log(`Netmortem: ${relative(root, target)} cannot be loaded by Electron ${version} (${wrong}).`)
    rmSync(target, { force: true })
  }
  if (!existsSync(join(sqliteDir, 'binding.gyp'))) throw new Error('better-sqlite3 is not installed')

  const workDir = mkdtempSync(join(tmpdir(), 'netmortem-sqlite-electron-'))
  try {
    const built = buildInCopy(version, workDir)
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(built, target)
    console.log(`Netmortem: built better-sqlite3 for Electron ${version} (${relative(root, target)}).`)
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

try {
  main()
} catch (err) {
  const reason = err instanceof Error ? err.message : String(err)
  console.log(
    `Netmortem: could not build better-sqlite3 for Electron (${reason}); the desktop app will not start, ` +
      'the browser workbench (`npm start` falls back to it) and the CLI work.'
  )
}
process.exitCode = 0
