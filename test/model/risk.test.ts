// model/risk.ts: page risk from category scores, and its level.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTEXT_WEIGHTS, RISK_LEVELS, claimsConcern, levelOf, ratingConcern, riskOf, sourceConcern } from '../../model/risk';
import type { SourceRating } from '../../model/sources';
import type { CategoryId, CategoryScore } from '../../model/types';

const IDS: CategoryId[] = ['persuasion', 'loaded_language', 'insult', 'clickbait'];
const categories = (...scores: number[]): CategoryScore[] => scores.map((score, i) => ({ id: IDS[i % IDS.length], score, flagged: score > 0 ? 1 : 0 }));

describe('levelOf', () => {
  it('has its boundaries at 25 and 60', () => {
    expect(RISK_LEVELS).toEqual({ some: 25, high: 60 });
    expect(levelOf(0)).toBe('low');
    expect(levelOf(24)).toBe('low');
    expect(levelOf(24.99)).toBe('low');
    expect(levelOf(25)).toBe('some');
    expect(levelOf(59)).toBe('some');
    expect(levelOf(59.99)).toBe('some');
    expect(levelOf(60)).toBe('high');
    expect(levelOf(100)).toBe('high');
  });

  it('is monotone', () => {
    const rank = { low: 0, some: 1, high: 2 } as const;
    for (let r = 1; r <= 100; r++) expect(rank[levelOf(r)]).toBeGreaterThanOrEqual(rank[levelOf(r - 1)]);
  });
});

describe('riskOf', () => {
  it('is 0 and low with no categories', () => {
    expect(riskOf([])).toEqual({ risk: 0, level: 'low' });
  });

  it('is 0 and low when every category is 0', () => {
    expect(riskOf(categories(0, 0, 0))).toEqual({ risk: 0, level: 'low' });
  });

  it('lets one strong category carry the page', () => {
    // 0.7 * 100 + 0.3 * (100 / 3) = 80
    expect(riskOf(categories(100, 0, 0))).toEqual({ risk: 80, level: 'high' });
    // A single category alone: 0.7x + 0.3x = x.
    expect(riskOf(categories(63))).toEqual({ risk: 63, level: 'high' });
    expect(riskOf(categories(40))).toEqual({ risk: 40, level: 'some' });
  });

  it('warns more when several categories agree', () => {
    // 0.7 * 50 + 0.3 * 12.5 = 38.75 -> 39
    expect(riskOf(categories(50, 0, 0, 0))).toEqual({ risk: 39, level: 'some' });
    // 0.7 * 50 + 0.3 * 50 = 50
    expect(riskOf(categories(50, 50, 50, 50))).toEqual({ risk: 50, level: 'some' });
    expect(riskOf(categories(50, 50, 50, 50)).risk).toBeGreaterThan(riskOf(categories(50, 0, 0, 0)).risk);
    // 0.7 * 30 + 0.3 * 20 = 27
    expect(riskOf(categories(30, 20, 10))).toEqual({ risk: 27, level: 'some' });
  });

  it('property: integer in [0, 100], between mean and max, level consistent, monotone in each score', () => {
    const scores = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(scores, fc.nat(), fc.integer({ min: 1, max: 100 }), (values, pick, bump) => {
        const { risk, level } = riskOf(categories(...values));
        expect(Number.isInteger(risk)).toBe(true);
        expect(risk).toBeGreaterThanOrEqual(0);
        expect(risk).toBeLessThanOrEqual(100);
        const max = Math.max(...values);
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        expect(risk).toBeLessThanOrEqual(Math.round(max));
        expect(risk).toBeGreaterThanOrEqual(Math.floor(mean));
        expect(level).toBe(levelOf(risk));
        const raised = [...values];
        const i = pick % raised.length;
        raised[i] = Math.min(100, raised[i] + bump);
        expect(riskOf(categories(...raised)).risk).toBeGreaterThanOrEqual(risk);
      }),
      { numRuns: 500 },
    );
  });
});

describe('context categories', () => {
  const claim = { sentence: { start: 0, end: 1, text: 'x' }, matches: [] };
  const rating = (kind: SourceRating['kind'], value: string | number): SourceRating => ({ list: 'L', kind, listDate: '2020', says: '', value, matched: 'example.com' });

  it('claims: each matched sentence halves the remaining distance to 100', () => {
    expect([0, 1, 2, 3, 10].map((n) => claimsConcern(Array(n).fill(claim)))).toEqual([0, 50, 75, 88, 100]);
  });

  it('source: each list\'s rating maps to a concern, unknown values to none', () => {
    expect(ratingConcern(rating('tags', 'fake, bias'))).toBe(100);
    expect(ratingConcern(rating('tags', 'political, unreliable, bias'))).toBe(60);
    expect(ratingConcern(rating('tags', 'satire'))).toBe(0);
    expect(ratingConcern(rating('tags', 'reliable'))).toBe(0);
    expect(ratingConcern(rating('mbfc', 'very low'))).toBe(100);
    expect(ratingConcern(rating('mbfc', 'low'))).toBe(80);
    expect(ratingConcern(rating('mbfc', 'mixed'))).toBe(50);
    expect(ratingConcern(rating('mbfc', 'high'))).toBe(0);
    expect(ratingConcern(rating('mbfc', 'unheard-of'))).toBeNull();
    expect(ratingConcern(rating('score', 0.2))).toBe(100);
    expect(ratingConcern(rating('score', 0.45))).toBe(50);
    expect(ratingConcern(rating('score', 0.9))).toBe(0);
    expect(ratingConcern(rating('score', Number.NaN))).toBeNull();
  });

  it('source: the mean over the lists that rate the site, since none has the last word', () => {
    const report = (ratings: SourceRating[]) => ({ domain: 'example.com', matchedDomain: 'example.com', ratings });
    expect(sourceConcern(report([rating('tags', 'fake'), rating('mbfc', 'mixed'), rating('score', 0.3)]))).toBe(Math.round((100 + 50 + 80) / 3));
    expect(sourceConcern(report([rating('mbfc', 'unheard-of')]))).toBe(0);
    expect(sourceConcern(report([]))).toBe(0);
  });

  it('a bad source alone gives "some" risk, never "high"; claims count fully', () => {
    const content = categories(0, 0, 0);
    expect(CONTEXT_WEIGHTS).toEqual({ claims: 1, source: 0.5 });
    expect(riskOf([...content, { id: 'source', score: 100, flagged: 3 }])).toEqual({ risk: 35, level: 'some' });
    expect(riskOf([...content, { id: 'claims', score: 88, flagged: 3 }])).toEqual({ risk: 62, level: 'high' });
  });

  it('context takes part in the maximum only: a zero context score changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (values, claimsScore, sourceScore) => {
        const base = riskOf(categories(...values)).risk;
        expect(riskOf([...categories(...values), { id: 'claims', score: 0, flagged: 0 }, { id: 'source', score: 0, flagged: 0 }]).risk).toBe(base);
        const withContext = riskOf([...categories(...values), { id: 'claims', score: claimsScore, flagged: 1 }, { id: 'source', score: sourceScore, flagged: 1 }]).risk;
        expect(withContext).toBeGreaterThanOrEqual(base);
        expect(withContext).toBeLessThanOrEqual(100);
      }),
      { numRuns: 300 },
    );
  });
});
