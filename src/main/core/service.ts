import { access } from 'node:fs/promises'
import type { Database } from 'better-sqlite3'
import {
  DEFAULT_CATEGORY,
  INCIDENT_FIELDS,
  IncidentPatchSchema,
  type Incident,
  type IncidentPatch
} from '../../shared/incident'
import type {
  AppInfo,
  CaptureInput,
  ConflictPolicy,
  ExportResult,
  ExportShape,
  Facets,
  ImportReport,
  IncidentPage,
  ListQuery,
  ModelStatus
} from '../../shared/api'
import { NetmortemError, invalidInput, notFound } from './errors'
import { openDatabase, schemaVersion, type OpenOptions } from './db/open'
import { IncidentStore } from './store/incidentStore'
import { canonical, checkIncident, problemsOf } from './incidents/record'
import { captureId } from './incidents/captureId'
import { importIncidents } from './io/importIncidents'
import { exportIncidents } from './io/exportIncidents'
import { describeFsError } from './fsErrors'
import { preflight, type PreflightOptions } from './preflight/preflight'
import type { PreflightResult } from '../../shared/networkModel'
import type { SearchResponse } from '../../shared/search'
import type { Embedder, ModelSpec } from './embeddings/embedder'
import { DEFAULT_MODEL, loadEmbedder } from './embeddings/loadEmbedder'
import { builtWorkerScript, startWorkerEmbedder } from './embeddings/workerEmbedder'
import { incidentText } from './search/incidentText'
import { SearchEngine, type SearchOptions } from './search/searchEngine'
import { inDictionary } from './search/dictionary'
import { isoToMs } from '../../shared/incident'
import type { Analysis, AnalysisDraft, RcaReport, TrendBucket, Trends } from '../../shared/analysis'
import { analyzeIncident, draftIncident, type AnalysisDeps, type AnalysisSettings } from './analysis/analyze'
import { rcaReport } from './analysis/report'
import { trendsOf, windowOf } from './analysis/trends'
import type {
  ExportTestsOptions,
  ExportTestsPreview,
  ExportTestsResult,
  GeneratedTest
} from '../../shared/testgen'
import { generateTest } from './testgen/generate'
import { exportTests, previewExportTests, type ExportDeps } from './testgen/exportTests'
import type {
  Learning,
  PolicyExport,
  PolicyRule,
  PromptGuidance,
  RecentLearning
} from '../../shared/learning'
import { learnFromIncident, learnFromRecent, type LearnDeps } from './learning/learn'
import { policyModule, policyRules } from './learning/policy'
import { promptGuidance } from './learning/guidance'

export interface ServiceOptions extends OpenOptions {
  dbPath: string
  version?: string
  /** The clock; tests fix it. */
  now?: () => Date
  /**
   * Run the embedding model in a worker thread (the desktop app and the browser bridge, so
   * their event loop never waits on the model). Needs the built worker (out/main/embedWorker.js).
   */
  embedInWorker?: boolean
  /** Where warnings go (a model that cannot be loaded, say); default: standard error. */
  warn?: (message: string) => void
  /**
   * Keep search structures in memory (default: yes): a large store's keyword index, a small
   * store's vectors. One-shot commands say no: they ask FTS5 and sqlite-vec directly, which give
   * the same results without loading anything whole.
   */
  searchInMemory?: boolean
}

/** Progress of (re-)embedding the stored incidents with the active model. */
export interface EmbeddingProgress {
  done: number
  total: number
}

/**
 * The Netmortem service: the one facade over all logic. The IPC layer, the HTTP bridge,
 * the CLI and the tests all call it; it never imports electron.
 */
export class NetmortemService {
  readonly db: Database
  readonly store: IncidentStore
  private readonly now: () => Date
  private readonly engine: SearchEngine
  private embedderLoad?: Promise<Embedder>
  /** Whether every stored incident is known to have a vector of the active model. */
  private vectorsComplete = false

  constructor(private readonly options: ServiceOptions) {
    this.db = openDatabase(options.dbPath, options)
    this.store = new IncidentStore(this.db, { vectorsInMemory: options.searchInMemory ?? true })
    this.now = options.now ?? (() => new Date())
    this.engine = new SearchEngine({
      store: this.store,
      keywords: this.store.keywords,
      vectors: this.store.vectors,
      embedder: () => this.embedder(),
      inDictionary,
      keywordsInMemory: options.searchInMemory ?? true,
      warn: (m) => this.warn(m)
    })
  }

  async close(): Promise<void> {
    const load = this.embedderLoad
    this.embedderLoad = undefined
    if (load) await load.then((e) => e.close?.()).catch(() => undefined)
    if (this.db.open) this.db.close()
  }

  info(): AppInfo {
    return {
      version: this.options.version ?? '0.0.0',
      dbPath: this.options.dbPath,
      schemaVersion: schemaVersion(this.db),
      incidentCount: this.store.count()
    }
  }

  listIncidents(query: ListQuery = {}): IncidentPage {
    return this.store.list(query)
  }

  /** Full records, newest first: what `netmortem list --json` prints. */
  listFullIncidents(query: ListQuery = {}): Incident[] {
    return this.store.listFull(query)
  }

  facets(): Facets {
    return this.store.facets()
  }

  getIncident(id: string): Incident {
    const incident = this.store.get(id)
    if (!incident) throw notFound(id)
    return incident
  }

  /** Adds a complete record (as in a backup); its id must be free. */
  async addIncident(raw: unknown): Promise<Incident> {
    const checked = checkIncident(raw)
    if (!checked.ok) {
      const first = checked.problems[0]!
      throw invalidInput(`Invalid incident: ${first.field} ${first.reason}.`, checked.problems)
    }
    const incident = checked.incident
    const vector = await this.vectorOf(incident)
    return this.store.transaction(() => {
      if (this.store.exists(incident.id)) {
        throw new NetmortemError('CONFLICT', `An incident with id "${incident.id}" already exists.`)
      }
      this.store.insert(incident, vector)
      return incident
    })
  }

  /** Records a deployment failure seen now, as the original capture_deployment_failure did. */
  async capture(input: CaptureInput): Promise<Incident> {
    const store = await this.prepareCapture(input)
    return this.store.transaction(store)
  }

  /**
   * Everything a capture needs that cannot happen inside a write transaction (its vector);
   * the function returned stores it, and must run inside one.
   */
  private async prepareCapture(input: CaptureInput): Promise<() => Incident> {
    const at = input.timestamp ? new Date(isoToMs(input.timestamp)) : this.now()
    const draft = this.draftOf(input, at)
    const vector = await this.vectorOf(draft)
    return () => {
      const incident = { ...draft, id: captureId(at, (id) => this.store.exists(id)) }
      this.store.insert(incident, vector)
      return incident
    }
  }

  private draftOf(input: CaptureInput, at: Date): Incident {
    return {
      id: '',
      timestamp: input.timestamp ?? at.toISOString(),
      severity: input.severity ?? 'high',
      category: input.category ?? 'deployment_failure',
      description: input.description.trim(),
      affected_devices: [...new Set(input.affected_devices ?? [])],
      network_model: input.network_model ?? null,
      validation_errors: input.validation_errors ?? [],
      config_changes: input.config_changes ?? [],
      root_cause: null,
      resolution: null,
      resolved_at: null,
      regression_test: null,
      tags: input.tags ?? []
    }
  }

  /** The seed's API: capture_deployment_failure(description, network_model, validation_errors, affected_devices). */
  captureDeploymentFailure(
    description: string,
    networkModel: Record<string, unknown> | null,
    validationErrors: Record<string, unknown>[],
    affectedDevices: string[]
  ): Promise<Incident> {
    return this.capture({
      description,
      network_model: networkModel,
      validation_errors: validationErrors,
      affected_devices: affectedDevices,
      category: 'deployment_failure'
    })
  }

  /**
   * Pre-flight validation of a network model; when it is not ready, captures the failure (or
   * counts another occurrence of the same open one) unless `capture` is false.
   */
  preflight(model: unknown, options: PreflightOptions = {}): Promise<PreflightResult> {
    const deps = {
      store: this.store,
      now: this.now,
      prepareCapture: (input: CaptureInput) => this.prepareCapture(input)
    }
    return preflight(deps, model, options)
  }

  /** Changes some fields of an incident; the result is checked as a whole before it is stored. */
  async updateIncident(
    id: string,
    patch: IncidentPatch | Record<string, unknown>,
    /** Fields outside the contract (e.g. learned_at), set by the core itself; never from a caller's input. */
    extra: Record<string, unknown> = {}
  ): Promise<Incident> {
    if ('id' in patch) throw invalidInput('The id of an incident cannot be changed.')
    for (const key of Object.keys(extra))
      if ((INCIDENT_FIELDS as readonly string[]).includes(key))
        throw invalidInput(`${key} is a field of the contract, not an extra field.`)
    const parsed = IncidentPatchSchema.safeParse(patch)
    if (!parsed.success) {
      const first = problemsOf(parsed.error)[0]!
      throw invalidInput(`Invalid change: ${first.field} ${first.reason}.`, problemsOf(parsed.error))
    }
    const before = this.getIncident(id)
    const merged = canonical({ ...before, ...parsed.data, ...extra } as Incident, { ...before, ...extra })
    if (!merged.category) merged.category = DEFAULT_CATEGORY
    const sameText = incidentText(merged) === incidentText(before)
    const vector = sameText ? this.store.vectors.vectorOf(this.store.seqOf(id)!) : await this.vectorOf(merged)
    return this.store.transaction(() => {
      // The record may have changed while the vector was made: apply the patch to what is stored now.
      const current = this.getIncident(id)
      const next = canonical({ ...current, ...parsed.data, ...extra } as Incident, { ...current, ...extra })
      if (!next.category) next.category = DEFAULT_CATEGORY
      this.store.replace(next, incidentText(next) === incidentText(merged) ? vector : undefined)
      return next
    })
  }

  resolveIncident(id: string, rootCause: string, resolution?: string | null): Promise<Incident> {
    return this.updateIncident(id, {
      root_cause: rootCause.trim(),
      resolution: resolution?.trim() || null,
      resolved_at: this.now().toISOString()
    })
  }

  deleteIncident(id: string): { id: string; deleted: true } {
    const deleted = this.store.transaction(() => this.store.delete(id))
    if (!deleted) throw notFound(id)
    return { id, deleted: true }
  }

  async importFile(path: string, onConflict: ConflictPolicy = 'skip'): Promise<ImportReport> {
    try {
      await access(path)
    } catch (err) {
      throw new NetmortemError('IO_ERROR', `Cannot read ${path}: ${describeFsError(err, true)}.`)
    }
    return this.afterImport(
      await importIncidents(this.store, { path }, onConflict, (incidents) => this.vectorsOf(incidents))
    )
  }

  /** Imports incidents.json content already in memory (small uploads, tests). */
  async importText(text: string, onConflict: ConflictPolicy = 'skip'): Promise<ImportReport> {
    return this.afterImport(
      await importIncidents(this.store, text, onConflict, (incidents) => this.vectorsOf(incidents))
    )
  }

  /** A large import may have grown the store enough to (re)train the vector index. */
  private afterImport(report: ImportReport): ImportReport {
    if (report.added + report.updated > 0) this.store.vectors.maintain()
    return report
  }

  // --- embeddings and search ---

  /** The active embedding model, loaded on first use (in a worker thread when asked to). */
  embedder(): Promise<Embedder> {
    this.embedderLoad ??= this.loadEmbedder().catch((err: unknown) => {
      this.embedderLoad = undefined
      throw err
    })
    return this.embedderLoad
  }

  private async loadEmbedder(): Promise<Embedder> {
    const chosen = this.store.vectors.chosenSpec()
    const spec: ModelSpec = chosen ? (JSON.parse(chosen) as ModelSpec) : DEFAULT_MODEL
    const script = this.options.embedInWorker ? builtWorkerScript() : undefined
    const embedder = script ? await startWorkerEmbedder(spec, script) : await loadEmbedder(spec)
    const active = this.store.vectors.activeModel()
    if (!active || active.id !== embedder.id || active.dimension !== embedder.dimension) {
      this.store.vectors.activate({ id: embedder.id, dimension: embedder.dimension })
      this.vectorsComplete = false
    }
    this.store.vectors.ensureIndex()
    this.store.vectors.maintain()
    return embedder
  }

  /** Vectors for records about to be written; where the model fails, none (made again later). */
  private async vectorsOf(incidents: Incident[]): Promise<(Float32Array | undefined)[]> {
    try {
      const embedder = await this.embedder()
      return await embedder.embed(incidents.map(incidentText))
    } catch (err) {
      this.vectorsComplete = false
      this.warn(
        `no vectors made (${(err as Error).message.split('\n')[0]}); similar-incident search will miss these until the model works.`
      )
      return incidents.map(() => undefined)
    }
  }

  private async vectorOf(incident: Incident): Promise<Float32Array | undefined> {
    return (await this.vectorsOf([incident]))[0]
  }

  async modelStatus(): Promise<ModelStatus> {
    const embedder = await this.embedder()
    const chosen = this.store.vectors.chosenSpec()
    const spec: ModelSpec = chosen ? (JSON.parse(chosen) as ModelSpec) : DEFAULT_MODEL
    return {
      id: embedder.id,
      dimension: embedder.dimension,
      source: spec.kind === 'onnx' ? spec.path : 'default',
      ...this.store.vectors.counts()
    }
  }

  /**
   * Chooses the embedding model (an ONNX sentence-transformers folder, or the default) and
   * re-embeds every incident with it. Progress is reported; an interrupted switch resumes on
   * the next use, since the incidents still lacking a vector are the work left.
   */
  async useModel(spec: ModelSpec, onProgress?: (p: EmbeddingProgress) => void): Promise<ModelStatus> {
    const candidate = spec.kind === 'onnx' ? await loadEmbedder(spec) : undefined
    await candidate?.close?.()
    const old = this.embedderLoad
    this.embedderLoad = undefined
    if (old) await old.then((e) => e.close?.()).catch(() => undefined)
    this.store.vectors.choose(spec.kind === 'static' && !spec.path ? null : JSON.stringify(spec))
    await this.ensureEmbeddings(onProgress)
    return this.modelStatus()
  }

  /** Embeds every stored incident that has no vector of the active model yet (resumable). */
  async ensureEmbeddings(onProgress?: (p: EmbeddingProgress) => void): Promise<EmbeddingProgress> {
    const embedder = await this.embedder()
    const { total, embedded } = this.store.vectors.counts()
    let done = embedded
    onProgress?.({ done, total })
    for (;;) {
      const batch = this.store.vectors.missing(256)
      if (batch.length === 0) break
      const vectors = await embedder.embed(batch.map((b) => incidentText(JSON.parse(b.doc) as Incident)))
      if (this.store.vectors.activeModel()?.id !== embedder.id) break // another process switched models
      this.store.transaction(() => batch.forEach((b, i) => this.store.vectors.set(b.seq, vectors[i]!)))
      done += batch.length
      onProgress?.({ done, total: Math.max(total, done) })
    }
    this.vectorsComplete = true
    if (done > embedded) this.store.vectors.maintain()
    return { done, total: Math.max(total, done) }
  }

  private warn(message: string): void {
    ;(this.options.warn ?? ((m: string) => process.stderr.write(`netmortem: ${m}\n`)))(message)
  }

  /**
   * Gets search ready for a large store: the embedding model and the in-memory keyword index
   * (built a page at a time; searches meanwhile are answered by FTS5). The app calls it at start.
   */
  async warmSearch(): Promise<void> {
    await this.engine.warm()
    await this.embedder().catch(() => undefined)
  }

  /** Hybrid (or keyword, or vector) search for incidents like a text. */
  async search(text: string, options: SearchOptions = {}): Promise<SearchResponse> {
    if (options.mode !== 'keyword' && !this.vectorsComplete) await this.ensureEmbeddings()
    return this.engine.search(text, options)
  }

  /** The seed's API: search_similar(text, n_results). */
  async searchSimilar(text: string, nResults = 5): Promise<SearchResponse['results']> {
    return (await this.search(text, { limit: nResults })).results
  }

  /** Incidents like a stored one (its own text as the query; itself excluded). */
  async similarTo(id: string, options: SearchOptions = {}): Promise<SearchResponse> {
    const incident = this.getIncident(id)
    return this.search(incidentText(incident), { ...options, exclude: [id, ...(options.exclude ?? [])] })
  }

  // --- root-cause analysis (analysis/analyze.ts, docs/analysis.md) ---

  /** Root-cause analysis of a stored incident (by id) or of a draft that is not stored. */
  async analyze(incident: string | AnalysisDraft, settings?: AnalysisSettings): Promise<Analysis> {
    const target =
      typeof incident === 'string' ? this.getIncident(incident) : draftIncident(incident, this.now())
    return analyzeIncident(this.analysisDeps(), target, settings)
  }

  /** Every unresolved incident analysed, most confident first. */
  async rcaReport(): Promise<RcaReport> {
    const deps = this.analysisDeps()
    const open = this.store.listFull({ status: 'open' })
    return rcaReport(open, this.store.count(), (incident) => analyzeIncident(deps, incident), this.now())
  }

  /** Incidents per category and severity over the last `days` days, mean time to resolve, recurring causes. */
  trends(days: number, bucket: TrendBucket = 'day'): Trends {
    if (!Number.isInteger(days) || days < 1)
      throw invalidInput('days must be a whole number of days, 1 or more.')
    const now = this.now()
    const since = new Date(windowOf(days, now).since).toISOString()
    return trendsOf(this.store.listFull({ since }), days, bucket, now)
  }

  private analysisDeps(): AnalysisDeps {
    return { search: (text, options) => this.search(text, options), get: (id) => this.store.get(id) }
  }

  // --- regression tests (testgen/, docs/regression-tests.md) ---

  /** The regression test of an incident: pytest for model faults, pyATS for live ones. */
  generateTest(id: string): GeneratedTest {
    return generateTest(this.getIncident(id), this.now().toISOString())
  }

  /** Writes the tests of these incidents (default: every one a test fits) into DIR/tests/regression. */
  exportTests(dir: string, ids?: string[], options: ExportTestsOptions = {}): Promise<ExportTestsResult> {
    return exportTests(this.exportDeps(), dir, ids, options)
  }

  /** What exportTests would write, skip or leave alone, file by file and why; writes nothing. */
  previewExportTests(
    dir: string,
    ids?: string[],
    options: ExportTestsOptions = {}
  ): Promise<ExportTestsPreview> {
    return previewExportTests(this.exportDeps(), dir, ids, options)
  }

  private exportDeps(): ExportDeps {
    return {
      getIncident: (id: string) => this.getIncident(id),
      listFullIncidents: () => this.store.listFull(),
      now: this.now
    }
  }

  // --- learning from incidents (learning/) ---

  /** Analyses an incident, takes a high-confidence root cause (else keeps it open), stores its test. */
  learnFromIncident(id: string): Promise<Learning> {
    return learnFromIncident(this.learnDeps(), id)
  }

  /** Learns from every unresolved incident among the `limit` most recent ones. */
  learnFromRecent(limit: number): Promise<RecentLearning> {
    if (!Number.isInteger(limit) || limit < 1) throw invalidInput('limit must be a whole number, 1 or more.')
    return learnFromRecent(this.learnDeps(), limit)
  }

  /** Policy rules learned from resolved and learned incidents' pre-flight findings. */
  policyRules(): PolicyRule[] {
    return policyRules(this.store.listFull())
  }

  /** The policy rules and the Python NetworkPolicy module built from them. */
  policyModule(): PolicyExport {
    const rules = this.policyRules()
    const generatedAt = this.now().toISOString()
    return { generated_at: generatedAt, rules, python: policyModule(rules, generatedAt) }
  }

  /** Guidance lines for a config-generating LLM, from the policy rules. */
  promptGuidance(): PromptGuidance {
    return promptGuidance(this.policyRules())
  }

  private learnDeps(): LearnDeps {
    const deps = this.analysisDeps()
    return {
      get: (id) => this.getIncident(id),
      analyze: (incident) => analyzeIncident(deps, incident),
      generateTest: (incident) => generateTest(incident, this.now().toISOString()),
      update: (id, patch, extra) => this.updateIncident(id, patch, extra),
      recent: (limit) => this.store.listFull({ limit }),
      now: this.now
    }
  }

  exportFile(path: string, shape: ExportShape = 'wrapped'): Promise<ExportResult> {
    return exportIncidents(this.store, path, shape, this.now())
  }
}

export function openNetmortem(options: ServiceOptions): NetmortemService {
  return new NetmortemService(options)
}
