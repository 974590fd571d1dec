import type { CaptureInput } from '../../../../shared/api'
import type { Severity } from '../../../../shared/incident'
import { parseValidationErrors } from './parseValidationErrors'

export interface CaptureValues {
  description: string
  severity: Severity
  category: string
  affected_devices: string[]
  tags: string[]
  validation_errors: string
}

/** The core's own defaults for a capture (a deployment failure, high), shown up front. */
export const INITIAL_VALUES: CaptureValues = {
  description: '',
  severity: 'high',
  category: 'deployment_failure',
  affected_devices: [],
  tags: [],
  validation_errors: ''
}

export type CaptureErrors = Partial<Record<keyof CaptureValues, string>>

/** The form's inline errors, and the request when there are none. */
export function checkCapture(values: CaptureValues): { errors: CaptureErrors; input?: CaptureInput } {
  const errors: CaptureErrors = {}
  if (values.description.trim() === '') errors.description = 'A description is required'
  if (values.category.trim() === '') errors.category = 'A category is required'
  const parsed = parseValidationErrors(values.validation_errors)
  if (!parsed.ok) errors.validation_errors = parsed.error
  if (Object.keys(errors).length > 0 || !parsed.ok) return { errors }
  return {
    errors,
    input: {
      description: values.description.trim(),
      severity: values.severity,
      category: values.category.trim(),
      affected_devices: values.affected_devices,
      ...(values.tags.length > 0 ? { tags: values.tags } : {}),
      ...(parsed.value.length > 0 ? { validation_errors: parsed.value } : {})
    }
  }
}
