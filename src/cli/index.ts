import { run } from './run'

declare const __NETMORTEM_VERSION__: string | undefined

// A reader that stops early (`netmortem list | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0)
  throw err
})

// The `netmortem` command line: the same core as the desktop app, without a window.
void run(
  process.argv.slice(2),
  typeof __NETMORTEM_VERSION__ === 'string' ? __NETMORTEM_VERSION__ : '0.1.0'
).then((code) => {
  process.exitCode = code
})
