// Turns examples into the flat arrays the trainer reads.
import { extractFeatures, poolingWeights, type FeatureConfig } from '../../model/features';
import { LABELS } from '../../model/labels';
import type { Example } from './datasets';
import type { PackedExamples } from './trainer';

export function packExamples(examples: Example[], features: FeatureConfig, repeatsOf: (e: Example) => number = () => 1): PackedExamples {
  const idChunks: Int32Array[] = [];
  const slotChunks: Uint8Array[] = [];
  const offsets = new Int32Array(examples.length + 1);
  const targets = new Int8Array(examples.length * LABELS.length);
  const weights = new Float32Array(examples.length).fill(1);
  const repeats = new Uint8Array(examples.length);
  let total = 0;
  examples.forEach((example, i) => {
    const { ids, slots } = extractFeatures(example.text, features);
    idChunks.push(ids);
    slotChunks.push(slots);
    total += ids.length;
    offsets[i + 1] = total;
    targets.set(example.targets, i * LABELS.length);
    repeats[i] = repeatsOf(example);
  });
  const ids = new Int32Array(total);
  const slots = new Uint8Array(total);
  const pool = new Float32Array(total);
  idChunks.forEach((chunk, i) => {
    ids.set(chunk, offsets[i]);
    slots.set(slotChunks[i], offsets[i]);
    pool.set(poolingWeights(slotChunks[i]), offsets[i]);
  });
  return { ids, slots, pool, offsets, targets, weights, repeats, count: examples.length };
}
