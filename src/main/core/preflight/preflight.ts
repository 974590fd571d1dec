import type { CaptureInput } from '../../../shared/api'
import type { Incident } from '../../../shared/incident'
import type { Finding, PreflightResult } from '../../../shared/networkModel'
import type { IncidentStore } from '../store/incidentStore'
import { describeFailure } from './describe'
import { unique } from './findings'
import { fingerprintOf, markFirst, seenAgain } from './occurrence'
import { requireModel } from './parseModel'
import { severityOf } from './severity'
import { validateModel } from './validate'

/** What pre-flight needs of the service: the store, its clock, and its capture. */
export interface PreflightDeps {
  store: IncidentStore
  now: () => Date
  /** Prepares a capture outside the write transaction (its vector), returning the capture itself. */
  prepareCapture: (input: CaptureInput) => Promise<() => Incident>
}

export interface PreflightOptions {
  /** Capture an incident when the model is not ready (default true). */
  capture?: boolean
}

/** Validation alone: ready when no finding is an error. Needs no database. */
export function checkModel(model: unknown): PreflightResult {
  const findings = validateModel(requireModel(model))
  const errors: Finding[] = []
  const warnings: Finding[] = []
  for (const f of findings) (f.severity === 'error' ? errors : warnings).push(f)
  return { ready_to_deploy: errors.length === 0, errors, warnings, incident_id: null }
}

/**
 * The stage-0 pre-flight check: validates the model and, when it is not ready, records the
 * failure so it feeds the learning loop. The same open failure seen again within 24 hours of
 * its capture adds an occurrence to that incident instead of a new one, so a pipeline
 * re-running on a broken model does not flood the store.
 */
export async function preflight(
  deps: PreflightDeps,
  model: unknown,
  options: PreflightOptions = {}
): Promise<PreflightResult> {
  const result = checkModel(model)
  if (result.ready_to_deploy || options.capture === false) return result
  const networkModel = model as Record<string, unknown>
  const fingerprint = fingerprintOf(result.errors)
  const capture = await deps.prepareCapture(captureOf(networkModel, result))
  const { incident, occurrence } = deps.store.transaction(
    () => seenAgain(deps.store, fingerprint, deps.now()) ?? markFirst(deps.store, capture(), fingerprint)
  )
  return { ...result, incident_id: incident.id, occurrence }
}

function captureOf(model: Record<string, unknown>, result: PreflightResult): CaptureInput {
  const findings = [...result.errors, ...result.warnings]
  return {
    description: describeFailure(model.name, result.errors, result.warnings),
    severity: severityOf(result.errors),
    category: 'deployment_failure',
    affected_devices: unique(findings.flatMap((f) => f.devices)),
    validation_errors: findings.map((f) => ({ ...f })),
    network_model: model
  }
}
