import { createHash } from 'node:crypto'

/**
 * File names for incident ids, which may be anything (`../../etc/passwd`, `CON`, `a/b`, NUL,
 * emoji). A name is always `test_` + lowercase ASCII letters, digits and underscores + `.py`: no
 * separator, no dot but the extension's, never a reserved Windows device name, a valid Python
 * module name, and at most 100 characters.
 *
 * Ids of lowercase words joined by single hyphens (`deploy-20251125-120000`) map one-to-one to
 * `test_deploy_20251125_120000.py`. Any other id is slugged and gets a hash of the exact id, so
 * ids that slug alike (`Core/1`, `core_1`) still get different files.
 */

const PLAIN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_PLAIN = 80
const MAX_SLUG = 60

/** A short hex digest of the exact id (UTF-16 code units, so lone surrogates are told apart). */
export function idHash(id: string, length: number): string {
  return createHash('sha256').update(Buffer.from(id, 'utf16le')).digest('hex').slice(0, length)
}

function slug(id: string): string {
  return id
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+/, '')
    .slice(0, MAX_SLUG)
    .replace(/_+$/, '')
}

/** `test_<safe id>.py`; `hashLength` lengthens the hash when two ids of one export collide. */
export function testFileName(id: string, hashLength = 10): string {
  if (hashLength === 10 && PLAIN.test(id) && id.length <= MAX_PLAIN) return `test_${id.replace(/-/g, '_')}.py`
  const base = slug(id)
  return `test_${base ? `${base}_` : ''}${idHash(id, hashLength)}.py`
}

/** A file name for each id, different for different ids (longer hashes where short ones collide). */
export function testFileNames(ids: readonly string[]): Map<string, string> {
  const names = new Map(ids.map((id) => [id, testFileName(id)]))
  const count = new Map<string, number>()
  for (const name of names.values()) count.set(name, (count.get(name) ?? 0) + 1)
  for (const [id, name] of names) if (count.get(name)! > 1) names.set(id, testFileName(id, 24))
  return names
}

/** Whether a name is one testFileName could have made: what an export writes, and nothing else. */
export const SAFE_TEST_NAME = /^test_[a-z0-9_]{1,95}\.py$/
