import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFeatures, SLOT_COUNT, Slot, withoutToken, type FeatureConfig } from '../../model/features';
import { forwardScores, type NetworkInput, type NetworkShape, type NetworkWeights } from '../../model/network';
import { exportOnnx } from '../../model/onnx-export';
import { loadNodeClassifier } from '../../model/ort-node';
import type { Classifier } from '../../model/runtime';

const FEATURES: FeatureConfig = { hashBits: 12, charMin: 3, charMax: 5, maxFeatures: 1024 };
const TOLERANCE = 1e-4;
const NO_FEATURES: NetworkInput = { ids: new Int32Array(0), slots: new Uint8Array(0) };

/** mulberry32: small seeded PRNG so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomWeights(shape: NetworkShape, seed: number): NetworkWeights {
  const random = prng(seed);
  const uniform = (n: number, scale: number) => Float32Array.from({ length: n }, () => (random() * 2 - 1) * scale);
  const pooledWidth = shape.slots * shape.dim;
  const headIn = shape.hidden || pooledWidth;
  return {
    shape,
    embedding: Int8Array.from({ length: shape.buckets * shape.dim }, () => Math.floor(random() * 255) - 127),
    // Small enough that the summed cue slot does not saturate the sigmoids.
    embeddingScale: 0.01,
    w1: uniform(pooledWidth * shape.hidden, 1 / Math.sqrt(pooledWidth)),
    b1: uniform(shape.hidden, 0.5),
    w2: uniform(headIn * shape.outputs, 2 / Math.sqrt(headIn)),
    b2: uniform(shape.outputs, 0.5),
  };
}

const VOCABULARY = (
  'the a government officials said shocking truth they never want you to know about economy ' +
  'crisis experts warn millions people must act now before it is too late report shows ' +
  'clearly obviously everyone knows enemy traitors destroy our nation freedom forever'
).split(' ');

const EDGE_CASES = [
  '',
  '   ',
  '!!!',
  'Word',
  'BREAKING',
  '2024 was the year everything changed',
  'Это просто невероятно, они лгут вам!',
  'Le gouvernement ment — c’est évident.',
  '他们不想让你知道真相',
  'Mixed 混合 scripts смешанные نصوص together',
  'You won’t believe this 😱🔥🔥 #shocking',
  'zero\u200bwidth soft\u00adhyphen',
  Array.from({ length: 400 }, (_, i) => VOCABULARY[(i * 7) % VOCABULARY.length]).join(' '),
];

function generatedTexts(count: number, seed: number): string[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: 1 + Math.floor(random() * 40) }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]);
    if (random() < 0.2) words[0] = words[0].toUpperCase();
    return `${words.join(' ')}${random() < 0.5 ? '.' : '!'}`;
  });
}

/**
 * Generated sentences with the edge cases scattered through them (so rows of very different
 * lengths share a batch), plus leave-one-word-out variants and featureless rows.
 */
function testBatch(): NetworkInput[] {
  const texts = generatedTexts(400, 7);
  EDGE_CASES.forEach((text, i) => texts.splice(i * 29, 0, text));
  const batch: NetworkInput[] = texts.map((text) => extractFeatures(text, FEATURES));
  const word = extractFeatures('Officials', FEATURES);
  const sentence = extractFeatures('They never want you to know the TRUTH', FEATURES);
  // Every text gets a length cue, so featureless and cue-only rows only come from callers.
  batch.splice(5, 0, NO_FEATURES, withoutToken(word, 0), withoutToken(sentence, 6));
  batch.splice(300, 0, NO_FEATURES, withoutToken(sentence, 0));
  return batch;
}

function expectMatchesReference(weights: NetworkWeights, batch: readonly NetworkInput[], scores: Float32Array[]): void {
  expect(scores).toHaveLength(batch.length);
  let worst = 0;
  batch.forEach((input, i) => {
    const expected = forwardScores(weights, input);
    expect(scores[i]).toHaveLength(expected.length);
    for (let o = 0; o < expected.length; o++) worst = Math.max(worst, Math.abs(scores[i][o] - expected[o]));
  });
  expect(worst).toBeLessThan(TOLERANCE);
}

describe.each([
  { name: 'with hidden layer', shape: { buckets: 1 << 12, dim: 16, slots: SLOT_COUNT, hidden: 32, outputs: 26 } },
  { name: 'without hidden layer', shape: { buckets: 1 << 12, dim: 16, slots: SLOT_COUNT, hidden: 0, outputs: 26 } },
])('exported ONNX model $name', ({ shape }) => {
  const weights = randomWeights(shape, 42);
  const batch = testBatch();
  let classifier: Classifier;

  beforeAll(async () => {
    classifier = await loadNodeClassifier(exportOnnx(weights, 'test model'));
  });
  afterAll(async () => {
    await classifier?.dispose();
  });

  it('reports its output count', () => {
    expect(classifier.outputs).toBe(shape.outputs);
  });

  it('matches forwardScores on a mixed batch, including featureless and very long texts', async () => {
    const lengths = batch.map((input) => input.ids.length);
    expect(lengths).toContain(0);
    expect(Math.max(...lengths)).toBe(FEATURES.maxFeatures);
    expect(new Set(batch.flatMap((input) => Array.from(input.slots))).size).toBe(SLOT_COUNT);
    expectMatchesReference(weights, batch, await classifier.score(batch));
  });

  it('returns results in input order across chunks and concurrent calls', async () => {
    const reversed = [...batch].reverse();
    const [forward, backward, single] = await Promise.all([
      classifier.score(batch),
      classifier.score(reversed),
      classifier.score([batch[3]]),
    ]);
    expectMatchesReference(weights, batch, forward);
    expectMatchesReference(weights, reversed, backward);
    expectMatchesReference(weights, [batch[3]], single);
  });

  it('scores a batch of only featureless texts', async () => {
    const featureless = [NO_FEATURES, { ids: [], slots: [] }];
    expectMatchesReference(weights, featureless, await classifier.score(featureless));
  });

  it('returns [] for an empty batch', async () => {
    expect(await classifier.score([])).toEqual([]);
  });
});

describe('exportOnnx', () => {
  it('is deterministic', () => {
    const weights = randomWeights({ buckets: 1 << 10, dim: 8, slots: SLOT_COUNT, hidden: 16, outputs: 5 }, 1);
    const copy: NetworkWeights = {
      ...weights,
      shape: { ...weights.shape },
      embedding: weights.embedding.slice(),
      w1: weights.w1.slice(),
      b1: weights.b1.slice(),
      w2: weights.w2.slice(),
      b2: weights.b2.slice(),
    };
    const first = exportOnnx(weights, 'doc');
    expect(first).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(exportOnnx(weights, 'doc')).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(exportOnnx(copy, 'doc')).equals(Buffer.from(first))).toBe(true);
  });

  it('rejects weights that do not fit the shape', () => {
    const weights = randomWeights({ buckets: 16, dim: 4, slots: SLOT_COUNT, hidden: 0, outputs: 3 }, 2);
    expect(() => exportOnnx({ ...weights, w2: new Float32Array(5) })).toThrow(/w2/);
  });
});

describe('Classifier errors', () => {
  const weights = randomWeights({ buckets: 64, dim: 4, slots: SLOT_COUNT, hidden: 0, outputs: 3 }, 4);
  const input = (...ids: number[]): NetworkInput => ({ ids, slots: ids.map(() => Slot.Word) });

  it('rejects only the call whose run fails, and keeps working', async () => {
    const classifier = await loadNodeClassifier(exportOnnx(weights));
    const [bad, good] = await Promise.allSettled([classifier.score([input(64)]), classifier.score([input(63)])]);
    expect(bad.status).toBe('rejected');
    expect(good.status).toBe('fulfilled');
    expectMatchesReference(weights, [input(5)], await classifier.score([input(5)]));
    await classifier.dispose();
  });

  it('rejects malformed inputs', async () => {
    const classifier = await loadNodeClassifier(exportOnnx(weights));
    await expect(classifier.score([{ ids: [1, 2], slots: [Slot.Word] }])).rejects.toThrow(/differ/);
    await expect(classifier.score([{ ids: [1], slots: [SLOT_COUNT] }])).rejects.toThrow(/slot/);
    await classifier.dispose();
  });
});

describe('Classifier.dispose', () => {
  it('lets started calls finish, then rejects new ones', async () => {
    const weights = randomWeights({ buckets: 64, dim: 4, slots: SLOT_COUNT, hidden: 8, outputs: 3 }, 3);
    const classifier = await loadNodeClassifier(exportOnnx(weights));
    const input: NetworkInput = { ids: [1, 2, 3], slots: [Slot.Word, Slot.Char, Slot.Cue] };
    const pending = classifier.score([input]);
    await classifier.dispose();
    expectMatchesReference(weights, [input], await pending);
    await expect(classifier.score([input])).rejects.toThrow(/disposed/);
    await expect(classifier.dispose()).resolves.toBeUndefined();
  });
});
