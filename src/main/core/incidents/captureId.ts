/** `deploy-YYYYMMDD-HHMMSS` of a moment, in UTC, as the original system names captures. */
export function captureIdBase(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return (
    `deploy-${at.getUTCFullYear()}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}` +
    `-${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}`
  )
}

/** The capture id for a moment; `-2`, `-3`, ... when the plain one is already taken. */
export function captureId(at: Date, taken: (id: string) => boolean): string {
  const base = captureIdBase(at)
  if (!taken(base)) return base
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`
    if (!taken(id)) return id
  }
}
