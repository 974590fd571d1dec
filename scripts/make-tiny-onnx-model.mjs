#!/usr/bin/env node
/**
 * Writes a tiny BERT-like sentence-transformers folder (config, WordPiece tokenizer, onnx/model.onnx)
 * so that CI can test the real transformers.js + onnxruntime-node path without downloading a model.
 *
 * The "model" is an embedding lookup followed by an orthogonal matrix: words of one networking topic
 * share a direction, so mean-pooled sentence vectors of one topic are close. Positions are ignored,
 * which makes a text's vector independent of the padding its batch adds.
 *
 *   node scripts/make-tiny-onnx-model.mjs FOLDER [--dimension 32]
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import onnxProto from 'onnx-proto'

const { onnx } = onnxProto

const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']

const words = (text) => text.trim().split(/\s+/)

// Words of a topic share one direction; the first word names the topic.
const TOPICS = [
  `bgp neighbor neighbors session sessions peer peers peering as asn ebgp ibgp prefix
   prefixes route routes advertise advertised withdrawn established idle active opensent
   openconfirm notification hold keepalive community aspath med localpref nexthop reflector
   confederation`,
  `ospf adjacency adjacencies area lsa lsdb spf dr bdr hello dead exstart exchange loading
   full stub nssa abr asbr isis igp metric cost`,
  `vlan vlans trunk trunking native tag tagged untagged dot1q stp spanning tree bpdu mac
   switchport broadcast svi vxlan vni evpn`,
  `mtu fragment fragments fragmentation fragmented jumbo frame frames size bytes oversized
   giant giants runts pmtud df mss`,
  `lacp lag bond bundle portchannel channel etherchannel aggregate aggregation member members
   suspended lacpdu mlag vpc`,
  `optic optics transceiver sfp qsfp fiber light dbm crc laser rx tx power attenuation`,
  `dns ntp dhcp snmp syslog radius tacacs aaa resolver lease`
].map(words)

// Words with a direction of their own.
const OTHER_WORDS = words(`
  down up flap flapping flaps failed failure fail outage incident interface interfaces link links
  port ports reset restart reload reboot timeout timer config configuration change mismatch
  misconfigured upgrade software bug cpu memory high low loss packet packets latency drop drops
  dropped traffic customer impact the a an of on to in is was were after and or for with from by
  at not no due between during core edge spine leaf firewall switch switches router routers site
  datacenter wan lan ip ipv4 ipv6 address subnet gateway acl policy filter nat vrf mpls ldp rsvp
  qos queue error errors cable maintenance window
`)

const PUNCTUATION = '. , - / : ; ( ) [ ] \' " _ ! ? # @ = + * %'.split(' ')
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('')
const DIGITS = '0123456789'.split('')

/** Every token once, specials first so that [PAD] is 0 (transformers.js pads with pad_token_id). */
export function tinyVocabulary() {
  const pieces = [...LETTERS, ...DIGITS].map((c) => `##${c}`)
  const all = [...SPECIAL, ...PUNCTUATION, ...DIGITS, ...LETTERS, ...pieces, ...TOPICS.flat(), ...OTHER_WORDS]
  return [...new Set(all)]
}

/** mulberry32: a small seeded generator, so the model file is the same on every machine. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function unitVector(next, dimension) {
  const v = new Float64Array(dimension)
  let norm = 0
  for (let i = 0; i < dimension; i++) {
    // Box-Muller: a Gaussian direction is uniform on the sphere.
    const g = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())
    v[i] = g
    norm += g * g
  }
  norm = Math.sqrt(norm) || 1
  for (let i = 0; i < dimension; i++) v[i] /= norm
  return v
}

function embeddingTable(vocab, dimension) {
  const next = random(0x6e6d)
  const topicOf = new Map()
  const directions = TOPICS.map(() => unitVector(next, dimension))
  TOPICS.forEach((words, t) => words.forEach((w) => topicOf.set(w, t)))
  const table = new Float32Array(vocab.length * dimension)
  vocab.forEach((token, id) => {
    const own = unitVector(next, dimension)
    const topic = topicOf.get(token)
    // [PAD] stays zero; the other specials and word pieces are short so they barely move a mean.
    let scale = token === '[PAD]' ? 0 : SPECIAL.includes(token) ? 0.1 : 0.5
    let base = null
    if (topic !== undefined) {
      base = directions[topic]
      scale = 0.35
    } else if (OTHER_WORDS.includes(token)) scale = 1
    for (let i = 0; i < dimension; i++) table[id * dimension + i] = (base ? base[i] : 0) + scale * own[i]
  })
  return table
}

/** A signed permutation: orthogonal, so it keeps every cosine while giving the graph a MatMul. */
function orthogonalMatrix(dimension) {
  const next = random(0x6f72)
  const order = [...Array(dimension).keys()]
  for (let i = dimension - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  const m = new Float32Array(dimension * dimension)
  order.forEach((col, row) => (m[row * dimension + col] = next() < 0.5 ? -1 : 1))
  return m
}

const FLOAT = onnx.TensorProto.DataType.FLOAT
const INT64 = onnx.TensorProto.DataType.INT64

function floatTensor(name, dims, values) {
  return {
    name,
    dims,
    dataType: FLOAT,
    rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
  }
}

function valueInfo(name, elemType, dims) {
  const dim = dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }))
  return { name, type: { tensorType: { elemType, shape: { dim } } } }
}

function node(opType, input, output, attribute = []) {
  return { opType, input, output, name: output[0], attribute }
}

/** The ONNX graph, encoded: inputs and output named and shaped as a BERT export's. */
export function tinyOnnxModel(vocab, dimension) {
  const ids = ['batch_size', 'sequence_length']
  const graph = {
    name: 'netmortem-tiny-bert',
    input: ['input_ids', 'attention_mask', 'token_type_ids'].map((n) => valueInfo(n, INT64, ids)),
    output: [valueInfo('last_hidden_state', FLOAT, [...ids, dimension])],
    initializer: [
      floatTensor('word_embeddings', [vocab.length, dimension], embeddingTable(vocab, dimension)),
      // All zero, as in a single-segment model: consumes token_type_ids the way BERT does.
      floatTensor('token_type_embeddings', [2, dimension], new Float32Array(2 * dimension)),
      floatTensor('dense', [dimension, dimension], orthogonalMatrix(dimension)),
      { name: 'last_axis', dims: [1], dataType: INT64, int64Data: [-1] }
    ],
    node: [
      node('Gather', ['word_embeddings', 'input_ids'], ['words']),
      node('Gather', ['token_type_embeddings', 'token_type_ids'], ['types']),
      node('Add', ['words', 'types'], ['embedded']),
      node('MatMul', ['embedded', 'dense'], ['projected']),
      // Zeroing padded positions, like a real encoder's masked output, consumes attention_mask.
      node('Cast', ['attention_mask'], ['mask_float'], [{ name: 'to', type: 2, i: FLOAT }]),
      node('Unsqueeze', ['mask_float', 'last_axis'], ['mask_3d']),
      node('Mul', ['projected', 'mask_3d'], ['last_hidden_state'])
    ]
  }
  const model = {
    irVersion: 8,
    producerName: 'netmortem make-tiny-onnx-model',
    opsetImport: [{ domain: '', version: 14 }],
    graph
  }
  const error = onnx.ModelProto.verify(model)
  if (error) throw new Error(`tiny ONNX model is malformed: ${error}`)
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish()
}

function tokenizerJson(vocab) {
  const id = (t) => vocab.indexOf(t)
  const special = (content) => ({
    id: id(content),
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true
  })
  const piece = (token, typeId) => ({ SpecialToken: { id: token, type_id: typeId } })
  const seq = (name, typeId) => ({ Sequence: { id: name, type_id: typeId } })
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map(special),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [piece('[CLS]', 0), seq('A', 0), piece('[SEP]', 0)],
      pair: [piece('[CLS]', 0), seq('A', 0), piece('[SEP]', 0), seq('B', 1), piece('[SEP]', 1)],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [id(t)], tokens: [t] }])
      )
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i]))
    }
  }
}

const MAX_LENGTH = 128

function configJson(vocab, dimension) {
  return {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: dimension,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    intermediate_size: dimension * 2,
    hidden_act: 'gelu',
    vocab_size: vocab.length,
    max_position_embeddings: MAX_LENGTH,
    type_vocab_size: 2,
    pad_token_id: 0,
    layer_norm_eps: 1e-12
  }
}

const TOKENS = {
  unk_token: '[UNK]',
  sep_token: '[SEP]',
  pad_token: '[PAD]',
  cls_token: '[CLS]',
  mask_token: '[MASK]'
}

const json = (value) => JSON.stringify(value, null, 2) + '\n'

/** Writes the folder; returns what a test needs to know about it. */
export async function makeTinyOnnxModel(folder, { dimension = 32 } = {}) {
  if (!Number.isInteger(dimension) || dimension < 2) throw new Error(`dimension must be an integer >= 2`)
  const vocab = tinyVocabulary()
  await mkdir(join(folder, 'onnx'), { recursive: true })
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    model_max_length: MAX_LENGTH,
    do_lower_case: true,
    clean_up_tokenization_spaces: true,
    ...TOKENS
  }
  await Promise.all([
    writeFile(join(folder, 'config.json'), json(configJson(vocab, dimension))),
    writeFile(join(folder, 'tokenizer.json'), json(tokenizerJson(vocab))),
    writeFile(join(folder, 'tokenizer_config.json'), json(tokenizerConfig)),
    writeFile(join(folder, 'special_tokens_map.json'), json(TOKENS)),
    writeFile(join(folder, 'onnx', 'model.onnx'), tinyOnnxModel(vocab, dimension))
  ])
  return { folder, dimension, vocabSize: vocab.length, maxLength: MAX_LENGTH }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2)
  const at = args.indexOf('--dimension')
  const dimension = at >= 0 ? Number(args.splice(at, 2)[1]) : 32
  if (args.length !== 1) {
    console.error('usage: node scripts/make-tiny-onnx-model.mjs FOLDER [--dimension 32]')
    process.exit(2)
  }
  const made = await makeTinyOnnxModel(resolve(args[0]), { dimension })
  console.log(`wrote ${made.folder} (dimension ${made.dimension}, ${made.vocabSize} tokens)`)
}
