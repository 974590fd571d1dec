import type { z } from 'zod'
import { operations, type Handlers, type OperationName } from '../../shared/api'
import { fail, ok, type Result } from '../../shared/result'
import { problemsOf } from './incidents/record'
import { toApiError } from './errors'

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name)
}

/**
 * The one entry point of every transport (IPC, HTTP bridge): checks the operation name,
 * validates the payload against the contract, calls the handler, and returns a Result.
 * Nothing thrown escapes; every failure is a typed, one-line error.
 */
export async function dispatch(handlers: Handlers, name: string, payload: unknown): Promise<Result<unknown>> {
  if (!isOperationName(name)) {
    return fail({ code: 'UNSUPPORTED', message: `Unknown operation "${name}".` })
  }
  const parsed = validate(operations[name].input, name, payload ?? {})
  if (!parsed.ok) return parsed
  try {
    const handler = handlers[name] as (input: unknown) => unknown
    return ok(await handler(parsed.value))
  } catch (err) {
    return fail(toApiError(err))
  }
}

/** A payload checked against its schema: the parsed value, or a one-line INVALID_INPUT naming `name`. */
export function validate<S extends z.ZodType>(
  schema: S,
  name: string,
  payload: unknown
): Result<z.output<S>> {
  const parsed = schema.safeParse(payload)
  if (parsed.success) return ok(parsed.data)
  const problems = problemsOf(parsed.error)
  const first = problems[0]!
  return fail({
    code: 'INVALID_INPUT',
    message: `Invalid request for ${name}: ${first.field} ${first.reason}.`,
    details: problems
  })
}
