// The one place features are made, for training (scripts/train.ts) and inference (browser,
// Node): hashed word uni/bigrams, hashed character n-grams inside words, and a few shape cues.
import { tokenize, type Token } from './text';

export interface FeatureConfig {
  /** log2 of the number of hash buckets (embedding rows). */
  hashBits: number;
  charMin: number;
  charMax: number;
  /** Features kept per text; the rest are dropped so cost stays bounded. */
  maxFeatures: number;
}

export const DEFAULT_FEATURES: FeatureConfig = { hashBits: 18, charMin: 3, charMax: 5, maxFeatures: 1024 };

/** Hashed features of one text, plus which token each came from (for leave-one-word-out). */
export interface TextFeatures {
  tokens: Token[];
  ids: Int32Array;
  /** Token index a feature belongs to, -1 for whole-text cues. */
  ownerA: Int32Array;
  /** Second owner for bigrams, else -1. */
  ownerB: Int32Array;
  /** Which bag (Slot) each feature is pooled in. */
  slots: Uint8Array;
}

/**
 * Features are pooled in separate bags so that the ~200 character n-grams of a sentence do not
 * drown its ~25 words: each text bag is averaged, cues are summed.
 */
export const Slot = { Word: 0, Bigram: 1, Char: 2, Cue: 3 } as const;
export type Slot = (typeof Slot)[keyof typeof Slot];
export const SLOT_COUNT = 4;
/** Slots whose bag is averaged; the others are summed. */
export const MEAN_SLOTS: readonly Slot[] = [Slot.Word, Slot.Bigram, Slot.Char];

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// A different starting state per feature kind keeps "the" the word and "the" the trigram apart.
const SEED_WORD = fnvString(FNV_OFFSET, 'w\u0000');
const SEED_BIGRAM = fnvString(FNV_OFFSET, 'b\u0000');
const SEED_CHAR = fnvString(FNV_OFFSET, 'c\u0000');
const SEED_SHAPE = fnvString(FNV_OFFSET, 's\u0000');

function fnvString(state: number, text: string): number {
  let h = state;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

function finish(h: number): number {
  // Final avalanche (murmur3 fmix32) so low bits are usable as bucket indices.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

class FeatureSink {
  readonly ids: Int32Array;
  readonly ownerA: Int32Array;
  readonly ownerB: Int32Array;
  readonly slots: Uint8Array;
  length = 0;
  constructor(readonly mask: number, readonly limit: number) {
    this.ids = new Int32Array(limit);
    this.ownerA = new Int32Array(limit);
    this.ownerB = new Int32Array(limit);
    this.slots = new Uint8Array(limit);
  }
  get full(): boolean {
    return this.length >= this.limit;
  }
  add(slot: Slot, hash: number, a: number, b = -1): void {
    if (this.length >= this.limit) return;
    const i = this.length++;
    this.slots[i] = slot;
    this.ids[i] = finish(hash) & this.mask;
    this.ownerA[i] = a;
    this.ownerB[i] = b;
  }
}

function addCharNgrams(sink: FeatureSink, word: string, tokenIndex: number, config: FeatureConfig): void {
  const padded = `<${word}>`;
  for (let start = 0; start < padded.length && !sink.full; start++) {
    let h = SEED_CHAR;
    for (let n = 1; n <= config.charMax && start + n <= padded.length; n++) {
      h = Math.imul(h ^ padded.charCodeAt(start + n - 1), FNV_PRIME);
      // The whole padded word is already the unigram feature.
      if (n >= config.charMin && !(start === 0 && n === padded.length)) sink.add(Slot.Char, h, tokenIndex);
    }
  }
}

const UPPER_WORD = /^\p{Lu}[\p{Lu}\p{N}'’-]+$/u;
const STARTS_WITH_DIGIT = /^\p{N}/u;

const QUOTE_MARK = /["“”«»„]/;
const DIGIT = /\p{N}/u;
const STARTS_LOWER = /^\s*[^\p{Lu}]/u;
const CAPITALISED = /^\p{Lu}/u;

/** Whole-text cues (summed, not averaged): length, punctuation and capitalisation, which carry tone and headline style. */
function shapeCues(tokens: Token[], text: string): string[] {
  const cues = [`len:${Math.min(7, Math.floor(Math.log2(tokens.length + 1)))}`];
  if (tokens.length > 0 && STARTS_WITH_DIGIT.test(tokens[0].raw)) cues.push('starts-with-number');
  if (text.includes('!')) cues.push('exclamation');
  if (text.includes('?')) cues.push('question');
  if (QUOTE_MARK.test(text)) cues.push('quote');
  if (DIGIT.test(text)) cues.push('digit');
  if (STARTS_LOWER.test(text)) cues.push('lower-start');
  let capitalised = 0;
  for (const token of tokens) if (CAPITALISED.test(token.raw)) capitalised++;
  cues.push(`capitalised:${Math.min(4, Math.floor((capitalised / Math.max(1, tokens.length)) * 5))}`);
  return cues;
}

/** The bucket of a normalised word's unigram feature (e.g. to seed it with a pretrained vector). */
export function wordBucket(norm: string, config: FeatureConfig = DEFAULT_FEATURES): number {
  return finish(fnvString(SEED_WORD, norm)) & ((1 << config.hashBits) - 1);
}

// One scratch buffer reused by every call (extraction is synchronous): allocating it per
// sentence made garbage collection a third of a large page's analysis time.
let scratch = new FeatureSink(0, 0);
function scratchSink(config: FeatureConfig): FeatureSink {
  const mask = (1 << config.hashBits) - 1;
  if (scratch.mask !== mask || scratch.limit !== config.maxFeatures) scratch = new FeatureSink(mask, config.maxFeatures);
  scratch.length = 0;
  return scratch;
}

/** Features of a text; `tokens` lets callers reuse a tokenisation they already have. */
export function extractFeatures(text: string, config: FeatureConfig = DEFAULT_FEATURES, tokens = tokenize(text)): TextFeatures {
  const sink = scratchSink(config);
  for (const cue of shapeCues(tokens, text)) sink.add(Slot.Cue, fnvString(SEED_SHAPE, cue), -1);
  for (let i = 0; i < tokens.length && !sink.full; i++) {
    const word = fnvString(SEED_WORD, tokens[i].norm);
    sink.add(Slot.Word, word, i);
    if (UPPER_WORD.test(tokens[i].raw)) sink.add(Slot.Cue, fnvString(SEED_SHAPE, 'caps'), i);
    if (i + 1 < tokens.length) sink.add(Slot.Bigram, fnvString(fnvString(SEED_BIGRAM, tokens[i].norm), `\u0000${tokens[i + 1].norm}`), i, i + 1);
    addCharNgrams(sink, tokens[i].norm, i, config);
  }
  const n = sink.length;
  return { tokens, ids: sink.ids.slice(0, n), ownerA: sink.ownerA.slice(0, n), ownerB: sink.ownerB.slice(0, n), slots: sink.slots.slice(0, n) };
}

/** The features of the text with every feature owned by token `tokenIndex` removed. */
export function withoutToken(features: TextFeatures, tokenIndex: number): TextFeatures {
  const keep = (_: unknown, i: number) => features.ownerA[i] !== tokenIndex && features.ownerB[i] !== tokenIndex;
  return {
    tokens: features.tokens,
    ids: features.ids.filter(keep),
    ownerA: features.ownerA.filter(keep),
    ownerB: features.ownerB.filter(keep),
    slots: features.slots.filter(keep),
  };
}

/**
 * Pooling weight of each feature: 1/(features in its slot) for averaged slots, 1 for summed
 * ones. The network's input is sum(weight * embedding) per slot.
 */
export function poolingWeights(slots: ArrayLike<number>): Float32Array {
  const weights = new Float32Array(slots.length);
  const perSlot = slotWeights(slots);
  for (let i = 0; i < slots.length; i++) weights[i] = perSlot[slots[i]];
  return weights;
}

const IS_MEAN_SLOT = Array.from({ length: SLOT_COUNT }, (_, slot) => MEAN_SLOTS.includes(slot as Slot));

/** The pooling weight each slot gives its features in this text (reused buffer: read it at once). */
const slotWeightBuffer = new Float32Array(SLOT_COUNT);
export function slotWeights(slots: ArrayLike<number>): Float32Array {
  slotWeightBuffer.fill(0);
  for (let i = 0; i < slots.length; i++) slotWeightBuffer[slots[i]]++;
  for (let slot = 0; slot < SLOT_COUNT; slot++) slotWeightBuffer[slot] = IS_MEAN_SLOT[slot] ? 1 / (slotWeightBuffer[slot] || 1) : 1;
  return slotWeightBuffer;
}
