import { randomBytes } from 'node:crypto'
import { lstat, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { Incident } from '../../../shared/incident'
import type {
  ExportTestsOptions,
  ExportTestsResult,
  ExportedFile,
  ExportedFileKind
} from '../../../shared/testgen'
import { NetmortemError, invalidInput } from '../errors'
import { describeFsError } from '../fsErrors'
import { CONFTEST_FILENAME, conftestFile } from './conftest'
import { generateTest, wantsTest } from './generate'
import { readMark, sameText } from './header'
import { HELPER_FILENAME, helperFile } from './netmortemChecks'
import { SAFE_TEST_NAME, testFileNames } from './safeName'
import { gitStatus } from './gitStatus'

/** What exporting needs of the service. */
export interface ExportDeps {
  getIncident: (id: string) => Incident
  listFullIncidents: () => Incident[]
  now: () => Date
}

/** One file an export manages: its name in tests/regression and how to make its content. */
interface Planned {
  name: string
  kind: ExportedFileKind
  incidentId: string | null
  /** The content, generated at this time (files without a generation time ignore it). */
  content: (generatedAt: string) => string
}

const RELATIVE_FOLDER = 'tests/regression'

/**
 * Writes the regression tests of incidents into a checkout (docs/regression-tests.md):
 * DIR/tests/regression/test_<safe id>.py for each, with the shared netmortem_checks.py and
 * conftest.py they need. A file is written only when its content changes; one the user edited
 * since it was exported (its netmortem-hash no longer matches) is skipped unless
 * `overwriteEdited`, and one Netmortem did not write is never replaced. Every name is made by
 * testFileName and checked to stay in DIR/tests/regression.
 */
export async function exportTests(
  deps: ExportDeps,
  dir: string,
  ids?: readonly string[],
  options: ExportTestsOptions = {}
): Promise<ExportTestsResult> {
  const root = await exportRoot(dir)
  const incidents = ids?.length
    ? [...new Set(ids)].map((id) => deps.getIncident(id))
    : deps.listFullIncidents().filter(wantsTest)
  const result: ExportTestsResult = {
    dir: root,
    selected: incidents.map((i) => i.id),
    written: [],
    unchanged: [],
    skipped: [],
    files: [],
    git: { work_tree: false, new: [], changed: [], ignored: [] }
  }
  if (incidents.length === 0) {
    result.git = await gitStatus(root, RELATIVE_FOLDER, [])
    return result
  }
  const folder = await regressionDir(root)
  const now = deps.now().toISOString()
  for (const file of plan(incidents, now)) {
    result.files.push(await exportFile(folder, root, file, now, options))
  }
  for (const f of result.files) {
    if (f.status === 'created' || f.status === 'updated') result.written.push(f.path)
    else if (f.status === 'unchanged') result.unchanged.push(f.path)
    else result.skipped.push({ path: f.path, reason: f.reason })
  }
  result.git = await gitStatus(
    root,
    RELATIVE_FOLDER,
    result.files.map((f) => f.path)
  )
  return result
}

/** The export folder, absolute: it must exist and be a folder. */
async function exportRoot(dir: string): Promise<string> {
  if (!dir.trim()) throw invalidInput('Name the folder to export tests to (--to DIR).')
  const root = resolve(dir)
  let info
  try {
    info = await stat(root)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw invalidInput(
      `Cannot export tests to ${dir}: ${code === 'ENOENT' ? 'no such folder' : describeFsError(err)}.`
    )
  }
  if (!info.isDirectory()) throw invalidInput(`Cannot export tests to ${dir}: it is not a folder.`)
  return root
}

/**
 * DIR/tests/regression, made if missing. It is made a level at a time, and a level that is a
 * link must stay inside DIR: nothing is created or written outside it, even when `tests` is a
 * link to elsewhere.
 */
async function regressionDir(root: string): Promise<string> {
  const realRoot = await realpath(root)
  let folder = root
  for (const part of ['tests', 'regression']) {
    folder = join(folder, part)
    let info = await lstat(folder).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null
      throw new NetmortemError('IO_ERROR', `Cannot read ${folder}: ${describeFsError(err)}.`)
    })
    if (info?.isSymbolicLink()) {
      const real = await realpath(folder).catch(() => null)
      if (!real || !within(realRoot, real)) {
        throw invalidInput(`Cannot export tests: ${folder} is a link leading outside ${root}.`)
      }
      info = await stat(folder)
    }
    if (!info) {
      try {
        await mkdir(folder)
      } catch (err) {
        throw new NetmortemError('IO_ERROR', `Cannot make ${folder}: ${describeFsError(err)}.`)
      }
    } else if (!info.isDirectory()) {
      throw invalidInput(`Cannot export tests: ${folder} is not a folder.`)
    }
  }
  if (!within(realRoot, await realpath(folder))) {
    throw invalidInput(`Cannot export tests: ${folder} leads outside ${root} (a symbolic link).`)
  }
  return folder
}

const within = (parent: string, child: string) => {
  const rel = relative(parent, child)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

/** The files of an export: a test per incident, then the shared files those tests need. */
function plan(incidents: Incident[], now: string): Planned[] {
  const names = testFileNames(incidents.map((i) => i.id))
  const planned: Planned[] = []
  const needs = new Set<string>()
  for (const incident of incidents) {
    const name = names.get(incident.id)!
    const first = generateTest(incident, now, name)
    first.needs.forEach((n) => needs.add(n))
    planned.push({
      name,
      kind: first.kind,
      incidentId: incident.id,
      content: (at) => (at === now ? first.code : generateTest(incident, at, name).code)
    })
  }
  // conftest.py keeps pytest off the pyATS scripts and puts the helper on sys.path: every export has it.
  planned.push({ name: CONFTEST_FILENAME, kind: 'conftest', incidentId: null, content: conftestFile })
  if (needs.has(HELPER_FILENAME)) {
    planned.push({ name: HELPER_FILENAME, kind: 'helper', incidentId: null, content: helperFile })
  }
  return planned
}

async function exportFile(
  folder: string,
  root: string,
  file: Planned,
  now: string,
  options: ExportTestsOptions
): Promise<ExportedFile> {
  if (file.kind !== 'helper' && file.kind !== 'conftest' && !SAFE_TEST_NAME.test(file.name)) {
    throw new Error(`unsafe test file name ${JSON.stringify(file.name)}`)
  }
  const path = join(folder, file.name)
  if (!within(folder, path) || relative(folder, path) !== file.name) {
    throw new Error(`test file ${JSON.stringify(file.name)} would leave ${folder}`)
  }
  const done = (status: ExportedFile['status'], reason: string): ExportedFile => ({
    path,
    relative: relative(root, path).split(sep).join('/'),
    incident_id: file.incidentId,
    kind: file.kind,
    status,
    reason
  })
  let existing: string | undefined
  try {
    const info = await lstat(path)
    if (info.isSymbolicLink())
      return done('skipped', 'it is a symbolic link: Netmortem writes only plain files')
    if (!info.isFile()) return done('skipped', 'something other than a file has its name')
    existing = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      return done('skipped', `cannot read it: ${describeFsError(err)}`)
    }
  }
  if (existing === undefined) {
    await writeAtomically(path, file.content(now))
    return done('created', 'new')
  }
  const mark = readMark(existing)
  if (!mark.ours) {
    return done(
      'skipped',
      'Netmortem did not write it (no netmortem-hash line): it is never replaced; move it away to export here'
    )
  }
  if (file.incidentId !== null && mark.incidentId !== undefined && mark.incidentId !== file.incidentId) {
    return done('skipped', `it holds the test of another incident (${JSON.stringify(mark.incidentId)})`)
  }
  // Generated again at the time the file says it was generated: unchanged means the same bytes.
  const again = file.content(mark.generatedAt ?? now)
  if (sameText(existing, again)) return done('unchanged', 'up to date')
  if (!mark.intact && !options.overwriteEdited) {
    // Its hash is that of what Netmortem wrote: the same as now, and only the user changed it.
    const news =
      readMark(again).hash === mark.hash
        ? 'there is nothing new to export into it'
        : 'a newer version is there to export: use --overwrite-edited to replace your edits'
    return done('skipped', `edited since it was exported (it no longer matches its netmortem-hash); ${news}`)
  }
  await writeAtomically(path, file.content(now))
  return done(
    'updated',
    mark.intact ? 'the incident or Netmortem changed it' : 'replaced your edits (--overwrite-edited)'
  )
}

/**
 * Writes a temporary file beside the target and renames it over: a crash never leaves half a
 * test, and a link put in the target's place is replaced, never followed.
 */
async function writeAtomically(path: string, content: string): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(tmp, content, { encoding: 'utf8', flag: 'wx' })
    await rename(tmp, path)
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined)
    throw new NetmortemError('IO_ERROR', `Cannot write ${path}: ${describeFsError(err)}.`)
  }
}
