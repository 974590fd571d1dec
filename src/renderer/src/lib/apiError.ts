import type { ApiError, ErrorCode, Result } from '../../../shared/result'

/** A failed API call: the Result envelope's error, thrown so that callers can just await. */
export class ApiCallError extends Error {
  readonly code: ErrorCode
  readonly details?: unknown

  constructor(error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
    this.code = error.code
    this.details = error.details
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value
  throw new ApiCallError(result.error)
}

/** One readable line for anything thrown: never a stack. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiCallError) return err.message
  const text = err instanceof Error ? err.message : String(err)
  return `Unexpected error: ${text.split('\n', 1)[0] ?? text}`
}
