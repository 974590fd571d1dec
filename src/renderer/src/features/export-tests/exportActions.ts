import type { ExportAction, PlannedFile } from '../../../../shared/testgen'

/** How the workbench names what an export does with a file: before (preview) and after (result). */
export const ACTIONS: Record<ExportAction, { will: string; did: string; color: string }> = {
  create: { will: 'New', did: 'Created', color: 'teal' },
  update: { will: 'Update', did: 'Updated', color: 'blue' },
  'overwrite-edited': { will: 'Overwrite your edits', did: 'Edits overwritten', color: 'orange' },
  unchanged: { will: 'Unchanged', did: 'Unchanged', color: 'gray' },
  'skip-edited': { will: 'Edited by you → skip', did: 'Skipped: edited by you', color: 'yellow' },
  'skip-not-ours': { will: 'Not Netmortem’s → skip', did: 'Skipped: not Netmortem’s', color: 'red' },
  'skip-blocked': { will: 'In the way → skip', did: 'Skipped: in the way', color: 'red' }
}

export const writes = (action: ExportAction): boolean =>
  action === 'create' || action === 'update' || action === 'overwrite-edited'

export const skips = (action: ExportAction): boolean => action.startsWith('skip-')

export interface PlanCounts {
  /** Files that will be (or were) written: new, updated, edits overwritten. */
  write: number
  create: number
  update: number
  overwrite: number
  unchanged: number
  skip: number
  /** Files skipped because the user edited them (or, overwriting, whose edits are replaced). */
  edited: number
}

export function countPlan(files: readonly PlannedFile[]): PlanCounts {
  const count = (test: (a: ExportAction) => boolean) => files.filter((f) => test(f.action)).length
  return {
    write: count(writes),
    create: count((a) => a === 'create'),
    update: count((a) => a === 'update'),
    overwrite: count((a) => a === 'overwrite-edited'),
    unchanged: count((a) => a === 'unchanged'),
    skip: count(skips),
    edited: count((a) => a === 'skip-edited' || a === 'overwrite-edited')
  }
}
