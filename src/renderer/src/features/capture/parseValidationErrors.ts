export type Parsed = { ok: true; value: Record<string, unknown>[] } | { ok: false; error: string }

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * The validation errors field of the capture form: empty, or a JSON array of objects
 * (a single object is taken as a list of one).
 */
export function parseValidationErrors(text: string): Parsed {
  if (text.trim() === '') return { ok: true, value: [] }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { ok: false, error: `Not valid JSON: ${(err as Error).message}` }
  }
  if (isObject(value)) return { ok: true, value: [value] }
  if (!Array.isArray(value))
    return { ok: false, error: 'Expected a JSON array of objects, e.g. [{"code": "..."}]' }
  const bad = value.findIndex((item) => !isObject(item))
  if (bad >= 0)
    return { ok: false, error: `Item ${bad + 1} is not an object: each error is {"field": value, ...}` }
  return { ok: true, value }
}
