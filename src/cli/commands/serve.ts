import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { startBridge } from '../../main/bridge/server'
import { str, type Command } from '../command'
import { CliError, note, printLine } from '../output'

export const serve: Command = {
  name: 'serve',
  usage: 'serve [--port P]',
  summary: 'Open the workbench in a browser: serves it on 127.0.0.1 with a per-run secret.',
  options: { port: { type: 'string', short: 'p' } },
  async run(ctx) {
    const port = Number(str(ctx, 'port') ?? 0)
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError('--port takes 0..65535.', 2)
    const rendererDir = join(__dirname, '../renderer')
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new CliError('The workbench is not built: run `npm run build` first.')
    }
    let bridge
    try {
      bridge = await startBridge({ service: ctx.service(), rendererDir, port })
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      throw new CliError(code === 'EADDRINUSE' ? `Port ${port} is already in use.` : (err as Error).message)
    }
    void ctx.service().warmSearch()
    printLine(bridge.url)
    note(`Netmortem workbench on ${bridge.url.split('#')[0]} (database ${ctx.dbPath}); Ctrl+C stops it.`)
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        void bridge.close().then(done)
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
    note('Stopped.')
  }
}
