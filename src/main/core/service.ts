import { access } from 'node:fs/promises'
import type { Database } from 'better-sqlite3'
import {
  DEFAULT_CATEGORY,
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
  ListQuery
} from '../../shared/api'
import { NetmortemError, invalidInput, notFound } from './errors'
import { openDatabase, schemaVersion, type OpenOptions } from './db/open'
import { IncidentStore } from './store/incidentStore'
import { canonical, checkIncident, problemsOf } from './incidents/record'
import { captureId } from './incidents/captureId'
import { importIncidents } from './io/importIncidents'
import { exportIncidents, describeFsError } from './io/exportIncidents'
import { preflight, type PreflightOptions } from './preflight/preflight'
import type { PreflightResult } from '../../shared/networkModel'

export interface ServiceOptions extends OpenOptions {
  dbPath: string
  version?: string
  /** The clock; tests fix it. */
  now?: () => Date
}

/**
 * The Netmortem service: the one facade over all logic. The IPC layer, the HTTP bridge,
 * the CLI and the tests all call it; it never imports electron.
 */
export class NetmortemService {
  readonly db: Database
  readonly store: IncidentStore
  private readonly now: () => Date

  constructor(private readonly options: ServiceOptions) {
    this.db = openDatabase(options.dbPath, options)
    this.store = new IncidentStore(this.db)
    this.now = options.now ?? (() => new Date())
  }

  close(): void {
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
  addIncident(raw: unknown): Incident {
    const checked = checkIncident(raw)
    if (!checked.ok) {
      const first = checked.problems[0]!
      throw invalidInput(`Invalid incident: ${first.field} ${first.reason}.`, checked.problems)
    }
    const incident = checked.incident
    return this.store.transaction(() => {
      if (this.store.exists(incident.id)) {
        throw new NetmortemError('CONFLICT', `An incident with id "${incident.id}" already exists.`)
      }
      this.store.insert(incident)
      return incident
    })
  }

  /** Records a deployment failure seen now, as the original capture_deployment_failure did. */
  capture(input: CaptureInput): Incident {
    const at = input.timestamp ? new Date(input.timestamp) : this.now()
    return this.store.transaction(() => {
      const incident: Incident = {
        id: captureId(at, (id) => this.store.exists(id)),
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
      this.store.insert(incident)
      return incident
    })
  }

  /** The seed's API: capture_deployment_failure(description, network_model, validation_errors, affected_devices). */
  captureDeploymentFailure(
    description: string,
    networkModel: Record<string, unknown> | null,
    validationErrors: Record<string, unknown>[],
    affectedDevices: string[]
  ): Incident {
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
  preflight(model: unknown, options: PreflightOptions = {}): PreflightResult {
    const deps = { store: this.store, now: this.now, capture: (input: CaptureInput) => this.capture(input) }
    return preflight(deps, model, options)
  }

  /** Changes some fields of an incident; the result is checked as a whole before it is stored. */
  updateIncident(id: string, patch: IncidentPatch | Record<string, unknown>): Incident {
    if ('id' in patch) throw invalidInput('The id of an incident cannot be changed.')
    const parsed = IncidentPatchSchema.safeParse(patch)
    if (!parsed.success) {
      const first = problemsOf(parsed.error)[0]!
      throw invalidInput(`Invalid change: ${first.field} ${first.reason}.`, problemsOf(parsed.error))
    }
    return this.store.transaction(() => {
      const current = this.getIncident(id)
      const merged = canonical({ ...current, ...parsed.data } as Incident, current)
      if (!merged.category) merged.category = DEFAULT_CATEGORY
      this.store.replace(merged)
      return merged
    })
  }

  resolveIncident(id: string, rootCause: string, resolution?: string | null): Incident {
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
      throw new NetmortemError('IO_ERROR', `Cannot read ${path}: ${describeFsError(err)}.`)
    }
    return importIncidents(this.store, { path }, onConflict)
  }

  /** Imports incidents.json content already in memory (small uploads, tests). */
  importText(text: string, onConflict: ConflictPolicy = 'skip'): Promise<ImportReport> {
    return importIncidents(this.store, text, onConflict)
  }

  exportFile(path: string, shape: ExportShape = 'wrapped'): Promise<ExportResult> {
    return exportIncidents(this.store, path, shape, this.now())
  }
}

export function openNetmortem(options: ServiceOptions): NetmortemService {
  return new NetmortemService(options)
}
