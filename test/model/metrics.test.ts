// model/metrics.ts: counts, derived metrics and the F1-optimal threshold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCounts, bestF1Threshold, countBinary, metricsOf } from '../../model/metrics';

function f1At(scores: number[], gold: number[], threshold: number): number {
  return metricsOf(countBinary(scores, gold, threshold)).f1;
}

describe('countBinary', () => {
  it('counts a hand-made case, with a score equal to the threshold predicted positive', () => {
    const scores = [0.9, 0.6, 0.5, 0.4, 0.2, 0.1];
    const gold = [1, 0, 1, 1, 0, 0];
    expect(countBinary(scores, gold, 0.5)).toEqual({ tp: 2, fp: 1, fn: 1, tn: 2 });
    expect(countBinary(scores, gold, 0)).toEqual({ tp: 3, fp: 3, fn: 0, tn: 0 });
    expect(countBinary(scores, gold, 1)).toEqual({ tp: 0, fp: 0, fn: 3, tn: 3 });
    expect(countBinary([], [], 0.5)).toEqual({ tp: 0, fp: 0, fn: 0, tn: 0 });
  });

  it('treats only gold === 1 as positive and accepts typed arrays', () => {
    expect(countBinary(new Float32Array([0.8, 0.8, 0.8]), new Int8Array([1, -1, 0]), 0.5)).toEqual({ tp: 1, fp: 2, fn: 0, tn: 0 });
  });
});

describe('metricsOf', () => {
  it('computes precision, recall, F1 and accuracy by hand', () => {
    const m = metricsOf({ tp: 2, fp: 1, fn: 1, tn: 2 });
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    expect(m.accuracy).toBeCloseTo(4 / 6, 12);
    expect(m.support).toBe(3);
    expect(m.n).toBe(6);

    const skewed = metricsOf({ tp: 3, fp: 1, fn: 3, tn: 13 });
    expect(skewed.precision).toBeCloseTo(0.75, 12);
    expect(skewed.recall).toBeCloseTo(0.5, 12);
    expect(skewed.f1).toBeCloseTo(0.6, 12);
    expect(skewed.accuracy).toBeCloseTo(0.8, 12);
  });

  it('returns 0 rather than NaN on empty denominators', () => {
    expect(metricsOf({ tp: 0, fp: 0, fn: 0, tn: 0 })).toEqual({ precision: 0, recall: 0, f1: 0, accuracy: 0, support: 0, n: 0 });
    expect(metricsOf({ tp: 0, fp: 0, fn: 4, tn: 1 })).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 4 });
    expect(metricsOf({ tp: 0, fp: 3, fn: 0, tn: 1 })).toMatchObject({ precision: 0, recall: 0, f1: 0, accuracy: 0.25 });
  });

  it('addCounts adds field by field', () => {
    expect(addCounts({ tp: 1, fp: 2, fn: 3, tn: 4 }, { tp: 10, fp: 20, fn: 30, tn: 40 })).toEqual({ tp: 11, fp: 22, fn: 33, tn: 44 });
  });

  it('property: all metrics in [0, 1] and F1 is the harmonic mean', () => {
    const count = fc.nat({ max: 1000 });
    fc.assert(
      fc.property(count, count, count, count, (tp, fp, fn, tn) => {
        const m = metricsOf({ tp, fp, fn, tn });
        for (const v of [m.precision, m.recall, m.f1, m.accuracy]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        if (m.precision + m.recall > 0) expect(m.f1).toBeCloseTo((2 * m.precision * m.recall) / (m.precision + m.recall), 12);
        expect(m.f1).toBeLessThanOrEqual(Math.max(m.precision, m.recall) + 1e-12);
        expect(m.f1).toBeGreaterThanOrEqual(Math.min(m.precision, m.recall) - 1e-12);
      }),
    );
  });
});

describe('bestF1Threshold', () => {
  it('finds the optimal cut of a small example', () => {
    // Cuts after 0.9: F1 2/3; after 0.8: 1/2; after 0.4: 4/5; after 0.3: 2/3; after 0.1: 4/7.
    const scores = [0.1, 0.9, 0.4, 0.3, 0.8];
    const gold = [0, 1, 1, 0, 0];
    const best = bestF1Threshold(scores, gold);
    expect(best.f1).toBeCloseTo(0.8, 12);
    expect(best.threshold).toBeGreaterThan(0.3);
    expect(best.threshold).toBeLessThanOrEqual(0.4);
    expect(f1At(scores, gold, best.threshold)).toBeCloseTo(0.8, 12);
  });

  it('never cuts between equal scores', () => {
    const scores = [0.7, 0.7, 0.7, 0.2];
    const gold = [1, 0, 0, 0];
    const best = bestF1Threshold(scores, gold);
    // The three 0.7s go together: F1 = 2*1/(3+1) = 0.5.
    expect(best.f1).toBeCloseTo(0.5, 12);
    expect(f1At(scores, gold, best.threshold)).toBeCloseTo(0.5, 12);
    expect(best.threshold).toBeGreaterThan(0.2);
    expect(best.threshold).toBeLessThanOrEqual(0.7);
  });

  it('returns the fallback with no positives', () => {
    expect(bestF1Threshold([0.9, 0.1, 0.5], [0, 0, 0])).toEqual({ threshold: 0.5, f1: 0 });
    expect(bestF1Threshold([0.9, 0.1], [0, 0], 0.42)).toEqual({ threshold: 0.42, f1: 0 });
    expect(bestF1Threshold([], [], 0.3)).toEqual({ threshold: 0.3, f1: 0 });
  });

  it('prefers the higher threshold on a tie (fewer flags)', () => {
    // Cut after 0.9 and cut after 0.5 both give F1 = 2/3.
    const scores = [0.9, 0.8, 0.7, 0.5, 0.1];
    const gold = [1, 0, 0, 1, 0];
    const cut1 = f1At(scores, gold, 0.85);
    const cut2 = f1At(scores, gold, 0.3);
    expect(cut1).toBeCloseTo(cut2, 12);
    const best = bestF1Threshold(scores, gold);
    expect(best.threshold).toBeGreaterThan(0.8);
    expect(best.threshold).toBeLessThanOrEqual(0.9);
  });

  it('property: matches a brute-force search over every candidate threshold', () => {
    // Scores on a grid of twentieths, so ties are common and midpoints are exact enough.
    const example = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { minLength: 1, maxLength: 30 })
      .map((rows) => ({ scores: rows.map(([s]) => s / 20), gold: rows.map(([, g]) => (g ? 1 : 0)) }));
    fc.assert(
      fc.property(example, ({ scores, gold }) => {
        const best = bestF1Threshold(scores, gold, 0.5);
        if (!gold.includes(1)) {
          expect(best).toEqual({ threshold: 0.5, f1: 0 });
          return;
        }
        // Candidates: each distinct score (predict it and everything above).
        const candidates = [...new Set(scores)];
        const bruteBest = Math.max(...candidates.map((t) => f1At(scores, gold, t)));
        expect(best.f1).toBeCloseTo(bruteBest, 12);
        // The threshold it returns really achieves that F1...
        expect(f1At(scores, gold, best.threshold)).toBeCloseTo(best.f1, 12);
        // ...and no higher threshold achieving the same F1 flags fewer texts.
        const optimal = candidates.filter((t) => Math.abs(f1At(scores, gold, t) - bruteBest) < 1e-12);
        const highest = Math.max(...optimal);
        expect(countBinary(scores, gold, best.threshold)).toEqual(countBinary(scores, gold, highest));
      }),
      { numRuns: 500 },
    );
  });
});
