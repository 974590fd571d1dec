/** A network model read from a file in the browser, with what it holds at a glance. */
export interface LoadedModel {
  fileName: string
  model: Record<string, unknown>
  name: string | null
  devices: number
  vlans: number
  links: number
}

export type ReadResult = { ok: true; loaded: LoadedModel } | { ok: false; message: string }

const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0)

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** The parser's reason without the echo of the text Chromium appends to it. */
function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  return message.replace(/,\s*".*"(?:\.\.\.)? is not valid JSON$/s, '')
}

/** The first line of a file, short: enough to recognise what was picked by mistake. */
function beginning(text: string): string {
  const line = text.trimStart().split(/\r?\n/, 1)[0] ?? ''
  return line.length > 48 ? `${line.slice(0, 48)}…` : line
}

/**
 * Reads a dropped or chosen file as a network model: JSON, an object, with a devices array.
 * Anything else is a one-line message naming the file and what is wrong with it; the model
 * is never sent to the core half-read.
 */
export async function readModel(file: File): Promise<ReadResult> {
  let text: string
  try {
    text = await file.text()
  } catch (err) {
    return {
      ok: false,
      message: `${file.name} could not be read: ${err instanceof Error ? err.message : err}`
    }
  }
  if (text.trim() === '')
    return { ok: false, message: `${file.name} is empty: a network model is a JSON object.` }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    return {
      ok: false,
      message: `${file.name} is not valid JSON (${reasonOf(err)}); it begins “${beginning(text)}”.`
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      message: `${file.name} is not a network model: it holds ${kindOf(data)}, not a JSON object with a "devices" array.`
    }
  }
  const model = data as Record<string, unknown>
  if (!Array.isArray(model.devices)) {
    const found =
      model.devices === undefined ? 'has no "devices" array' : `has "devices" as ${kindOf(model.devices)}`
    return { ok: false, message: `${file.name} is not a network model: it ${found}.` }
  }
  return {
    ok: true,
    loaded: {
      fileName: file.name,
      model,
      name: typeof model.name === 'string' && model.name ? model.name : null,
      devices: model.devices.length,
      vlans: count(model.vlans),
      links: count(model.links)
    }
  }
}
