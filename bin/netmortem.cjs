#!/usr/bin/env node
'use strict'
// The `netmortem` command: runs the built CLI (out/main/cli.js, made by `npm run build`).
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('netmortem: not built yet: run `npm run build` in the Netmortem folder first.\n')
  process.exit(1)
}
require(cli)
