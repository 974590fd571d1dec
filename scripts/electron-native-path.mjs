import { join } from 'node:path'

/** Folder under the app root for the Electron builds of better-sqlite3 (see build-electron-native.mjs). */
export const ELECTRON_NATIVE_DIR = '.electron-native'

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
