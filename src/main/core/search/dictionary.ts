import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultModelPath } from '../embeddings/loadEmbedder'

let words: Set<string> | undefined

/**
 * Whether a word is a real word (not a typo): the 200,000 words of the default model's
 * vocabulary serve as the dictionary, whichever model embeds. Without them, nothing is.
 */
export function inDictionary(word: string): boolean {
  if (!words) {
    try {
      words = new Set(readFileSync(join(defaultModelPath(), 'words.txt'), 'utf8').split('\n'))
    } catch {
      words = new Set()
    }
  }
  return words.has(word)
}
