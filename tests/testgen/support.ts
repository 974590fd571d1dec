import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Incident } from '../../src/shared/incident'
import { incidentRecord } from '../core/support/fixtures'

/**
 * A Python 3 that can import pytest: NETMORTEM_TEST_PYTHON, else Debian's /usr/bin/python3
 * (python3-pytest, which `npm run setup:test` installs), else python3 on the PATH. A pyenv
 * python3 on the PATH often lacks pytest, so it comes last.
 */
function findPython(): string {
  const candidates = [process.env.NETMORTEM_TEST_PYTHON, '/usr/bin/python3', 'python3'].filter(
    (c): c is string => Boolean(c)
  )
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ['-c', 'import pytest'], { encoding: 'utf8' })
    if (probe.status === 0) return candidate
  }
  throw new Error('These tests need Python 3 with pytest: run `npm run setup:test` (Debian python3-pytest).')
}

let python: string | undefined
export const PYTHON = (): string => (python ??= findPython())

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs Python (without a shell), feeding `input` on standard input. */
export function runPython(
  args: string[],
  options: { input?: string; env?: Record<string, string | undefined>; cwd?: string } = {}
): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      PYTHON(),
      args,
      {
        cwd: options.cwd,
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8', ...options.env },
        maxBuffer: 256 * 1024 * 1024,
        timeout: 120_000
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0
        done({ code, stdout, stderr })
      }
    )
    child.stdin?.end(options.input ?? '')
  })
}

/** Runs real pytest on some test files of a checkout, with this network model. */
export function pytest(checkout: string, files: string[], model?: string): Promise<Run> {
  return runPython(['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...files], {
    cwd: checkout,
    env: { NETMORTEM_NETWORK_MODEL: model }
  })
}

/** Runs promises made by `tasks` with at most `limit` at a time. */
export async function limited<T>(tasks: (() => Promise<T>)[], limit = 8): Promise<T[]> {
  const results: T[] = new Array(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++
      results[i] = await tasks[i]!()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return results
}

/** A temporary folder, removed after the test file. */
export function tempDir(prefix: string, cleanups: (() => void)[]): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** An incident of the testgen tests, with their defaults (built by tests/core/support/fixtures.ts). */
export function incident(fields: Partial<Incident> & { id: string }): Incident {
  return incidentRecord(fields.id, {
    timestamp: '2025-11-25T12:00:00Z',
    severity: 'high',
    category: 'deployment_failure',
    description: 'An incident',
    ...fields
  })
}

/**
 * Reads Python files and says what they are: whether they compile, their docstring, the values
 * of their module-level string constants, and their syntax tree with every string, and every
 * tuple or dict of strings, replaced by a placeholder (what the template made, without the data).
 */
export const INSPECT_PY = String.raw`
import ast, json, sys

def shape(tree):
    class Blank(ast.NodeTransformer):
        def visit_Constant(self, node):
            if isinstance(node.value, str):
                return ast.copy_location(ast.Constant(value="<str>"), node)
            return node
        def visit_Tuple(self, node):
            if all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                return ast.copy_location(ast.Constant(value="<str tuple>"), node)
            return self.generic_visit(node)
        def visit_Dict(self, node):
            if all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys) and all(
                isinstance(v, ast.Tuple) and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in v.elts)
                for v in node.values
            ):
                return ast.copy_location(ast.Constant(value="<str dict>"), node)
            return self.generic_visit(node)
    return ast.dump(Blank().visit(tree))

def constants(tree):
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return out

results = []
for path in json.load(sys.stdin):
    with open(path, "rb") as handle:
        raw = handle.read()
    entry = {"path": path, "ascii": all(b < 128 for b in raw)}
    try:
        tree = ast.parse(raw.decode("utf-8"), path)
        compile(tree, path, "exec")
    except Exception as error:
        entry["error"] = "%s: %s" % (type(error).__name__, error)
        results.append(entry)
        continue
    entry["doc"] = ast.get_docstring(tree, clean=False)
    entry["constants"] = constants(tree)
    entry["shape"] = shape(tree)
    entry["top"] = [type(n).__name__ for n in tree.body]
    results.append(entry)
json.dump(results, sys.stdout, ensure_ascii=True)
`

export interface Inspected {
  path: string
  ascii: boolean
  error?: string
  doc?: string | null
  constants?: Record<string, unknown>
  shape?: string
  top?: string[]
}

/** Inspects many Python files, in a few Python processes at once. */
export async function inspectPython(paths: string[]): Promise<Inspected[]> {
  const workers = Math.max(1, Math.min(8, availableParallelism()))
  const size = Math.ceil(paths.length / workers)
  const chunks = Array.from({ length: workers }, (_, i) => paths.slice(i * size, (i + 1) * size))
  const runs = await Promise.all(
    chunks.map(async (chunk) => {
      if (!chunk.length) return []
      const run = await runPython(['-c', INSPECT_PY], { input: JSON.stringify(chunk) })
      if (run.code !== 0) throw new Error(`inspecting Python failed: ${run.stderr}`)
      return JSON.parse(run.stdout) as Inspected[]
    })
  )
  return runs.flat()
}

/** Strings an attacker would put in an imported backup. */
export const HOSTILE = [
  '"""; import os; os.system("touch /tmp/netmortem-pwned")',
  "'''\nimport os\nos.system('id')\n'''",
  '"; import os; os.system("id"); x = "',
  '\\',
  'ends with a backslash \\',
  '\\"\\"\\" escaped quotes',
  '\\N{LATIN SMALL LETTER A} \\x41 \\u0041 \\U0001F600',
  'line one\nimport os\nline three',
  'carriage\rimport os',
  'crlf\r\nimport os',
  'unicode line separator\u2028import os\u2029import sys\u0085import re',
  'NUL \u0000 inside',
  '\u0000',
  'ANSI \u001b[31mred\u001b[0m and DEL \u007f',
  'lone surrogates \ud800 \udfff a\udc00b',
  '\ud83d',
  'emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, é (combining), 事件',
  'bidi \u202eevil\u202c and BOM \ufeff and zero width \u200b',
  "{__import__('os').system('id')} f-string braces",
  '# not a comment',
  '${injection} `backticks` %s %(x)s',
  ')\nimport os\n(',
  '"\n)\nimport os\n("',
  'x'.repeat(5000)
]
