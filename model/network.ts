// The classifier's weights and its reference forward pass in plain TypeScript.
// The ONNX graph (model/onnx-export.ts) must compute exactly this; a test checks it.
//
// Shape: the int8 embedding rows of a text's hashed features are pooled per slot (see
// model/features.ts: averaged word, bigram and character bags, summed cues) and concatenated
// -> [optional ReLU hidden layer] -> one sigmoid output per label.
import { poolingWeights } from './features';

export interface NetworkShape {
  /** Embedding rows (hash buckets); a power of two. */
  buckets: number;
  dim: number;
  /** Number of pooled bags; the pooled representation is slots x dim wide. */
  slots: number;
  /** Width of the ReLU hidden layer; 0 means the heads read the embedding mean directly. */
  hidden: number;
  outputs: number;
}

export interface NetworkWeights {
  shape: NetworkShape;
  /** buckets x dim, row-major, int8; real value = embedding[i] * embeddingScale. */
  embedding: Int8Array;
  embeddingScale: number;
  /** (slots x dim) x hidden, row-major (empty when hidden = 0). */
  w1: Float32Array;
  b1: Float32Array;
  /** (hidden || slots x dim) x outputs, row-major. */
  w2: Float32Array;
  b2: Float32Array;
}

/** A text's features as the network reads them. */
export interface NetworkInput {
  ids: ArrayLike<number>;
  slots: ArrayLike<number>;
}

/** Pooled representation: per slot, the pooling-weighted sum of embedding rows. */
export function poolEmbeddings(weights: NetworkWeights, input: NetworkInput): Float32Array {
  const { dim, slots } = weights.shape;
  const pool = poolingWeights(input.slots);
  const sum = new Float64Array(slots * dim);
  for (let i = 0; i < input.ids.length; i++) {
    const row = input.ids[i] * dim;
    const base = input.slots[i] * dim;
    for (let d = 0; d < dim; d++) sum[base + d] += pool[i] * weights.embedding[row + d];
  }
  return Float32Array.from(sum, (value) => value * weights.embeddingScale);
}

function denseLayer(input: Float32Array, w: Float32Array, b: Float32Array, outSize: number): Float32Array {
  const out = Float32Array.from(b);
  for (let i = 0; i < input.length; i++) {
    const x = input[i];
    if (x === 0) continue;
    const row = i * outSize;
    for (let o = 0; o < outSize; o++) out[o] += x * w[row + o];
  }
  return out;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Logits for one text. */
export function forwardLogits(weights: NetworkWeights, input: NetworkInput): Float32Array {
  const { hidden, outputs } = weights.shape;
  let representation = poolEmbeddings(weights, input);
  if (hidden > 0) {
    representation = denseLayer(representation, weights.w1, weights.b1, hidden);
    for (let h = 0; h < hidden; h++) if (representation[h] < 0) representation[h] = 0;
  }
  return denseLayer(representation, weights.w2, weights.b2, outputs);
}

/** Probabilities (sigmoid of the logits) for one text. */
export function forwardScores(weights: NetworkWeights, input: NetworkInput): Float32Array {
  return forwardLogits(weights, input).map(sigmoid);
}
