import { randomBytes } from 'node:crypto'
import { lstat, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { Incident } from '../../../shared/incident'
import type {
  ExportAction,
  ExportTestsOptions,
  ExportTestsPreview,
  ExportTestsResult,
  ExportedFileKind,
  ExportedFileStatus,
  PlannedFile
} from '../../../shared/testgen'
import { NetmortemError, invalidInput } from '../errors'
import { describeFsError } from '../fsErrors'
import { CONFTEST_FILENAME, conftestFile } from './conftest'
import { generateTest, wantsTest } from './generate'
import { readMark, sameText } from './header'
import { HELPER_FILENAME, helperFile } from './netmortemChecks'
import { SAFE_TEST_NAME, testFileNames } from './safeName'
import { gitStatus, inWorkTree } from './gitStatus'

/** What exporting needs of the service. */
export interface ExportDeps {
  getIncident: (id: string) => Incident
  listFullIncidents: () => Incident[]
  now: () => Date
}

/** One file an export manages: its name in tests/regression and how to make its content. */
interface Candidate {
  name: string
  kind: ExportedFileKind
  incidentId: string | null
  /** The content, generated at this time (files without a generation time ignore it). */
  content: (generatedAt: string) => string
}

const RELATIVE_FOLDER = 'tests/regression'

/** One file's decision: the planned entry, and the content to write when it is written. */
interface Decision {
  file: PlannedFile
  /** Set for `create`, `update` and `overwrite-edited`: what is written. */
  content?: string
}

/** Everything an export does, decided before anything is written. */
interface ExportPlan {
  /** The export folder, absolute. */
  root: string
  /** False when it does not exist yet (only with `makeFolder`). */
  exists: boolean
  selected: string[]
  decisions: Decision[]
}

const STATUS_OF: Record<ExportAction, ExportedFileStatus> = {
  create: 'created',
  update: 'updated',
  'overwrite-edited': 'updated',
  unchanged: 'unchanged',
  'skip-edited': 'skipped',
  'skip-not-ours': 'skipped',
  'skip-blocked': 'skipped'
}

/**
 * Writes the regression tests of incidents into a checkout (docs/regression-tests.md):
 * DIR/tests/regression/test_<safe id>.py for each, with the shared netmortem_checks.py and
 * conftest.py they need. A file is written only when its content changes; one the user edited
 * since it was exported (its netmortem-hash no longer matches) is skipped unless
 * `overwriteEdited`, and one Netmortem did not write is never replaced. Every name is made by
 * testFileName and checked to stay in DIR/tests/regression. It carries out the plan that
 * previewExportTests shows.
 */
export async function exportTests(
  deps: ExportDeps,
  dir: string,
  ids?: readonly string[],
  options: ExportTestsOptions = {}
): Promise<ExportTestsResult> {
  const plan = await planExport(deps, dir, ids, options)
  const result: ExportTestsResult = {
    dir: plan.root,
    selected: plan.selected,
    written: [],
    unchanged: [],
    skipped: [],
    files: [],
    git: { work_tree: false, new: [], changed: [], ignored: [] }
  }
  if (plan.decisions.length > 0) {
    if (!plan.exists) await makeExportFolder(plan.root)
    // The same checks as planning, now making what is missing.
    await regressionDir(plan.root, true)
  }
  for (const { file, content } of plan.decisions) {
    if (content !== undefined) await writeAtomically(file.path, content)
    result.files.push({ ...file, status: STATUS_OF[file.action] })
  }
  for (const f of result.files) {
    if (f.status === 'created' || f.status === 'updated') result.written.push(f.path)
    else if (f.status === 'unchanged') result.unchanged.push(f.path)
    else result.skipped.push({ path: f.path, reason: f.reason })
  }
  result.git = await gitStatus(
    plan.root,
    RELATIVE_FOLDER,
    result.files.map((f) => f.path)
  )
  return result
}

/**
 * What exportTests would do with the same arguments, file by file, without writing anything:
 * the same planning, stopped before the folders are made and the files written.
 */
export async function previewExportTests(
  deps: ExportDeps,
  dir: string,
  ids?: readonly string[],
  options: ExportTestsOptions = {}
): Promise<ExportTestsPreview> {
  const plan = await planExport(deps, dir, ids, options)
  return {
    dir: plan.root,
    exists: plan.exists,
    selected: plan.selected,
    files: plan.decisions.map((d) => d.file),
    git: { work_tree: await inWorkTree(plan.exists ? plan.root : dirname(plan.root)) }
  }
}

/** Checks the folder, generates every file, and decides what to do with each; writes nothing. */
async function planExport(
  deps: ExportDeps,
  dir: string,
  ids: readonly string[] | undefined,
  options: ExportTestsOptions
): Promise<ExportPlan> {
  const { root, exists } = await exportRoot(dir, options.makeFolder === true)
  const incidents = ids?.length
    ? [...new Set(ids)].map((id) => deps.getIncident(id))
    : deps.listFullIncidents().filter(wantsTest)
  const plan: ExportPlan = { root, exists, selected: incidents.map((i) => i.id), decisions: [] }
  if (incidents.length === 0) return plan
  const folder = await regressionDir(root, false)
  const now = deps.now().toISOString()
  for (const file of candidates(incidents, now)) {
    plan.decisions.push(await decide(folder, root, file, now, options))
  }
  return plan
}

/**
 * The export folder, absolute: it must be a folder. With `makeFolder` it may also be missing
 * when its parent is a folder (the export then makes it); `exists` says which.
 */
async function exportRoot(dir: string, makeFolder: boolean): Promise<{ root: string; exists: boolean }> {
  if (!dir.trim()) throw invalidInput('Name the folder to export tests to.')
  const root = resolve(dir)
  let info
  try {
    info = await stat(root)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' && makeFolder) {
      const parent = dirname(root)
      const up = await stat(parent).catch(() => null)
      if (up?.isDirectory()) return { root, exists: false }
      throw invalidInput(
        `Cannot export tests to ${dir}: no such folder, and no folder ${parent} to make it in.`
      )
    }
    throw invalidInput(
      `Cannot export tests to ${dir}: ${code === 'ENOENT' ? 'no such folder' : describeFsError(err)}.`
    )
  }
  if (!info.isDirectory()) throw invalidInput(`Cannot export tests to ${dir}: it is not a folder.`)
  return { root, exists: true }
}

/** Makes the missing export folder (its parent exists: exportRoot checked). */
async function makeExportFolder(root: string): Promise<void> {
  try {
    await mkdir(root)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new NetmortemError('IO_ERROR', `Cannot make ${root}: ${describeFsError(err)}.`)
    }
  }
}

/**
 * DIR/tests/regression, checked a level at a time: a level that is a link must stay inside DIR,
 * so nothing is created or written outside it, even when `tests` is a link to elsewhere. With
 * `make`, missing levels are made; without it (planning), the first missing level ends the
 * checks, for nothing below it exists.
 */
async function regressionDir(root: string, make: boolean): Promise<string> {
  const whole = join(root, ...RELATIVE_FOLDER.split('/'))
  const realRoot = await realpath(root).catch(() => null)
  if (realRoot === null) {
    if (!make) return whole
    throw new NetmortemError('IO_ERROR', `Cannot export tests: ${root} has gone.`)
  }
  let folder = root
  for (const part of RELATIVE_FOLDER.split('/')) {
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
      if (!make) return whole
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
function candidates(incidents: Incident[], now: string): Candidate[] {
  const names = testFileNames(incidents.map((i) => i.id))
  const planned: Candidate[] = []
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

/** What to do with one file, from what is on disk under its name; reads, never writes. */
async function decide(
  folder: string,
  root: string,
  file: Candidate,
  now: string,
  options: ExportTestsOptions
): Promise<Decision> {
  if (file.kind !== 'helper' && file.kind !== 'conftest' && !SAFE_TEST_NAME.test(file.name)) {
    throw new Error(`unsafe test file name ${JSON.stringify(file.name)}`)
  }
  const path = join(folder, file.name)
  if (!within(folder, path) || relative(folder, path) !== file.name) {
    throw new Error(`test file ${JSON.stringify(file.name)} would leave ${folder}`)
  }
  const decision = (action: ExportAction, reason: string, content?: string): Decision => ({
    file: {
      path,
      relative: relative(root, path).split(sep).join('/'),
      incident_id: file.incidentId,
      kind: file.kind,
      action,
      reason
    },
    content
  })
  let existing: string | undefined
  try {
    const info = await lstat(path)
    if (info.isSymbolicLink())
      return decision('skip-blocked', 'it is a symbolic link: Netmortem writes only plain files')
    if (!info.isFile()) return decision('skip-blocked', 'something other than a file has its name')
    existing = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      return decision('skip-blocked', `cannot read it: ${describeFsError(err)}`)
    }
  }
  if (existing === undefined) return decision('create', 'new', file.content(now))
  const mark = readMark(existing)
  if (!mark.ours) {
    return decision(
      'skip-not-ours',
      'Netmortem did not write it (no netmortem-hash line): it is never replaced; move it away to export here'
    )
  }
  if (file.incidentId !== null && mark.incidentId !== undefined && mark.incidentId !== file.incidentId) {
    return decision(
      'skip-blocked',
      `it holds the test of another incident (${JSON.stringify(mark.incidentId)})`
    )
  }
  // Generated again at the time the file says it was generated: unchanged means the same bytes.
  const again = file.content(mark.generatedAt ?? now)
  if (sameText(existing, again)) return decision('unchanged', 'up to date')
  if (!mark.intact && !options.overwriteEdited) {
    // Its hash is that of what Netmortem wrote: the same as now, and only the user changed it.
    const news =
      readMark(again).hash === mark.hash
        ? 'there is nothing new to export into it'
        : 'a newer version is there to export: overwriting edited files replaces your edits'
    return decision(
      'skip-edited',
      `edited since it was exported (it no longer matches its netmortem-hash); ${news}`
    )
  }
  if (!mark.intact) {
    return decision(
      'overwrite-edited',
      'replaces your edits (overwriting edited files was asked for)',
      file.content(now)
    )
  }
  return decision('update', 'the incident or Netmortem changed it', file.content(now))
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
