/**
 * Spherical k-means for the inverted-file (IVF) vector index: unit-length centroids, points
 * assigned by the largest dot product (the smallest cosine distance). Deterministic: the same
 * vectors give the same centroids, so two processes never disagree about a trained index.
 */

export interface Clustering {
  dimension: number
  /** count × dimension, each row of unit length. */
  centroids: Float32Array
  count: number
}

/** The centroid nearest a vector (largest dot product). */
export function nearestCentroid(c: Clustering, v: Float32Array, offset = 0): number {
  const { centroids, count, dimension } = c
  let best = 0
  let bestScore = -Infinity
  for (let k = 0; k < count; k++) {
    const base = k * dimension
    let s = 0
    for (let d = 0; d < dimension; d++) s += v[offset + d]! * centroids[base + d]!
    if (s > bestScore) {
      bestScore = s
      best = k
    }
  }
  return best
}

/** The `n` centroids nearest a vector, nearest first. */
export function nearestCentroids(c: Clustering, v: Float32Array, n: number): number[] {
  const scores: { k: number; s: number }[] = []
  for (let k = 0; k < c.count; k++) {
    const base = k * c.dimension
    let s = 0
    for (let d = 0; d < c.dimension; d++) s += v[d]! * c.centroids[base + d]!
    scores.push({ k, s })
  }
  return scores
    .sort((a, b) => b.s - a.s)
    .slice(0, n)
    .map((x) => x.k)
}

/**
 * Trains `count` centroids on `points` (n × dimension, row-major) with a fixed number of
 * Lloyd iterations over a deterministic sample; an emptied cluster is re-seeded from a point.
 */
export function trainClusters(
  points: Float32Array,
  dimension: number,
  count: number,
  options: { iterations?: number; samplePerCluster?: number } = {}
): Clustering {
  const n = points.length / dimension
  const random = lcg(0x5eed)
  const sampleSize = Math.min(n, count * (options.samplePerCluster ?? 64))
  const sample = new Int32Array(sampleSize)
  for (let i = 0; i < sampleSize; i++) sample[i] = Math.floor((i * n) / sampleSize)
  const centroids = new Float32Array(count * dimension)
  const seed = (k: number) => {
    const p = sample[Math.floor(random() * sampleSize)]! * dimension
    centroids.set(points.subarray(p, p + dimension), k * dimension)
    normalise(centroids, k * dimension, dimension)
  }
  for (let k = 0; k < count; k++) seed(k)
  const clustering: Clustering = { dimension, centroids, count }
  const sums = new Float64Array(count * dimension)
  const sizes = new Int32Array(count)
  for (let it = 0; it < (options.iterations ?? 8); it++) {
    sums.fill(0)
    sizes.fill(0)
    for (const i of sample) {
      const p = i * dimension
      const k = nearestCentroid(clustering, points, p)
      sizes[k]!++
      for (let d = 0; d < dimension; d++) sums[k * dimension + d]! += points[p + d]!
    }
    for (let k = 0; k < count; k++) {
      if (sizes[k] === 0) {
        seed(k)
        continue
      }
      for (let d = 0; d < dimension; d++) centroids[k * dimension + d] = sums[k * dimension + d]!
      normalise(centroids, k * dimension, dimension)
    }
  }
  return clustering
}

function normalise(v: Float32Array, offset: number, dimension: number): void {
  let norm = 0
  for (let d = 0; d < dimension; d++) norm += v[offset + d]! ** 2
  norm = Math.sqrt(norm) || 1
  for (let d = 0; d < dimension; d++) v[offset + d]! /= norm
}

/** A small deterministic generator (the same sample on every machine). */
function lcg(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}
