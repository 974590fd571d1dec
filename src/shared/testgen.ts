/**
 * Regression tests generated from incidents (docs/regression-tests.md): the test of one
 * incident, and what exporting tests into an engineer's checkout did. Types only.
 */

/** `pytest` checks a network model file; `pyats` is an aetest script run against the live network. */
export type TestKind = 'pytest' | 'pyats'

export interface GeneratedTest {
  incident_id: string
  kind: TestKind
  /** The file name it is exported under, in tests/regression: `test_<safe id>.py`. */
  filename: string
  /** The whole Python file. */
  code: string
  /**
   * What it checks: the finding codes of a pytest model check (one test function each), or the
   * live checks of a pyATS script (`bgp`, `ospf`, `interfaces`, `routes`); empty for a skeleton.
   */
  checks: string[]
  /** True when no automatic check fits the incident: a pytest file that fails until an engineer writes the check. */
  skeleton: boolean
  /** Why this kind of test was chosen, in one sentence. */
  reason: string
  /** Files it needs beside it in tests/regression (the shared helper module). */
  needs: string[]
}

/** The files an export manages besides the tests themselves. */
export type ExportedFileKind = TestKind | 'helper' | 'conftest'

export type ExportedFileStatus = 'created' | 'updated' | 'unchanged' | 'skipped'

/**
 * What an export decides for one file, and what a preview says it would do:
 * - `create`: there is no file of that name yet;
 * - `update`: Netmortem wrote it, nobody edited it since, and its incident (or Netmortem) changed it;
 * - `overwrite-edited`: it was edited since it was exported, and overwriting edits was asked for;
 * - `unchanged`: it already says what would be written: nothing is written;
 * - `skip-edited`: it was edited since it was exported: left alone unless overwriting edits;
 * - `skip-not-ours`: Netmortem did not write it (no netmortem-hash line): never replaced;
 * - `skip-blocked`: something else holds its name (a link, a folder, another incident's test, a
 *   file that cannot be read): never replaced.
 */
export type ExportAction =
  'create' | 'update' | 'overwrite-edited' | 'unchanged' | 'skip-edited' | 'skip-not-ours' | 'skip-blocked'

/** One file an export manages, as planned: what will be done with it and why. */
export interface PlannedFile {
  /** Absolute path. */
  path: string
  /** Path below the export folder, with forward slashes: `tests/regression/test_x.py`. */
  relative: string
  /** The incident it was generated from; null for the shared helper and conftest.py. */
  incident_id: string | null
  kind: ExportedFileKind
  action: ExportAction
  /** Why it is written, left alone or skipped. */
  reason: string
}

/** One file of a finished export: what was planned for it, and what came of it. */
export interface ExportedFile extends PlannedFile {
  status: ExportedFileStatus
}

export interface ExportTestsOptions {
  /** Replace files the user edited since they were exported (never files Netmortem did not write). */
  overwriteEdited?: boolean
  /**
   * Make the export folder when it does not exist but its parent folder does (the browser
   * workbench, where the path is typed). Without it a missing folder is an error, as in the CLI.
   */
  makeFolder?: boolean
}

/** What an export would do, file by file, computed by the export's own planning; nothing is written. */
export interface ExportTestsPreview {
  /** The export folder, absolute. */
  dir: string
  /** False when the folder does not exist yet: the export makes it (only with `makeFolder`). */
  exists: boolean
  /** The incidents that would be exported: the ids asked for, or every incident a test fits. */
  selected: string[]
  files: PlannedFile[]
  git: {
    /** Whether the folder (or, when it does not exist yet, its parent) is inside a git work tree. */
    work_tree: boolean
  }
}

export interface ExportTestsResult {
  /** The export folder, absolute. */
  dir: string
  /** The incidents exported: the ids asked for, or every incident a test fits. */
  selected: string[]
  /** Files created or replaced (absolute paths). */
  written: string[]
  /** Files already up to date: nothing was written. */
  unchanged: string[]
  skipped: { path: string; reason: string }[]
  files: ExportedFile[]
  git: {
    /** Whether the folder is inside a git work tree (false when git is not installed). */
    work_tree: boolean
    /** Exported files git sees as untracked or added (absolute paths). */
    new: string[]
    /** Exported files git sees as modified against the index or HEAD (absolute paths). */
    changed: string[]
    /** Exported files git ignores: they will not be committed. */
    ignored: string[]
  }
}
