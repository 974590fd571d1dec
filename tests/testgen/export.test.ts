import { execFileSync, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Incident } from '../../src/shared/incident'
import { NetmortemError } from '../../src/main/core/errors'
import { exportTests, previewExportTests, type ExportDeps } from '../../src/main/core/testgen/exportTests'
import { readMark } from '../../src/main/core/testgen/header'
import { SAFE_TEST_NAME, testFileName, testFileNames } from '../../src/main/core/testgen/safeName'
import { incident, tempDir } from './support'

const cleanups: (() => void)[] = []
afterAll(() => cleanups.forEach((c) => c()))

const finding = (code: string, devices: string[]) => ({
  code,
  severity: 'error',
  message: `${code} here`,
  devices
})

/** A store of incidents and a clock, as exportTests needs them of the service. */
function store(incidents: Incident[]): ExportDeps & { incidents: Map<string, Incident>; tick: () => void } {
  const map = new Map(incidents.map((i) => [i.id, i]))
  let now = Date.parse('2025-11-26T09:00:00.000Z')
  return {
    incidents: map,
    getIncident: (id) => {
      const found = map.get(id)
      if (!found) throw new NetmortemError('NOT_FOUND', `No incident with id "${id}".`)
      return found
    },
    listFullIncidents: () => [...map.values()],
    now: () => new Date(now),
    tick: () => (now += 3_600_000)
  }
}

const VLAN = incident({
  id: 'deploy-20251125-120000',
  description: 'Duplicate VLAN 100',
  validation_errors: [finding('VLAN_DUPLICATE_ID', ['leaf-01'])]
})
const ROUTING = incident({ id: 'inc-002', category: 'routing_issue', description: 'BGP down on leaf-01' })
const PLAIN = incident({ id: 'inc-003', category: 'config_error', description: 'Wrong banner' })

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name)
      if (entry.isDirectory()) walk(path)
      else out.push(relative(dir, path).split('\\').join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

const snapshot = (dir: string) =>
  Object.fromEntries(
    filesUnder(dir).map((f) => [
      f,
      { text: readFileSync(join(dir, f), 'utf8'), mtime: statSync(join(dir, f)).mtimeMs }
    ])
  )

describe('file names', () => {
  it('are safe whatever the id, and different for different ids', () => {
    const ids = [
      '../../etc/passwd',
      '..',
      '.',
      '/etc/passwd',
      'C:\\Windows\\system32',
      'a/b',
      'a\\b',
      'CON',
      'con',
      'NUL',
      'COM1',
      'aux.py',
      '-',
      '_',
      ' ',
      '\u0000',
      '\ud800',
      '\udc00',
      'é',
      'e\u0301',
      '事件-1',
      '😀',
      'x'.repeat(300),
      'deploy-20251125-120000',
      'Deploy-20251125-120000',
      'deploy_20251125_120000',
      'deploy--20251125',
      'a-b',
      'A-B',
      'test',
      'conftest',
      'netmortem_checks'
    ]
    const names = ids.map((id) => testFileName(id))
    for (const name of names) {
      expect(name).toMatch(SAFE_TEST_NAME)
      expect(name.length).toBeLessThanOrEqual(100)
      expect(name).not.toMatch(/\.\.|[/\\]/)
    }
    expect(new Set(names).size).toBe(ids.length)
    expect(testFileName('deploy-20251125-120000')).toBe('test_deploy_20251125_120000.py')
    expect(testFileName('../../etc/passwd')).toMatch(/^test_etc_passwd_[0-9a-f]{10}\.py$/)
    expect(testFileName('CON')).toMatch(/^test_con_[0-9a-f]{10}\.py$/)
    expect(testFileName('事件-1')).toMatch(/^test_1_[0-9a-f]{10}\.py$/)
  })

  it('get longer hashes when two ids of one export would share a name', () => {
    // A plain id spelling out another id's slug and hash: the one collision short hashes allow.
    const crafted = testFileName('A').slice('test_'.length, -'.py'.length).replace(/_/g, '-')
    expect(testFileName(crafted)).toBe(testFileName('A'))
    const names = testFileNames(['A', crafted, 'b'])
    expect(new Set(names.values()).size).toBe(3)
    expect(names.get('b')).toBe('test_b.py')
    for (const name of names.values()) expect(name).toMatch(SAFE_TEST_NAME)
  })
})

describe('exportTests', () => {
  it('writes tests/regression/test_<id>.py with the helper and conftest.py, and says what it wrote', async () => {
    const dir = tempDir('nm-export-', cleanups)
    const deps = store([VLAN, ROUTING, PLAIN])
    const result = await exportTests(deps, dir)
    // No ids: every incident a test fits (the config_error has neither findings nor a stored test).
    expect(result.selected).toEqual(['deploy-20251125-120000', 'inc-002'])
    expect(result.files.map((f) => [f.relative, f.kind, f.status, f.incident_id])).toEqual([
      ['tests/regression/test_deploy_20251125_120000.py', 'pytest', 'created', 'deploy-20251125-120000'],
      ['tests/regression/test_inc_002.py', 'pyats', 'created', 'inc-002'],
      ['tests/regression/conftest.py', 'conftest', 'created', null],
      ['tests/regression/netmortem_checks.py', 'helper', 'created', null]
    ])
    expect(result.written).toEqual(result.files.map((f) => join(dir, f.relative)))
    expect(result.unchanged).toEqual([])
    expect(result.skipped).toEqual([])
    expect(result.git.work_tree).toBe(false)
    expect(filesUnder(dir)).toEqual([
      'tests/regression/conftest.py',
      'tests/regression/netmortem_checks.py',
      'tests/regression/test_deploy_20251125_120000.py',
      'tests/regression/test_inc_002.py'
    ])
    // Explicit ids take any incident: one no check fits gets a skeleton that fails until written.
    const again = await exportTests(deps, dir, ['inc-003'])
    expect(again.files.map((f) => [f.relative, f.status])).toEqual([
      ['tests/regression/test_inc_003.py', 'created'],
      ['tests/regression/conftest.py', 'unchanged']
    ])
    expect(readFileSync(join(dir, 'tests/regression/test_inc_003.py'), 'utf8')).toContain('pytest.fail(')
  })

  it('keeps every hostile id inside tests/regression', async () => {
    const dir = tempDir('nm-export-hostile-', cleanups)
    const ids = [
      '../../etc/passwd',
      '../outside',
      'a/b',
      '/abs',
      'CON',
      '.',
      '..',
      '\u0000',
      '\ud800x',
      '事件',
      ' x '
    ]
    const deps = store(ids.map((id) => incident({ id, validation_errors: [finding('IP_DUPLICATE', [])] })))
    const result = await exportTests(deps, dir, ids)
    expect(result.skipped).toEqual([])
    const tests = filesUnder(dir).filter((f) => /test_/.test(f))
    expect(tests).toHaveLength(ids.length)
    for (const file of filesUnder(dir)) expect(file).toMatch(/^tests\/regression\/[a-z0-9_]+\.py$/)
    for (const f of result.files.filter((f) => f.incident_id !== null)) {
      expect(readMark(readFileSync(f.path, 'utf8')).incidentId).toBe(f.incident_id)
    }
  })

  it('changes nothing when exported again unchanged, and rewrites a test whose incident changed', async () => {
    const dir = tempDir('nm-export-again-', cleanups)
    const deps = store([VLAN, ROUTING])
    await exportTests(deps, dir)
    const before = snapshot(dir)
    deps.tick()
    const again = await exportTests(deps, dir)
    expect(again.written).toEqual([])
    expect(again.unchanged).toHaveLength(4)
    expect(snapshot(dir)).toEqual(before)

    deps.incidents.set(VLAN.id, { ...VLAN, description: 'Duplicate VLAN 100 on leaf-01 (again)' })
    const changed = await exportTests(deps, dir)
    expect(changed.written).toEqual([join(dir, 'tests/regression/test_deploy_20251125_120000.py')])
    const text = readFileSync(changed.written[0]!, 'utf8')
    expect(text).toContain('(again)')
    expect(readMark(text)).toMatchObject({ intact: true, generatedAt: '2025-11-26T10:00:00.000Z' })
  })

  it('never overwrites a file the user edited, unless told to; never one Netmortem did not write', async () => {
    const dir = tempDir('nm-export-edited-', cleanups)
    const deps = store([VLAN])
    await exportTests(deps, dir)
    const test = join(dir, 'tests/regression/test_deploy_20251125_120000.py')
    const conftest = join(dir, 'tests/regression/conftest.py')
    const edited = readFileSync(test, 'utf8').replace('INCIDENT)\n', 'INCIDENT)\n    assert True  # mine\n')
    writeFileSync(test, edited)
    writeFileSync(conftest, '# my own conftest\n')

    const same = await exportTests(deps, dir)
    expect(same.written).toEqual([])
    expect(same.skipped.map((s) => [s.path, s.reason.split(' (')[0]])).toEqual([
      [test, 'edited since it was exported'],
      [conftest, 'Netmortem did not write it']
    ])
    expect(same.skipped[0]!.reason).toMatch(/there is nothing new to export into it$/)

    deps.incidents.set(VLAN.id, { ...VLAN, description: 'changed' })
    const result = await exportTests(deps, dir)
    expect(result.written).toEqual([])
    expect(result.skipped[0]!.reason).toMatch(
      /a newer version is there to export: overwriting edited files replaces your edits$/
    )
    expect(readFileSync(test, 'utf8')).toBe(edited)

    const forced = await exportTests(deps, dir, undefined, { overwriteEdited: true })
    expect(forced.written).toEqual([test])
    expect(forced.skipped.map((s) => s.path)).toEqual([conftest])
    expect(readFileSync(test, 'utf8')).not.toContain('# mine')
    expect(readFileSync(conftest, 'utf8')).toBe('# my own conftest\n')
  })

  it('reads a file checked out with CRLF line ends as unchanged', async () => {
    const dir = tempDir('nm-export-crlf-', cleanups)
    const deps = store([VLAN])
    await exportTests(deps, dir)
    const test = join(dir, 'tests/regression/test_deploy_20251125_120000.py')
    writeFileSync(test, readFileSync(test, 'utf8').replace(/\n/g, '\r\n'))
    const result = await exportTests(deps, dir)
    expect(result.unchanged).toContain(test)
    expect(result.skipped).toEqual([])
  })

  it('skips a link or a file of another incident in its place, and refuses a tests/regression leading outside', async () => {
    const dir = tempDir('nm-export-links-', cleanups)
    const outside = tempDir('nm-export-outside-', cleanups)
    mkdirSync(join(dir, 'tests/regression'), { recursive: true })
    const target = join(outside, 'victim.py')
    writeFileSync(target, 'untouched\n')
    symlinkSync(target, join(dir, 'tests/regression/test_deploy_20251125_120000.py'))
    const result = await exportTests(store([VLAN]), dir)
    expect(result.skipped[0]!.reason).toMatch(/symbolic link/)
    expect(readFileSync(target, 'utf8')).toBe('untouched\n')

    // A test file of another incident under the name this one wants.
    const other = tempDir('nm-export-other-', cleanups)
    await exportTests(store([incident({ ...VLAN, id: 'inc-9' })]), other)
    const second = tempDir('nm-export-second-', cleanups)
    mkdirSync(join(second, 'tests/regression'), { recursive: true })
    writeFileSync(
      join(second, 'tests/regression/test_deploy_20251125_120000.py'),
      readFileSync(join(other, 'tests/regression/test_inc_9.py'))
    )
    const clash = await exportTests(store([VLAN]), second)
    expect(clash.skipped[0]!.reason).toBe('it holds the test of another incident ("inc-9")')

    const linked = tempDir('nm-export-linked-', cleanups)
    symlinkSync(outside, join(linked, 'tests'))
    await expect(exportTests(store([VLAN]), linked)).rejects.toThrow(/is a link leading outside/)
    expect(existsSync(join(outside, 'regression'))).toBe(false)
  })

  it('refuses a missing folder, a file, or an unknown id, before writing anything', async () => {
    const dir = tempDir('nm-export-errors-', cleanups)
    await expect(exportTests(store([VLAN]), join(dir, 'nope'))).rejects.toThrow(
      /^Cannot export tests to .*nope: no such folder\.$/
    )
    writeFileSync(join(dir, 'file'), '')
    await expect(exportTests(store([VLAN]), join(dir, 'file'))).rejects.toThrow(/it is not a folder/)
    await expect(exportTests(store([VLAN]), dir, [VLAN.id, 'missing'])).rejects.toThrow(
      'No incident with id "missing".'
    )
    expect(existsSync(join(dir, 'tests'))).toBe(false)
  })
})

const hasGit = spawnSync('git', ['--version']).status === 0

describe.skipIf(!hasGit)('exportTests in a git work tree', () => {
  const git = (dir: string, ...args: string[]) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      encoding: 'utf8'
    })

  it('says which exported files git sees as new, changed or ignored', async () => {
    const dir = tempDir('nm-export-git-', cleanups)
    git(dir, 'init', '-q')
    const deps = store([VLAN, ROUTING])
    const first = await exportTests(deps, dir)
    expect(first.git.work_tree).toBe(true)
    expect(first.git.new.sort()).toEqual([...first.written].sort())
    expect(first.git.changed).toEqual([])

    git(dir, 'add', '.')
    git(dir, 'commit', '-q', '-m', 'regression tests')
    const unchanged = await exportTests(deps, dir)
    expect(unchanged.git).toEqual({ work_tree: true, new: [], changed: [], ignored: [] })

    deps.incidents.set(ROUTING.id, { ...ROUTING, description: 'OSPF down on leaf-01' })
    deps.incidents.set('inc-004', incident({ id: 'inc-004', category: 'network_outage' }))
    const changed = await exportTests(deps, dir)
    expect(changed.git.changed).toEqual([join(dir, 'tests/regression/test_inc_002.py')])
    expect(changed.git.new).toEqual([join(dir, 'tests/regression/test_inc_004.py')])

    // A subfolder of the work tree, with tests/regression ignored.
    const sub = join(dir, 'sub')
    mkdirSync(sub)
    writeFileSync(join(dir, '.gitignore'), 'sub/tests/\n')
    const ignored = await exportTests(deps, sub, ['inc-004'])
    expect(ignored.git.work_tree).toBe(true)
    expect(ignored.git.new).toEqual([])
    expect(ignored.git.ignored.sort()).toEqual([...ignored.written].sort())
  })
})

describe('previewExportTests', () => {
  /** What a plan says of each file, without the outcome an export adds. */
  const planned = (files: { status?: string }[]) => files.map(({ status: _status, ...file }) => file)

  it('plans exactly what the export then does, and writes nothing', async () => {
    const dir = tempDir('nm-preview-', cleanups)
    const deps = store([VLAN, ROUTING, PLAIN])
    const ids = [VLAN.id, ROUTING.id, PLAIN.id]

    const preview = await previewExportTests(deps, dir, ids)
    // Not even a folder is made.
    expect(readdirSync(dir)).toEqual([])
    expect(preview).toMatchObject({ dir, exists: true, selected: ids, git: { work_tree: false } })
    expect(preview.files.map((f) => [f.relative, f.action, f.reason])).toEqual([
      ['tests/regression/test_deploy_20251125_120000.py', 'create', 'new'],
      ['tests/regression/test_inc_002.py', 'create', 'new'],
      ['tests/regression/test_inc_003.py', 'create', 'new'],
      ['tests/regression/conftest.py', 'create', 'new'],
      ['tests/regression/netmortem_checks.py', 'create', 'new']
    ])
    const result = await exportTests(deps, dir, ids)
    expect(planned(result.files)).toEqual(preview.files)
    expect(result.written).toEqual(preview.files.map((f) => f.path))

    // Every kind of decision at once: up to date, changed incident, edited, not ours, a link.
    const regression = join(dir, 'tests/regression')
    deps.tick()
    deps.incidents.set(ROUTING.id, { ...ROUTING, description: 'OSPF down on leaf-01' })
    const edited = join(regression, 'test_inc_003.py')
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}# my check goes here\n`)
    writeFileSync(join(regression, 'conftest.py'), '# my own conftest\n')
    const outside = tempDir('nm-preview-outside-', cleanups)
    writeFileSync(join(outside, 'victim.py'), 'untouched\n')
    const helper = join(regression, 'netmortem_checks.py')
    rmSync(helper)
    symlinkSync(join(outside, 'victim.py'), helper)

    const before = snapshot(dir)
    const again = await previewExportTests(deps, dir, ids)
    expect(snapshot(dir)).toEqual(before)
    expect(again.files.map((f) => [f.relative, f.action])).toEqual([
      ['tests/regression/test_deploy_20251125_120000.py', 'unchanged'],
      ['tests/regression/test_inc_002.py', 'update'],
      ['tests/regression/test_inc_003.py', 'skip-edited'],
      ['tests/regression/conftest.py', 'skip-not-ours'],
      ['tests/regression/netmortem_checks.py', 'skip-blocked']
    ])
    expect(again.files[2]!.reason).toMatch(/^edited since it was exported .*nothing new to export into it$/)

    const done = await exportTests(deps, dir, ids)
    expect(planned(done.files)).toEqual(again.files)
    expect(done.files.map((f) => f.status)).toEqual(['unchanged', 'updated', 'skipped', 'skipped', 'skipped'])
    expect(done.written).toEqual([join(regression, 'test_inc_002.py')])
    expect(readFileSync(edited, 'utf8')).toContain('# my check goes here')
    expect(readFileSync(join(outside, 'victim.py'), 'utf8')).toBe('untouched\n')
  })

  it('shows an edited file as replaced only when overwriting edits, as the export then does', async () => {
    const dir = tempDir('nm-preview-overwrite-', cleanups)
    const deps = store([VLAN])
    await exportTests(deps, dir)
    const test = join(dir, 'tests/regression/test_deploy_20251125_120000.py')
    writeFileSync(
      test,
      readFileSync(test, 'utf8').replace('INCIDENT)\n', 'INCIDENT)\n    assert True  # mine\n')
    )
    deps.incidents.set(VLAN.id, { ...VLAN, description: 'Duplicate VLAN 100, again' })

    const kept = await previewExportTests(deps, dir)
    expect(kept.files[0]).toMatchObject({ path: test, action: 'skip-edited' })
    expect(kept.files[0]!.reason).toMatch(/a newer version is there to export/)

    const before = snapshot(dir)
    const replaced = await previewExportTests(deps, dir, undefined, { overwriteEdited: true })
    expect(snapshot(dir)).toEqual(before)
    expect(replaced.files.map((f) => f.action)).toEqual(['overwrite-edited', 'unchanged', 'unchanged'])

    const done = await exportTests(deps, dir, undefined, { overwriteEdited: true })
    expect(planned(done.files)).toEqual(replaced.files)
    expect(done.written).toEqual([test])
    expect(readFileSync(test, 'utf8')).not.toContain('# mine')
    expect(readFileSync(test, 'utf8')).toContain('Duplicate VLAN 100, again')
  })

  it('keeps every planned path inside tests/regression, and refuses a way out as the export does', async () => {
    const dir = tempDir('nm-preview-hostile-', cleanups)
    const ids = ['../../etc/passwd', '../outside', 'a/b', '/abs', 'CON', '..', '\u0000', '事件']
    const deps = store(ids.map((id) => incident({ id, validation_errors: [finding('IP_DUPLICATE', [])] })))
    const preview = await previewExportTests(deps, dir, ids)
    expect(preview.files).toHaveLength(ids.length + 2)
    for (const f of preview.files) {
      expect(f.relative).toMatch(/^tests\/regression\/[a-z0-9_]+\.py$/)
      expect(f.path).toBe(join(dir, f.relative))
      expect(f.action).toBe('create')
    }
    expect(readdirSync(dir)).toEqual([])

    const linked = tempDir('nm-preview-linked-', cleanups)
    const outside = tempDir('nm-preview-away-', cleanups)
    symlinkSync(outside, join(linked, 'tests'))
    await expect(previewExportTests(store([VLAN]), linked)).rejects.toThrow(/is a link leading outside/)
    expect(readdirSync(outside)).toEqual([])
  })

  it('plans a missing folder only when asked to make it, and only one level deep', async () => {
    const parent = tempDir('nm-preview-make-', cleanups)
    const target = join(parent, 'checkout')
    await expect(previewExportTests(store([VLAN]), target)).rejects.toThrow(
      /^Cannot export tests to .*checkout: no such folder\.$/
    )

    const preview = await previewExportTests(store([VLAN]), target, undefined, { makeFolder: true })
    expect(preview).toMatchObject({ dir: target, exists: false })
    expect(preview.files.map((f) => f.action)).toEqual(['create', 'create', 'create'])
    expect(existsSync(target)).toBe(false)

    const result = await exportTests(store([VLAN]), target, undefined, { makeFolder: true })
    expect(planned(result.files)).toEqual(preview.files)
    expect(filesUnder(target)).toHaveLength(3)

    await expect(
      previewExportTests(store([VLAN]), join(parent, 'a', 'b'), undefined, { makeFolder: true })
    ).rejects.toThrow(/^Cannot export tests to .*b: no such folder, and no folder .*a to make it in\.$/)
    writeFileSync(join(parent, 'file'), '')
    await expect(
      previewExportTests(store([VLAN]), join(parent, 'file'), undefined, { makeFolder: true })
    ).rejects.toThrow(/it is not a folder\.$/)
    expect(readdirSync(parent).sort()).toEqual(['checkout', 'file'])
  })

  it.skipIf(!hasGit)('says whether the folder is in a git work tree', async () => {
    const dir = tempDir('nm-preview-git-', cleanups)
    execFileSync('git', ['-C', dir, 'init', '-q'])
    const preview = await previewExportTests(store([VLAN]), dir)
    expect(preview.git).toEqual({ work_tree: true })
    const made = await previewExportTests(store([VLAN]), join(dir, 'new'), undefined, { makeFolder: true })
    expect(made.git).toEqual({ work_tree: true })
  })
})
