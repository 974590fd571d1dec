import { execFile } from 'node:child_process'
import { realpath } from 'node:fs/promises'
import { relative } from 'node:path'
import type { ExportTestsResult } from '../../../shared/testgen'

type GitReport = ExportTestsResult['git']

/** Runs git without a shell; resolves with its output, or null when it fails or is not installed. */
function git(args: string[]): Promise<string | null> {
  return new Promise((done) => {
    execFile(
      'git',
      args,
      // No index refresh or lock: a status for a report must not change the repository.
      { env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' }, maxBuffer: 16 * 1024 * 1024, timeout: 30_000 },
      (err, stdout) => done(err ? null : stdout)
    )
  })
}

/** Whether `dir` is inside a git work tree (false when git is not installed). */
export async function inWorkTree(dir: string): Promise<boolean> {
  return (await git(['-C', dir, 'rev-parse', '--is-inside-work-tree']))?.trim() === 'true'
}

/**
 * What git sees of the exported files: whether `dir` is in a work tree, and which of `files`
 * (absolute paths) are new (untracked or added), changed, or ignored.
 */
export async function gitStatus(dir: string, folder: string, files: string[]): Promise<GitReport> {
  const none: GitReport = { work_tree: false, new: [], changed: [], ignored: [] }
  if (!(await inWorkTree(dir))) return none
  const top = (await git(['-C', dir, 'rev-parse', '--show-toplevel']))?.trim()
  const status = await git([
    '-C',
    dir,
    'status',
    '--porcelain=v1',
    '-z',
    '--untracked-files=all',
    // With --untracked-files=all, files in an ignored folder are listed one by one.
    '--ignored=traditional',
    '--',
    folder
  ])
  if (!top || status === null) return { ...none, work_tree: true }
  // Porcelain paths are relative to the top of the work tree: compare real paths.
  const byRelative = new Map<string, string>()
  for (const file of files) {
    const real = await realpath(file).catch(() => null)
    if (real)
      byRelative.set(
        relative(await realpath(top), real)
          .split('\\')
          .join('/'),
        file
      )
  }
  const report: GitReport = { work_tree: true, new: [], changed: [], ignored: [] }
  const fields = status.split('\0')
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]!
    if (entry.length < 4) continue
    const code = entry.slice(0, 2)
    const path = entry.slice(3)
    // A rename or copy is followed by its source path.
    if (code[0] === 'R' || code[0] === 'C') i++
    // A folder (ending in /) stands for every file in it.
    const matched = path.endsWith('/')
      ? [...byRelative].filter(([rel]) => rel.startsWith(path)).map(([, file]) => file)
      : [byRelative.get(path)].filter((f): f is string => f !== undefined)
    for (const file of matched) {
      if (code === '??' || code[0] === 'A') report.new.push(file)
      else if (code === '!!') report.ignored.push(file)
      else report.changed.push(file)
    }
  }
  return report
}
