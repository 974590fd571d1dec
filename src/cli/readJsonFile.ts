import { readFile } from 'node:fs/promises'
import { describeFsError } from '../main/core/fsErrors'
import { CliError } from './output'

/** Reads and parses a small JSON file named on the command line, with one-line errors. */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new CliError(`Cannot read ${what} ${path}: ${describeFsError(err, true)}.`)
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (err) {
    throw new CliError(
      `${what[0]!.toUpperCase()}${what.slice(1)} ${path} is not valid JSON: ${(err as Error).message}.`
    )
  }
}
