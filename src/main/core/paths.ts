import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_FOLDER = 'netmortem'
export const DB_FILE = 'netmortem.db'

/**
 * The user's data folder, the same one Electron's app.getPath('userData') gives for this app,
 * so the CLI and the desktop app open one database.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform
): string {
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  }
  if (platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  }
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_FOLDER)
}

/** `--db FILE`, else NETMORTEM_DB, else the app's own database. */
export function resolveDbPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit || env.NETMORTEM_DB || join(defaultDataDir(env), DB_FILE)
}

/**
 * The folder of Netmortem's resources (the default embedding model, the thesaurus): beside the
 * build output in a checkout, under Electron's resources path when packaged, or NETMORTEM_RESOURCES.
 */
export function resourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [
    env.NETMORTEM_RESOURCES,
    (process as { resourcesPath?: string }).resourcesPath &&
      join((process as { resourcesPath?: string }).resourcesPath!, 'resources'),
    join(__dirname, '..', '..', 'resources'), // out/main
    join(__dirname, '..', '..', '..', 'resources'), // src/main/core
    join(process.cwd(), 'resources')
  ]
  for (const dir of candidates) if (dir && existsSync(join(dir, 'thesaurus'))) return dir
  return join(process.cwd(), 'resources')
}
