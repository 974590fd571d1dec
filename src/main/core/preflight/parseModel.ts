import { firstLine, invalidInput } from '../errors'
import { isObject } from './fields'

/**
 * The text of a network model file as a model, or a one-line INVALID_INPUT error: a file that
 * is not JSON, or has no devices array, cannot be validated at all.
 */
export function parseModelFile(text: string): Record<string, unknown> {
  let model: unknown
  try {
    model = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (err) {
    throw invalidInput(`The network model is not valid JSON: ${firstLine((err as Error).message)}.`)
  }
  return requireModel(model)
}

/** A model with at least the shape validation needs: an object with a devices array. */
export function requireModel(model: unknown): Record<string, unknown> {
  if (!isObject(model)) {
    const kind = Array.isArray(model) ? 'an array' : model === null ? 'null' : `a ${typeof model}`
    throw invalidInput(`The network model must be a JSON object with a devices array, not ${kind}.`)
  }
  if (model.devices === undefined) throw invalidInput('The network model has no devices array.')
  if (!Array.isArray(model.devices)) throw invalidInput('The devices of the network model must be an array.')
  return model
}
