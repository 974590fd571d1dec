import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { resolve } from 'node:path'
import type { PhaseResult } from './streamingPhase'

export type { PhaseResult } from './streamingPhase'

/** The phase script; tests and benches run from the project folder. */
export const PHASE_SCRIPT = resolve(process.cwd(), 'tests/core/support/streamingPhase.ts')

export interface PhaseOptions {
  /** V8 heap limit of the child in MB: a phase holding the whole file as one string cannot fit. */
  maxOldSpaceMb?: number
}

/** Runs one phase of the streaming check in a fresh Node process and returns what it measured. */
export function runPhase(
  phase: 'generate' | 'import' | 'export',
  args: { file: string; db?: string; count?: number; kb?: number },
  options: PhaseOptions = {}
): Promise<PhaseResult> {
  const flags = ['--expose-gc', '--import', 'tsx']
  if (options.maxOldSpaceMb) flags.unshift(`--max-old-space-size=${options.maxOldSpaceMb}`)
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [...flags, PHASE_SCRIPT, phase, JSON.stringify(args)],
      { cwd: process.cwd(), maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        if (err) return fail(new Error(`${phase} failed: ${stderr || err.message}`))
        const line = stdout.trim().split('\n').pop() ?? ''
        done(JSON.parse(line) as PhaseResult)
      }
    )
  })
}

/** SHA-256 of a file, read as a stream. */
export async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

export const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`

export function describe(result: PhaseResult): string {
  return (
    `${result.phase.padEnd(8)} ${String(result.count).padStart(7)} incidents ` +
    `${mb(result.bytes).padStart(9)}  ` +
    `wall ${String(result.wallMs).padStart(6)} ms  cpu ${String(result.cpuMs).padStart(6)} ms  ` +
    `rss ${mb(result.baseRss)} -> peak ${mb(result.peakRss)} (+${mb(result.peakRss - result.baseRss)})  ` +
    `peak heap ${mb(result.peakHeap)}`
  )
}
