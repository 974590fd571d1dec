/**
 * An embedder turns texts into unit-length vectors of a fixed dimension. Netmortem ships a
 * static word-vector model that needs nothing but this package; any local sentence-transformers
 * ONNX folder can replace it. The active model's id and dimension are recorded in the database,
 * so vectors of two models are never mixed.
 */
export interface Embedder {
  /** Stable identity of the model and its settings, e.g. `static:netmortem-glove-100d@1`. */
  readonly id: string
  readonly dimension: number
  /** One L2-normalised vector per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>
  close?(): Promise<void>
}

/** Where a model comes from: the embedded default, or a local ONNX folder. */
export type ModelSpec = { kind: 'static'; path?: string } | { kind: 'onnx'; path: string }

export function l2normalize(v: Float32Array): Float32Array {
  let sum = 0
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!
  const norm = Math.sqrt(sum)
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = v[i]! / norm
  return v
}
