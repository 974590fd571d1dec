import { run } from './run'

declare const __NETMORTEM_VERSION__: string | undefined

// The `netmortem` command line: the same core as the desktop app, without a window.
void run(
  process.argv.slice(2),
  typeof __NETMORTEM_VERSION__ === 'string' ? __NETMORTEM_VERSION__ : '0.1.0'
).then((code) => {
  process.exitCode = code
})
