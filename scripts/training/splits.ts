// Deterministic, leakage-free splits: a group's key and the seed decide its side.
export type Split = 'train' | 'val' | 'test';

/** The seed of the committed model's splits; scripts that read held-out data use it too. */
export const SPLIT_SEED = 13;

export const SPLIT_FRACTIONS = { train: 0.8, val: 0.1 } as const;

function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

export function splitOf(group: string, seed: number): Split {
  const u = hash32(group, seed) / 2 ** 32;
  if (u < SPLIT_FRACTIONS.train) return 'train';
  return u < SPLIT_FRACTIONS.train + SPLIT_FRACTIONS.val ? 'val' : 'test';
}
