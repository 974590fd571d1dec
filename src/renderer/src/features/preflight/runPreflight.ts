import type { PreflightResult } from '../../../../shared/networkModel'
import { call, mutate } from '../../lib/api'

/**
 * Checks a model in the core. With capture on, a failure is recorded (or counted again) as an
 * incident, so every view showing incidents loads again.
 */
export function runPreflight(model: Record<string, unknown>, capture: boolean): Promise<PreflightResult> {
  return capture ? mutate('preflight.run', { model, capture }) : call('preflight.run', { model, capture })
}
