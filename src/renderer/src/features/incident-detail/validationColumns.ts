/** The fields pre-flight findings carry, shown first and in this order. */
export const FINDING_FIELDS = ['code', 'severity', 'message', 'devices'] as const

/**
 * The columns of the validation errors table: the pre-flight fields (code, severity,
 * message, devices) that any row has, then every other key in the order first seen, so
 * older records ({error, type}) and any other shape show every field.
 */
export function validationColumns(rows: Record<string, unknown>[]): string[] {
  const seen = new Set<string>()
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key)
  const known = FINDING_FIELDS.filter((field) => seen.has(field))
  return [...known, ...[...seen].filter((key) => !(FINDING_FIELDS as readonly string[]).includes(key))]
}
