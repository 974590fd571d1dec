import type { ApiError, ErrorCode } from '../../shared/result'

/** An error the user can cause and fix; its message is one readable line. */
export class NetmortemError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
    this.name = 'NetmortemError'
  }
}

export const notFound = (id: string): NetmortemError =>
  new NetmortemError('NOT_FOUND', `No incident with id "${id}".`)

export const invalidInput = (message: string, details?: unknown): NetmortemError =>
  new NetmortemError('INVALID_INPUT', message, details)

/** Turns anything thrown into an ApiError that can cross a boundary. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof NetmortemError) {
    return err.details === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, details: err.details }
  }
  const message = err instanceof Error ? err.message : String(err)
  return { code: 'INTERNAL', message: `Unexpected error: ${firstLine(message)}` }
}

export function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text
}
