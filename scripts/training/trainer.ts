// fastText-style multi-task training: mean of hashed-feature embeddings -> ReLU hidden layer
// -> one sigmoid head per label; masked binary cross-entropy; AdaGrad (row-wise for embeddings).
import type { NetworkShape, NetworkWeights } from '../../model/network';
import { createRandom, shuffleInPlace } from './random';

export interface TrainOptions {
  seed: number;
  dim: number;
  hidden: number;
  epochs: number;
  learningRate: number;
  /** Bags pooled separately and concatenated (see model/features.ts). */
  slots: number;
  /** Scale of the uniform initial embedding; 0 leaves never-seen buckets at zero. */
  initScale: number;
}

/** Examples flattened for speed: ids of example i are ids[offsets[i]..offsets[i+1]). */
export interface PackedExamples {
  ids: Int32Array;
  /** Slot and pooling weight of each feature. */
  slots: Uint8Array;
  pool: Float32Array;
  offsets: Int32Array;
  /** outputs per example, -1 = masked. */
  targets: Int8Array;
  /** Loss weight per example. */
  weights: Float32Array;
  /** How many times each example appears in an epoch (oversampling of small data sets). */
  repeats: Uint8Array;
  count: number;
}

const EPSILON = 1e-8;

export class Trainer {
  readonly shape: NetworkShape;
  readonly embedding: Float32Array;
  private readonly embeddingAcc: Float32Array;
  readonly w1: Float32Array;
  readonly b1: Float32Array;
  readonly w2: Float32Array;
  readonly b2: Float32Array;
  private readonly acc: { w1: Float32Array; b1: Float32Array; w2: Float32Array; b2: Float32Array };
  private readonly random: () => number;
  /** Width of the pooled representation: slots x dim. */
  private readonly width: number;
  // Scratch buffers reused across examples.
  private readonly pooled: Float32Array;
  private readonly hiddenOut: Float32Array;
  private readonly gradPooled: Float32Array;
  private readonly gradInner: Float32Array;
  private readonly logits: Float32Array;

  constructor(buckets: number, outputs: number, readonly options: TrainOptions) {
    const { dim, hidden, slots } = options;
    this.shape = { buckets, dim, slots, hidden, outputs };
    this.width = slots * dim;
    this.random = createRandom(options.seed);
    this.embedding = new Float32Array(buckets * dim);
    if (options.initScale > 0) for (let i = 0; i < this.embedding.length; i++) this.embedding[i] = (this.random() * 2 - 1) * options.initScale;
    this.embeddingAcc = new Float32Array(buckets);
    const inner = hidden || this.width;
    const heScale = Math.sqrt(2 / this.width);
    this.w1 = new Float32Array(this.width * hidden).map(() => (this.random() * 2 - 1) * heScale);
    this.b1 = new Float32Array(hidden);
    this.w2 = new Float32Array(inner * outputs).map(() => (this.random() * 2 - 1) * 0.01);
    this.b2 = new Float32Array(outputs);
    this.acc = { w1: new Float32Array(this.w1.length), b1: new Float32Array(hidden), w2: new Float32Array(this.w2.length), b2: new Float32Array(outputs) };
    this.pooled = new Float32Array(this.width);
    this.hiddenOut = new Float32Array(inner);
    this.gradPooled = new Float32Array(this.width);
    this.gradInner = new Float32Array(inner);
    this.logits = new Float32Array(outputs);
  }

  /** One pass over the examples in a seeded random order. */
  epoch(data: PackedExamples): number {
    const order: number[] = [];
    for (let i = 0; i < data.count; i++) for (let r = 0; r < data.repeats[i]; r++) order.push(i);
    shuffleInPlace(order, this.random);
    let loss = 0;
    for (const i of order) loss += this.step(data, i);
    return loss / order.length;
  }

  /** Forward pass of example i; leaves pooled, hiddenOut and logits filled. */
  private forward(data: PackedExamples, example: number): void {
    const { dim, hidden, outputs } = this.shape;
    const pooled = this.pooled;
    pooled.fill(0);
    for (let k = data.offsets[example]; k < data.offsets[example + 1]; k++) {
      const row = data.ids[k] * dim;
      const base = data.slots[k] * dim;
      const w = data.pool[k];
      for (let d = 0; d < dim; d++) pooled[base + d] += w * this.embedding[row + d];
    }
    let inner: Float32Array = pooled;
    if (hidden > 0) {
      const h = this.hiddenOut;
      h.set(this.b1);
      for (let i = 0; i < this.width; i++) {
        const x = pooled[i];
        if (x === 0) continue;
        const row = i * hidden;
        for (let j = 0; j < hidden; j++) h[j] += x * this.w1[row + j];
      }
      for (let j = 0; j < hidden; j++) if (h[j] < 0) h[j] = 0;
      inner = h;
    } else {
      this.hiddenOut.set(pooled);
    }
    const out = this.logits;
    out.set(this.b2);
    for (let j = 0; j < inner.length; j++) {
      const x = inner[j];
      if (x === 0) continue;
      const row = j * outputs;
      for (let o = 0; o < outputs; o++) out[o] += x * this.w2[row + o];
    }
  }

  private adagrad(params: Float32Array, acc: Float32Array, index: number, g: number): void {
    acc[index] += g * g;
    params[index] -= (this.options.learningRate * g) / Math.sqrt(acc[index] + EPSILON);
  }

  private step(data: PackedExamples, example: number): number {
    const { dim, hidden, outputs } = this.shape;
    if (data.offsets[example + 1] === data.offsets[example]) return 0;
    this.forward(data, example);
    const gradOut = this.logits;
    const weight = data.weights[example];
    const targetBase = example * outputs;
    let loss = 0;
    let any = false;
    for (let o = 0; o < outputs; o++) {
      const y = data.targets[targetBase + o];
      if (y < 0) {
        gradOut[o] = 0;
        continue;
      }
      const p = 1 / (1 + Math.exp(-gradOut[o]));
      loss -= weight * (y === 1 ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12));
      gradOut[o] = (p - y) * weight;
      any = true;
    }
    if (!any) return 0;
    const inner = this.hiddenOut;
    const innerSize = inner.length;
    // Gradient w.r.t. the inner representation, taken before W2 moves.
    const gradInner = this.gradInner;
    for (let j = 0; j < innerSize; j++) {
      let g = 0;
      const row = j * outputs;
      for (let o = 0; o < outputs; o++) g += this.w2[row + o] * gradOut[o];
      gradInner[j] = hidden > 0 && inner[j] <= 0 ? 0 : g;
    }
    for (let j = 0; j < innerSize; j++) {
      const x = inner[j];
      if (x === 0) continue;
      const row = j * outputs;
      for (let o = 0; o < outputs; o++) if (gradOut[o] !== 0) this.adagrad(this.w2, this.acc.w2, row + o, x * gradOut[o]);
    }
    for (let o = 0; o < outputs; o++) if (gradOut[o] !== 0) this.adagrad(this.b2, this.acc.b2, o, gradOut[o]);
    const gradPooled = this.gradPooled;
    if (hidden > 0) {
      for (let i = 0; i < this.width; i++) {
        const x = this.pooled[i];
        const row = i * hidden;
        let g = 0;
        for (let j = 0; j < hidden; j++) {
          const gj = gradInner[j];
          if (gj === 0) continue;
          g += this.w1[row + j] * gj;
          if (x !== 0) this.adagrad(this.w1, this.acc.w1, row + j, x * gj);
        }
        gradPooled[i] = g;
      }
      for (let j = 0; j < hidden; j++) if (gradInner[j] !== 0) this.adagrad(this.b1, this.acc.b1, j, gradInner[j]);
    } else {
      gradPooled.set(gradInner);
    }
    // Row-wise AdaGrad: one accumulator per embedding row keeps memory at one float per bucket.
    const lr = this.options.learningRate;
    for (let k = data.offsets[example]; k < data.offsets[example + 1]; k++) {
      const id = data.ids[k];
      const base = data.slots[k] * dim;
      const w = data.pool[k];
      let squared = 0;
      for (let d = 0; d < dim; d++) squared += (w * gradPooled[base + d]) ** 2;
      this.embeddingAcc[id] += squared / dim;
      const step = (lr * w) / Math.sqrt(this.embeddingAcc[id] + EPSILON);
      const row = id * dim;
      for (let d = 0; d < dim; d++) this.embedding[row + d] -= step * gradPooled[base + d];
    }
    return loss;
  }

  /** Scores (probabilities) of the float model, for validation during training. */
  predict(data: PackedExamples): Float32Array {
    const { outputs } = this.shape;
    const result = new Float32Array(data.count * outputs);
    for (let i = 0; i < data.count; i++) {
      this.forward(data, i);
      for (let o = 0; o < outputs; o++) result[i * outputs + o] = 1 / (1 + Math.exp(-this.logits[o]));
    }
    return result;
  }

  snapshot(): Float32Array[] {
    return [this.embedding, this.w1, this.b1, this.w2, this.b2].map((a) => a.slice());
  }

  restore(saved: Float32Array[]): void {
    [this.embedding, this.w1, this.b1, this.w2, this.b2].forEach((a, i) => a.set(saved[i]));
  }

  /**
   * Int8 weights for export. Embedding values are clipped at `clipQuantile` of |value| so a
   * few outliers do not waste the 8-bit range.
   */
  quantized(clipQuantile = 0.9999): NetworkWeights {
    const magnitudes = new Float32Array(this.embedding.length);
    for (let i = 0; i < magnitudes.length; i++) magnitudes[i] = Math.abs(this.embedding[i]);
    magnitudes.sort();
    const clip = magnitudes[Math.min(magnitudes.length - 1, Math.floor(clipQuantile * magnitudes.length))] || 1;
    const scale = clip / 127;
    const embedding = new Int8Array(this.embedding.length);
    for (let i = 0; i < embedding.length; i++) embedding[i] = Math.max(-127, Math.min(127, Math.round(this.embedding[i] / scale)));
    return {
      shape: { ...this.shape },
      embedding,
      embeddingScale: Math.fround(scale),
      w1: this.w1.slice(),
      b1: this.b1.slice(),
      w2: this.w2.slice(),
      b2: this.b2.slice(),
    };
  }
}
