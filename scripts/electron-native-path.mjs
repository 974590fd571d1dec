import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/** Folder under the app root for the Electron builds of better-sqlite3 (see build-electron-native.mjs). */
export const ELECTRON_NATIVE_DIR = '.electron-native'

/** What to run when the Electron build is missing or wrong. */
export const REBUILD_HINT =
  'run `node scripts/build-electron-native.mjs` to build better-sqlite3 for Electron'

/**
 * Where the Electron build of better-sqlite3 lives: one file per Electron version, platform and
 * architecture, so upgrading Electron never loads an addon built for another ABI.
 */
export function electronNativeFile(
  appRoot,
  electronVersion,
  platform = process.platform,
  arch = process.arch
) {
  // Native addons cannot be loaded from inside an asar archive; packagers unpack them beside it.
  const root = appRoot.replace(/app\.asar$/, 'app.asar.unpacked')
  return join(root, ELECTRON_NATIVE_DIR, `better_sqlite3-${electronVersion}-${platform}-${arch}.node`)
}

/**
 * The native ABI (NODE_MODULE_VERSION) a better-sqlite3 addon was built for, read from the name
 * of the function it registers with (`node_register_module_v<ABI>`); null if the file has none.
 */
export function addonAbi(file) {
  const match = readFileSync(file)
    .toString('latin1')
    .match(/node_register_module_v(\d+)/)
  return match ? Number(match[1]) : null
}

/** Electron's ABI for a version, from node-abi (installed with better-sqlite3); null if unknown. */
export function electronAbi(electronVersion, appRoot) {
  try {
    const from = join(appRoot, 'node_modules', 'better-sqlite3', 'package.json')
    return Number(createRequire(from)('node-abi').getAbi(electronVersion, 'electron'))
  } catch {
    return null
  }
}

/**
 * Why `file` is not a better-sqlite3 build Electron can load, in one line; null when it is.
 * `expected` is Electron's ABI when known; a build for plain Node's ABI is never Electron's.
 */
export function wrongAbi(file, expected, nodeAbi = Number(process.versions.modules)) {
  const abi = addonAbi(file)
  if (abi === null) return `${file} is not a Node addon`
  if (expected !== null && abi !== expected) return `it was built for ABI ${abi}, Electron needs ${expected}`
  if (expected === null && abi === nodeAbi)
    return `it was built for plain Node (ABI ${abi}), not for Electron`
  return null
}
