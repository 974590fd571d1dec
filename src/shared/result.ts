/**
 * The envelope every API call returns across a boundary (IPC, HTTP bridge):
 * errors travel as data with a stable code and a one-line human message.
 */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'IO_ERROR'
  | 'UNSUPPORTED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'INTERNAL'

export interface ApiError {
  code: ErrorCode
  /** One line, written for the engineer using the tool. */
  message: string
  /** Structured detail, e.g. the list of bad records of an import. */
  details?: unknown
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (error: ApiError): Result<never> => ({ ok: false, error })
