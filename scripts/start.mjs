// npm start: builds, then opens the desktop app, or the browser workbench where Electron cannot run.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { constants } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronAbi, electronNativeFile, REBUILD_HINT, wrongAbi } from './electron-native-path.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP']
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)

/** Runs a command in the project, passing Ctrl+C and kill on to it; resolves to its exit code. */
function run(command, args, stdout = 'inherit') {
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['inherit', stdout, 'inherit'],
    shell: process.platform === 'win32' && command.endsWith('.cmd')
  })
  // Ctrl+C in a terminal reaches the child too (one process group): a second SIGINT would cut short
  // its shutdown, so SIGINT is passed on only when it cannot have come from a terminal.
  const forward = (signal) => {
    if (signal !== 'SIGINT' || !process.stdin.isTTY) child.kill(signal)
  }
  for (const signal of SIGNALS) process.on(signal, forward)
  const exited = new Promise((resolve) => {
    child.on('error', (err) => {
      console.error(`Netmortem: cannot run ${command}: ${err.message}`)
      resolve(1)
    })
    child.on('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)))
  }).finally(() => {
    for (const signal of SIGNALS) process.off(signal, forward)
  })
  return { child, exited }
}

/** Why the desktop app cannot start here, or null when it can. */
function whyNoElectron() {
  // In a child: a missing binary makes require('electron') try a download and print a stack trace.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n' + require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 5 * 60 * 1000
  })
  const binary = probe.status === 0 ? probe.stdout.trim().split('\n').pop() : ''
  if (!binary || !existsSync(binary)) {
    return 'Electron is not available here (its binary could not be downloaded)'
  }
  const { version } = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
  const nativeFile = electronNativeFile(root, version)
  if (!existsSync(nativeFile)) return `the Electron build of better-sqlite3 is missing (${REBUILD_HINT})`
  const wrong = wrongAbi(nativeFile, electronAbi(version, root))
  if (wrong) return `the Electron build of better-sqlite3 cannot be loaded: ${wrong} (${REBUILD_HINT})`
  return null
}

function openInBrowser(url) {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]]
  const opener = spawn(command, args, { stdio: 'ignore', detached: true })
  opener.on('error', () => {}) // No opener installed: the URL is printed anyway.
  opener.unref()
}

/** The browser bridge prints its URL on its first line; open it once it does. */
function serveInBrowser() {
  const { child, exited } = run(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'serve'], 'pipe')
  let firstLine = ''
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk)
    if (firstLine.includes('\n')) return
    firstLine += chunk.toString()
    const url = firstLine.includes('\n') && firstLine.match(/https?:\/\/\S+/)
    if (url) openInBrowser(url[0])
  })
  return exited
}

const built = await run(bin('electron-vite'), ['build']).exited
if (built !== 0) process.exit(built)

const reason = whyNoElectron()
if (reason === null) {
  process.exit(await run(bin('electron-vite'), ['preview', '--skipBuild']).exited)
}
console.log(`Netmortem: ${reason}; opening the Netmortem workbench in your browser instead.`)
process.exit(await serveInBrowser())
