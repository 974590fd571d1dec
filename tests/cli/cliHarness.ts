import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')
const BIN = join(ROOT, 'bin', 'netmortem.cjs')

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    throw new Error('The CLI is not built: run `npm run build` first (`npm test` does).')
  }
}

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the real `netmortem` command as its own process. */
export function netmortem(args: string[], env: Record<string, string | undefined> = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, NETMORTEM_DB: undefined, ...env },
    encoding: 'utf8',
    timeout: 60_000
  })
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

/** Runs it and parses the one JSON document it must print with --json. */
export function netmortemJson<T = unknown>(args: string[], env: Record<string, string | undefined> = {}): T {
  const run = netmortem([...args, '--json'], env)
  if (run.code !== 0) throw new Error(`netmortem ${args.join(' ')} exited ${run.code}: ${run.stderr}`)
  return JSON.parse(run.stdout) as T
}

export function startServe(args: string[]): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((done, reject) => {
    let out = ''
    let err = ''
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      const line = out.split('\n')
      if (line.length > 1) {
        done({
          url: line[0]!,
          stop: () =>
            new Promise((stopped) => {
              child.once('exit', (code) => stopped(code))
              child.kill('SIGTERM')
            })
        })
      }
    })
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)))
  })
}
