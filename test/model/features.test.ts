// model/features.ts: hashed features must be deterministic, in range, bounded, and owned by
// the right tokens (evidence relies on withoutToken removing exactly one word's features).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, MEAN_SLOTS, SLOT_COUNT, Slot, extractFeatures, poolingWeights, withoutToken, type FeatureConfig, type TextFeatures } from '../../model/features';
import { tokenize } from '../../model/text';

const SMALL: FeatureConfig = { hashBits: 10, charMin: 3, charMax: 5, maxFeatures: 1024 };

function featureList(f: TextFeatures): { id: number; a: number; b: number; slot: number }[] {
  return Array.from(f.ids, (id, i) => ({ id, a: f.ownerA[i], b: f.ownerB[i], slot: f.slots[i] }));
}

/** The id of token `index`'s unigram feature. */
function wordId(f: TextFeatures, index: number): number {
  const i = featureList(f).findIndex((x) => x.slot === Slot.Word && x.a === index);
  expect(i, `word feature of token ${index}`).toBeGreaterThanOrEqual(0);
  return f.ids[i];
}

/** Character n-grams of a normalised word, as features.ts defines them: padded with < >, n in [charMin, charMax], minus the whole padded word. */
function expectedCharNgrams(norm: string, config: FeatureConfig): number {
  const length = norm.length + 2;
  let count = 0;
  for (let n = config.charMin; n <= config.charMax; n++) count += Math.max(0, length - n + 1);
  if (length >= config.charMin && length <= config.charMax) count--;
  return count;
}

const texts = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.array(fc.constantFrom('The', 'SHOCKING', 'truth', 'they', 'hide', '!', '?', 'café', 'ＨＥＬＬＯ', '中文', 'Привет', '42', 'well-known', 'wo\u200brd', '😀'), { maxLength: 30 }).map((w) => w.join(' ')),
);

describe('extractFeatures', () => {
  it('is deterministic, also across calls with other texts and configs in between', () => {
    const text = 'These corrupt officials are LYING to you about the economy!';
    const first = extractFeatures(text);
    const snapshot = featureList(first);
    // Other calls in between (the extractor reuses a scratch buffer) must not change an earlier result.
    extractFeatures('Something completely different, much longer than the first one, with many other words in it.');
    extractFeatures('short', SMALL);
    extractFeatures('x'.repeat(5000), { ...DEFAULT_FEATURES, maxFeatures: 7 });
    expect(featureList(first)).toEqual(snapshot);
    const second = extractFeatures(text);
    expect(featureList(second)).toEqual(snapshot);
    expect(second.tokens).toEqual(first.tokens);
  });

  it('gives one word feature per token, a bigram per adjacent pair and char n-grams per word', () => {
    const text = 'Cats chase mice';
    const f = extractFeatures(text, SMALL);
    const list = featureList(f);
    const tokens = tokenize(text);
    expect(f.tokens).toEqual(tokens);
    expect(list.filter((x) => x.slot === Slot.Word).map((x) => x.a)).toEqual([0, 1, 2]);
    expect(list.filter((x) => x.slot === Slot.Bigram).map((x) => [x.a, x.b])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    for (let t = 0; t < tokens.length; t++) {
      expect(list.filter((x) => x.slot === Slot.Char && x.a === t)).toHaveLength(expectedCharNgrams(tokens[t].norm, SMALL));
    }
    // Whole-text cues only: length and share of capitalised words; no shouted word, digit or punctuation.
    expect(list.filter((x) => x.slot === Slot.Cue)).toEqual([expect.objectContaining({ a: -1, b: -1 }), expect.objectContaining({ a: -1, b: -1 })]);
  });

  it('adds a caps cue owned by the shouted word and a starts-with-number cue', () => {
    const f = featureList(extractFeatures('10 reasons they are LYING', SMALL));
    const cues = f.filter((x) => x.slot === Slot.Cue);
    // length, starts-with-number, has-a-digit, does-not-start-capitalised, capitalised share
    expect(cues.filter((x) => x.a === -1)).toHaveLength(5);
    expect(cues.filter((x) => x.a === 4)).toHaveLength(1);
    // A single capital is not shouting.
    const single = featureList(extractFeatures('I said A thing', SMALL)).filter((x) => x.slot === Slot.Cue);
    expect(single.filter((x) => x.a >= 0)).toEqual([]);
  });

  it('keeps every id in [0, 2^hashBits)', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 30 }), (text, hashBits) => {
        const f = extractFeatures(text, { ...DEFAULT_FEATURES, hashBits });
        for (const id of f.ids) {
          expect(Number.isInteger(id)).toBe(true);
          expect(id).toBeGreaterThanOrEqual(0);
          expect(id).toBeLessThan(2 ** hashBits);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the parallel arrays consistent and owners pointing at real tokens', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const f = extractFeatures(text, SMALL);
        const n = f.ids.length;
        expect([f.ownerA.length, f.ownerB.length, f.slots.length]).toEqual([n, n, n]);
        for (let i = 0; i < n; i++) {
          expect(f.slots[i]).toBeLessThan(SLOT_COUNT);
          expect(f.ownerA[i]).toBeGreaterThanOrEqual(-1);
          expect(f.ownerA[i]).toBeLessThan(f.tokens.length);
          if (f.ownerA[i] === -1) expect(f.slots[i]).toBe(Slot.Cue);
          if (f.slots[i] === Slot.Bigram) expect(f.ownerB[i]).toBe(f.ownerA[i] + 1);
          else expect(f.ownerB[i]).toBe(-1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('respects maxFeatures for a huge text', () => {
    const huge = Array.from({ length: 50_000 }, (_, i) => `word${i}`).join(' ');
    const f = extractFeatures(huge);
    expect(f.ids.length).toBe(DEFAULT_FEATURES.maxFeatures);
    expect(f.slots.length).toBe(DEFAULT_FEATURES.maxFeatures);
    const tiny = extractFeatures(huge, { ...DEFAULT_FEATURES, maxFeatures: 5 });
    expect(tiny.ids.length).toBe(5);
    // The limit keeps the start of the text: the first features are the same either way.
    expect(Array.from(tiny.ids)).toEqual(Array.from(f.ids.slice(0, 5)));
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 40 }), (text, maxFeatures) => {
        expect(extractFeatures(text, { ...SMALL, maxFeatures }).ids.length).toBeLessThanOrEqual(maxFeatures);
      }),
    );
  });

  it('shares word features across case and width ("ＨＥＬＬＯ", "Hello", "hello")', () => {
    const ids = ['ＨＥＬＬＯ world', 'Hello world', 'hello world', 'HELLO world'].map((t) => extractFeatures(t));
    const words = ids.map((f) => wordId(f, 0));
    expect(new Set(words).size).toBe(1);
    // Char n-grams match as well; only the caps cue tells the shouted forms apart.
    const chars = ids.map((f) => featureList(f).filter((x) => x.slot !== Slot.Cue).map((x) => x.id));
    for (const c of chars) expect(c).toEqual(chars[2]);
  });

  it('ignores zero-width characters inside a word', () => {
    expect(wordId(extractFeatures('wo\u200brd'), 0)).toBe(wordId(extractFeatures('word'), 0));
    expect(wordId(extractFeatures('so\u00adft'), 0)).toBe(wordId(extractFeatures('soft'), 0));
  });

  it('keeps word, bigram and char-gram hashes of the same string apart', () => {
    // "the" as a word and the trigram "the" inside "other" are different features.
    const word = wordId(extractFeatures('the'), 0);
    const other = featureList(extractFeatures('other')).filter((x) => x.slot === Slot.Char).map((x) => x.id);
    expect(other).not.toContain(word);
    // Different words get different ids (no systematic collision).
    const distinct = new Set(['truth', 'lies', 'enemy', 'people', 'crisis', 'nation', 'freedom', 'report'].map((w) => wordId(extractFeatures(w), 0)));
    expect(distinct.size).toBe(8);
  });
});

describe('withoutToken', () => {
  it('removes exactly the features owned by the token, including bigrams touching it', () => {
    const text = 'They are LYING to you';
    const f = extractFeatures(text, SMALL);
    const all = featureList(f);
    const without = withoutToken(f, 2);
    const kept = featureList(without);
    expect(kept).toEqual(all.filter((x) => x.a !== 2 && x.b !== 2));
    const removed = all.length - kept.length;
    // word + caps cue + char n-grams + bigrams (1,2) and (2,3)
    expect(removed).toBe(1 + 1 + expectedCharNgrams('lying', SMALL) + 2);
    expect(kept.some((x) => x.slot === Slot.Bigram && (x.a === 2 || x.b === 2))).toBe(false);
    // Tokens are kept for mapping evidence back; the input is untouched.
    expect(without.tokens).toBe(f.tokens);
    expect(featureList(f)).toEqual(all);
  });

  it('removing the first and last token drops one bigram each', () => {
    const f = extractFeatures('alpha beta gamma', SMALL);
    const bigrams = (g: TextFeatures) => featureList(g).filter((x) => x.slot === Slot.Bigram).length;
    expect(bigrams(f)).toBe(2);
    expect(bigrams(withoutToken(f, 0))).toBe(1);
    expect(bigrams(withoutToken(f, 2))).toBe(1);
    expect(bigrams(withoutToken(f, 1))).toBe(0);
  });

  it('property: keeps whole-text cues and every feature not owned by the token', () => {
    fc.assert(
      fc.property(texts, fc.nat(), (text, pick) => {
        const f = extractFeatures(text, SMALL);
        if (f.tokens.length === 0) return;
        const t = pick % f.tokens.length;
        const kept = featureList(withoutToken(f, t));
        expect(kept).toEqual(featureList(f).filter((x) => x.a !== t && x.b !== t));
        expect(kept.filter((x) => x.a === -1)).toEqual(featureList(f).filter((x) => x.a === -1));
      }),
      { numRuns: 300 },
    );
  });

  it('is a no-op for an index that owns nothing', () => {
    const f = extractFeatures('two words', SMALL);
    expect(featureList(withoutToken(f, 99))).toEqual(featureList(f));
    expect(featureList(withoutToken(f, -5))).toEqual(featureList(f));
  });
});

describe('poolingWeights', () => {
  it('averages word, bigram and char slots and sums cues', () => {
    const slots = [Slot.Cue, Slot.Word, Slot.Word, Slot.Char, Slot.Bigram, Slot.Char, Slot.Char, Slot.Cue, Slot.Word, Slot.Char];
    const w = Array.from(poolingWeights(slots));
    expect(w[0]).toBe(1);
    expect(w[7]).toBe(1);
    expect(w[1]).toBeCloseTo(1 / 3, 6);
    expect(w[4]).toBe(1);
    expect(w[3]).toBeCloseTo(1 / 4, 6);
    expect(poolingWeights([])).toHaveLength(0);
  });

  it('property: weights sum to 1 in each averaged slot present and are 1 for cues', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const f = extractFeatures(text, SMALL);
        const w = poolingWeights(f.slots);
        expect(w.length).toBe(f.slots.length);
        const sums = new Array<number>(SLOT_COUNT).fill(0);
        const counts = new Array<number>(SLOT_COUNT).fill(0);
        f.slots.forEach((slot, i) => {
          sums[slot] += w[i];
          counts[slot]++;
          if (slot === Slot.Cue) expect(w[i]).toBe(1);
        });
        for (const slot of MEAN_SLOTS) if (counts[slot] > 0) expect(sums[slot]).toBeCloseTo(1, 5);
        expect(sums[Slot.Cue]).toBe(counts[Slot.Cue]);
      }),
      { numRuns: 300 },
    );
  });
});
