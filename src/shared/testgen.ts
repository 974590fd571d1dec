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

export interface ExportedFile {
  /** Absolute path. */
  path: string
  /** Path below the export folder, with forward slashes: `tests/regression/test_x.py`. */
  relative: string
  /** The incident it was generated from; null for the shared helper and conftest.py. */
  incident_id: string | null
  kind: ExportedFileKind
  status: ExportedFileStatus
  /** Why it was written, left alone or skipped. */
  reason: string
}

export interface ExportTestsOptions {
  /** Replace files the user edited since they were exported (never files Netmortem did not write). */
  overwriteEdited?: boolean
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
