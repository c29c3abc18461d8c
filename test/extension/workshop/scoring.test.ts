// Scoring a round against the author's key, and the session score in sessionStorage.
import { describe, expect, it } from 'vitest';
import { addRound, EMPTY_SESSION, loadSession, saveSession, scoreRound } from '../../../extension/workshop/scoring';

const item = (marked: boolean, keyed: boolean, flagged = false) => ({ marked, keyed, flagged });

describe('scoreRound', () => {
  it('counts marks that agree with the key, found techniques, false marks and Unspin’s agreement', () => {
    const score = scoreRound([item(true, true, true), item(false, true, true), item(true, false, false), item(false, false, true), item(false, false, false)]);
    expect(score).toMatchObject({ correct: 3, total: 5, found: 1, keyed: 2, marked: 2, falseMarks: 1, unspinCorrect: 4 });
    expect(score.precision).toBe(0.5);
    expect(score.recall).toBe(0.5);
  });

  it('is perfect for the exact key and handles empty marks and empty keys', () => {
    expect(scoreRound([item(true, true), item(false, false)]).correct).toBe(2);
    expect(scoreRound([item(false, false), item(false, false)])).toMatchObject({ correct: 2, precision: 1, recall: 1 });
    expect(scoreRound([item(false, true)])).toMatchObject({ correct: 0, precision: 0, recall: 0 });
    expect(scoreRound([])).toMatchObject({ correct: 0, total: 0 });
  });
});

describe('session score', () => {
  it('adds each article once', () => {
    const round = scoreRound([item(true, true), item(true, false)]);
    const one = addRound(EMPTY_SESSION, 'a', round);
    expect(one).toEqual({ rounds: 1, correct: 1, total: 2, articles: ['a'] });
    expect(addRound(one, 'a', round)).toBe(one);
    expect(addRound(one, 'b', round)).toEqual({ rounds: 2, correct: 2, total: 4, articles: ['a', 'b'] });
  });

  it('round-trips through storage and survives junk or a missing storage', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const session = { rounds: 2, correct: 9, total: 14, articles: ['x', 'y'] };
    saveSession(storage, session);
    expect(loadSession(storage)).toEqual(session);
    store.set([...store.keys()][0], '{not json');
    expect(loadSession(storage)).toEqual(EMPTY_SESSION);
    store.set([...store.keys()][0], JSON.stringify({ rounds: -1, correct: 5, total: 2, articles: [3] }));
    expect(loadSession(storage)).toEqual(EMPTY_SESSION);
    expect(loadSession(undefined)).toEqual(EMPTY_SESSION);
    expect(() => saveSession({ setItem: () => { throw new Error('full'); } }, session)).not.toThrow();
  });
});
