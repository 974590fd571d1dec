import { z } from 'zod'
import {
  IncidentId,
  IncidentPatchSchema,
  SEVERITIES,
  STATUSES,
  isoDateString,
  type Incident,
  type IncidentSummary
} from './incident'
import type { Result } from './result'
import type { OperationName } from './channels'
import type { PreflightResult } from './networkModel'
import { SearchQuerySchema, type SearchResponse } from './search'
import { TrendsInputSchema, type Analysis, type RcaReport, type Trends } from './analysis'
import type { ExportTestsPreview, ExportTestsResult, GeneratedTest } from './testgen'
import {
  LearnInputSchema,
  LearnRecentInputSchema,
  type Learning,
  type PolicyExport,
  type PromptGuidance,
  type RecentLearning
} from './learning'

/**
 * The one API contract of Netmortem. Every operation the workbench can call is declared
 * here with the zod schema of its input (checked at every boundary: IPC, HTTP bridge) and
 * the type of its output. Main registers handlers against it, the preload exposes one
 * function per operation, and the renderer calls them through the same types.
 *
 * The operations' names and the IPC channels live in channels.ts (no zod: the preload imports
 * only that module); they are re-exported here.
 */
export {
  BACKUP_CHANNELS,
  BRIDGE_TESTS_EXPORT,
  OPERATION_NAMES,
  TESTS_EXPORT_CHANNELS,
  channelOf,
  type OperationName
} from './channels'

export const SORT_FIELDS = ['timestamp', 'severity', 'category', 'id', 'status'] as const

export const ListQuerySchema = z
  .object({
    category: z.string().min(1).optional(),
    severity: z.enum(SEVERITIES).optional(),
    status: z.enum(STATUSES).optional(),
    since: isoDateString.optional(),
    until: isoDateString.optional(),
    device: z.string().min(1).optional(),
    limit: z.number().int().min(1).max(1_000_000).optional(),
    offset: z.number().int().min(0).optional(),
    sort: z.enum(SORT_FIELDS).optional(),
    direction: z.enum(['asc', 'desc']).optional()
  })
  .strict()
export type ListQuery = z.infer<typeof ListQuerySchema>

export const CaptureInputSchema = z
  .object({
    description: z.string().trim().min(1, 'a description is required'),
    severity: z.enum(SEVERITIES).optional(),
    category: z.string().min(1).optional(),
    affected_devices: z.array(z.string().trim().min(1)).optional(),
    validation_errors: z.array(z.record(z.string(), z.unknown())).optional(),
    config_changes: z.array(z.unknown()).optional(),
    network_model: z.record(z.string(), z.unknown()).nullable().optional(),
    tags: z.array(z.string()).optional(),
    timestamp: isoDateString.optional()
  })
  .strict()
export type CaptureInput = z.infer<typeof CaptureInputSchema>

/** A network model to check before deployment; `capture: false` validates without recording. */
export const PreflightInputSchema = z
  .object({
    model: z.record(z.string(), z.unknown()),
    capture: z.boolean().optional()
  })
  .strict()

export const ResolveInputSchema = z
  .object({
    id: IncidentId,
    root_cause: z.string().trim().min(1, 'a root cause is required'),
    resolution: z.string().nullable().optional()
  })
  .strict()

export interface IncidentPage {
  total: number
  items: IncidentSummary[]
}

export interface Facets {
  total: number
  categories: { value: string; count: number }[]
  severities: { value: string; count: number }[]
  devices: { value: string; count: number }[]
  open: number
  resolved: number
}

export interface AppInfo {
  version: string
  dbPath: string
  schemaVersion: number
  incidentCount: number
}

export const CONFLICT_POLICIES = ['skip', 'overwrite', 'newer'] as const
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number]

export const EXPORT_SHAPES = ['wrapped', 'array', 'keyed'] as const
export type ExportShape = (typeof EXPORT_SHAPES)[number]

/** One thing wrong with one record of an import: where, which field, and why. */
export interface RecordProblem {
  index?: number
  id?: string
  field: string
  reason: string
}

export interface ImportReport {
  shape?: 'array' | 'wrapped' | 'keyed'
  added: number
  updated: number
  skipped: number
  failed: number
  errors: RecordProblem[]
  /** Problems beyond those listed in `errors`. */
  more_errors?: number
}

export interface ExportResult {
  exported: number
  path: string
}

/**
 * Backups in the desktop app: main shows the native open/save dialog and reads or writes
 * the file itself, so the renderer never names a path. `null` means the user cancelled.
 */
export interface DesktopBackupApi {
  importBackup: (onConflict: ConflictPolicy) => Promise<Result<ImportReport | null>>
  exportBackup: () => Promise<Result<ExportResult | null>>
}

/** What the preload puts on window.netmortem. */
export type PreloadApi = NetmortemApi & { backup: DesktopBackupApi; testsExport: DesktopTestsExportApi }

/**
 * Exporting regression tests into a folder (docs/regression-tests.md). The renderer says which
 * incidents' tests, and whether files the user edited may be replaced; no id means every
 * incident a test fits.
 */
export const TestsExportChoiceSchema = z
  .object({
    ids: z.array(IncidentId).min(1).max(100_000).optional(),
    overwriteEdited: z.boolean().optional()
  })
  .strict()
export type TestsExportChoice = z.infer<typeof TestsExportChoiceSchema>

/**
 * The desktop app's folder: main shows the folder dialog and keeps the chosen folder; the
 * renderer holds only this opaque handle to it, never a path.
 */
export const FolderHandle = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'must be a folder handle from main')

export const TestsExportTargetSchema = TestsExportChoiceSchema.extend({ folder: FolderHandle }).strict()
export type TestsExportTarget = z.infer<typeof TestsExportTargetSchema>

/**
 * The browser workbench's folder: the user types its absolute path (the bridge serves only
 * 127.0.0.1, with the per-run secret, so the user is on the machine the path names).
 */
export const BridgeTestsExportSchema = TestsExportChoiceSchema.extend({
  dir: z
    .string()
    .max(4096, 'must be at most 4096 characters')
    .refine((dir) => !dir.includes('\0'), { message: 'must not hold a NUL character' })
}).strict()
export type BridgeTestsExport = z.infer<typeof BridgeTestsExportSchema>

/** A chosen export folder and what exporting into it would do. */
export interface TestsFolderChoice {
  /** What names the folder in later calls: main's handle (desktop) or the typed path (browser). */
  folder: string
  /** The preview; `preview.dir` is the folder's absolute path, for display. */
  preview: ExportTestsPreview
}

/** Desktop test export: `null` from chooseFolder means the user cancelled the dialog. */
export interface DesktopTestsExportApi {
  chooseFolder: (choice: TestsExportChoice) => Promise<Result<TestsFolderChoice | null>>
  preview: (target: TestsExportTarget) => Promise<Result<ExportTestsPreview>>
  export: (target: TestsExportTarget) => Promise<Result<ExportTestsResult>>
}

export interface DeleteResult {
  id: string
  deleted: true
}

const byId = z.object({ id: IncidentId }).strict()

export const SimilarInputSchema = z
  .object({ id: IncidentId, limit: z.number().int().min(1).max(100).optional() })
  .strict()

/** The embedding model in use and how far the stored incidents are embedded with it. */
export interface ModelStatus {
  id: string
  dimension: number
  /** 'default' for the embedded model, else the ONNX folder in use. */
  source: string
  embedded: number
  total: number
}
const none = z.object({}).strict()

/** Declares an operation: its input schema, and its output type (types only). */
function op<I extends z.ZodType, O>(input: I): { input: I; output?: O } {
  return { input }
}

/** Every operation, under the names of OPERATION_NAMES (channels.ts) and in their order. */
export const operations = {
  'app.info': op<typeof none, AppInfo>(none),
  'incidents.list': op<typeof ListQuerySchema, IncidentPage>(ListQuerySchema),
  'incidents.facets': op<typeof none, Facets>(none),
  'incidents.get': op<typeof byId, Incident>(byId),
  'incidents.capture': op<typeof CaptureInputSchema, Incident>(CaptureInputSchema),
  'incidents.update': op<z.ZodType<{ id: string; patch: z.input<typeof IncidentPatchSchema> }>, Incident>(
    z.object({ id: IncidentId, patch: IncidentPatchSchema }).strict()
  ),
  'incidents.resolve': op<typeof ResolveInputSchema, Incident>(ResolveInputSchema),
  'incidents.delete': op<typeof byId, DeleteResult>(byId),
  'preflight.run': op<typeof PreflightInputSchema, PreflightResult>(PreflightInputSchema),
  'search.query': op<typeof SearchQuerySchema, SearchResponse>(SearchQuerySchema),
  'search.similar': op<typeof SimilarInputSchema, SearchResponse>(SimilarInputSchema),
  'model.status': op<typeof none, ModelStatus>(none),
  'analysis.analyze': op<typeof byId, Analysis>(byId),
  'analysis.report': op<typeof none, RcaReport>(none),
  'analysis.trends': op<typeof TrendsInputSchema, Trends>(TrendsInputSchema),
  'tests.generate': op<typeof byId, GeneratedTest>(byId),
  'learning.learn': op<typeof LearnInputSchema, Learning>(LearnInputSchema),
  'learning.recent': op<typeof LearnRecentInputSchema, RecentLearning>(LearnRecentInputSchema),
  'learning.policy': op<typeof none, PolicyExport>(none),
  'learning.guidance': op<typeof none, PromptGuidance>(none)
} as const satisfies { [K in OperationName]: { input: z.ZodType } }

export type Operations = typeof operations

export type InputOf<K extends OperationName> = z.input<Operations[K]['input']>
export type ParsedInputOf<K extends OperationName> = z.output<Operations[K]['input']>
export type OutputOf<K extends OperationName> = NonNullable<Operations[K]['output']>

/** What the renderer sees: one async function per operation, each returning a Result. */
export type NetmortemApi = {
  [K in OperationName]: (input: InputOf<K>) => Promise<Result<OutputOf<K>>>
}

/** What main implements: one handler per operation, given a validated input. */
export type Handlers = {
  [K in OperationName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>
}
