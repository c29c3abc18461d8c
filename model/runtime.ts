// Runs an exported classifier (model/onnx-export.ts) with ONNX Runtime. The only module that
// touches ONNX Runtime; it takes the `ort` namespace as a parameter because the extension imports
// `onnxruntime-web/wasm` and Node imports bare `onnxruntime-web` (see model/ort-node.ts).
import { SLOT_COUNT, slotWeights } from './features';
import type { NetworkInput } from './network';

// The graph's input/output names. Defined here rather than in onnx-export.ts so the extension
// bundle does not pull in protobufjs.
export const INPUT_IDS = 'ids';
export const INPUT_POOLING = 'pooling';
export const OUTPUT_SCORES = 'scores';

export interface OrtTensorLike {
  readonly data: unknown;
}

type ValueMetadataLike =
  | { readonly name: string; readonly isTensor: false }
  | { readonly name: string; readonly isTensor: true; readonly shape: ReadonlyArray<number | string> };

export interface OrtSessionLike {
  readonly inputMetadata: readonly ValueMetadataLike[];
  readonly outputMetadata: readonly ValueMetadataLike[];
  run(feeds: Record<string, OrtTensorLike>): Promise<Record<string, OrtTensorLike>>;
  release(): Promise<void>;
}

/** The parts of the onnxruntime-web namespace used here; both import flavours satisfy it. */
export interface OrtLike {
  InferenceSession: {
    create(
      model: Uint8Array,
      options?: { graphOptimizationLevel?: 'all'; executionProviders?: readonly 'wasm'[] },
    ): Promise<OrtSessionLike>;
  };
  Tensor: new (type: 'int32' | 'float32', data: Int32Array | Float32Array, dims: readonly number[]) => OrtTensorLike;
}

export interface Classifier {
  /** Probabilities per text. */
  readonly outputs: number;
  /** One probability array per text, in input order. TextFeatures fit NetworkInput. */
  score(batch: readonly NetworkInput[]): Promise<Float32Array[]>;
  /** Releases the session once calls already started have finished; later `score` calls reject. */
  dispose(): Promise<void>;
}

/** Rows per session run: bounds the padded tensor size for big batches. */
const CHUNK_ROWS = 256;

/** Size of a fixed (non-symbolic) dimension of a named input or output. */
function fixedDim(metadata: readonly ValueMetadataLike[], name: string, axis: number): number | undefined {
  const value = metadata.find((m) => m.name === name);
  const dim = value?.isTensor ? value.shape[axis] : undefined;
  return typeof dim === 'number' ? dim : undefined;
}

/** Output and slot counts of an exported classifier, or undefined if the session is something else. */
function classifierDims(session: OrtSessionLike): { outputCount: number; slotCount: number } | undefined {
  const outputCount = fixedDim(session.outputMetadata, OUTPUT_SCORES, 1);
  const slotCount = fixedDim(session.inputMetadata, INPUT_POOLING, 1);
  const hasIds = session.inputMetadata.some((m) => m.name === INPUT_IDS);
  return outputCount !== undefined && slotCount !== undefined && hasIds ? { outputCount, slotCount } : undefined;
}

export async function loadClassifier(ort: OrtLike, modelBytes: Uint8Array): Promise<Classifier> {
  const session = await ort.InferenceSession.create(modelBytes, {
    graphOptimizationLevel: 'all',
    executionProviders: ['wasm'],
  });
  const dims = classifierDims(session);
  if (!dims) {
    await session.release();
    throw new Error('not an exported classifier: expected inputs ids, pooling [batch, slots, length] and output scores [batch, outputs]');
  }
  const { outputCount, slotCount } = dims;

  // Sessions are not re-entrant: every run waits for the previous one.
  let tail: Promise<unknown> = Promise.resolve();
  const serialise = <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };

  // Input buffers reused from one run to the next (runs are serialised and ORT copies the inputs
  // into WASM memory when a run starts): a fresh zeroed pooling tensor per chunk of 256 rows was a
  // megabyte of garbage, and collecting it a tenth of the classifier's time.
  let idsBuffer = new Int32Array(0);
  let poolingBuffer = new Float32Array(0);

  function feedsFor(rows: readonly NetworkInput[]): Record<string, OrtTensorLike> {
    // Chunks are length-sorted by scoreAll, so little padding is wasted.
    const length = Math.max(1, ...rows.map((r) => r.ids.length));
    const idsSize = rows.length * length;
    const poolingSize = idsSize * slotCount;
    if (idsBuffer.length < idsSize) idsBuffer = new Int32Array(idsSize);
    if (poolingBuffer.length < poolingSize) poolingBuffer = new Float32Array(poolingSize);
    const ids = idsBuffer.subarray(0, idsSize);
    const pooling = poolingBuffer.subarray(0, poolingSize);
    ids.fill(0);
    pooling.fill(0);
    rows.forEach((row, r) => {
      if (row.slots.length !== row.ids.length) throw new Error('ids and slots differ in length');
      ids.set(row.ids, r * length);
      const weights = slotWeights(row.slots);
      for (let i = 0; i < row.slots.length; i++) {
        const slot = row.slots[i];
        if (!(slot >= 0 && slot < slotCount && slot < SLOT_COUNT)) throw new Error(`slot ${slot} outside the model's ${slotCount} slots`);
        pooling[(r * slotCount + slot) * length + i] = weights[slot];
      }
    });
    return {
      [INPUT_IDS]: new ort.Tensor('int32', ids, [rows.length, length]),
      [INPUT_POOLING]: new ort.Tensor('float32', pooling, [rows.length, slotCount, length]),
    };
  }

  async function runChunk(rows: readonly NetworkInput[]): Promise<Float32Array> {
    // Built inside the serialised task: the buffers are shared by every call.
    const result = await serialise(() => session.run(feedsFor(rows)));
    // Outputs of the wasm backend are plain CPU tensors: nothing to dispose.
    const scores = result[OUTPUT_SCORES]?.data;
    if (!(scores instanceof Float32Array)) throw new Error('unexpected output from classifier');
    return scores;
  }

  async function scoreAll(batch: readonly NetworkInput[]): Promise<Float32Array[]> {
    // Similar lengths share a chunk, so little of each padded tensor is padding.
    const order = batch.map((_, i) => i).sort((a, b) => batch[a].ids.length - batch[b].ids.length);
    const results = new Array<Float32Array>(batch.length);
    for (let start = 0; start < order.length; start += CHUNK_ROWS) {
      const chunk = order.slice(start, start + CHUNK_ROWS);
      // Chunks queue one at a time, so another caller's small batch can run in between.
      const data = await runChunk(chunk.map((i) => batch[i]));
      chunk.forEach((original, r) => {
        results[original] = data.slice(r * outputCount, (r + 1) * outputCount);
      });
    }
    return results;
  }

  let disposed = false;
  const inFlight = new Set<Promise<unknown>>();
  return {
    outputs: outputCount,
    score(batch) {
      if (disposed) return Promise.reject(new Error('classifier disposed'));
      const scored = scoreAll(batch);
      inFlight.add(scored);
      const forget = () => inFlight.delete(scored);
      scored.then(forget, forget);
      return scored;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      // Calls already started finish (all their chunks) before the session goes away.
      await Promise.allSettled(inFlight);
      await serialise(() => session.release());
    },
  };
}
