import { isNumeric, tokenize } from '../text/tokenize'
import { thesaurus } from '../text/thesaurus'
import { l2normalize, type Embedder } from './embedder'
import { loadStaticModel, type StaticModel } from './staticModel'

/** Share of a term's weight its plain-word expansion gets (vxlan -> virtual extensible lan ...). */
const EXPANSION_SHARE = 0.6

/**
 * The embedded default model: a sentence is the smooth-inverse-frequency weighted mean of its
 * word vectors (Arora et al. 2017) over GloVe-derived vectors that were retrofitted to a
 * networking thesaurus and had their common components removed at build time; abbreviations
 * and jargon also bring in the vectors of their plain-word meaning.
 */
export class StaticEmbedder implements Embedder {
  readonly id: string
  readonly dimension: number

  constructor(private readonly model: StaticModel) {
    this.id = model.id
    this.dimension = model.dimension
  }

  static load(folder: string): StaticEmbedder {
    return new StaticEmbedder(loadStaticModel(folder))
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t))
  }

  embedOne(text: string): Float32Array {
    const out = new Float32Array(this.dimension)
    for (const token of tokenize(text)) {
      if (isNumeric(token.word)) continue
      const expansion = thesaurus.expansionOf(token)
      const own = this.add(out, token.word, 1)
      const weight = own || this.weightOfUnknown()
      if (expansion.length) {
        for (const w of expansion) this.add(out, w, (EXPANSION_SHARE * weight) / expansion.length, true)
      } else if (!own && token.word.includes('-')) {
        for (const part of token.word.split('-')) this.add(out, part, 1)
      }
    }
    return l2normalize(out)
  }

  /** Adds a word's weighted vector; returns its weight, or 0 when the word is unknown. */
  private add(out: Float32Array, word: string, scale: number, absolute = false): number {
    const row = this.model.words.get(word)
    if (row === undefined) return 0
    const weight = this.model.weights[row]!
    const w = absolute ? scale : weight * scale
    const base = row * this.dimension
    for (let d = 0; d < this.dimension; d++) out[d] = out[d]! + w * this.model.vectors[base + d]!
    return weight
  }

  private weightOfUnknown(): number {
    return 1
  }
}
