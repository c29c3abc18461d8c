import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRewriter, QUOTATION_NOTE, type Rewording } from '../../model/rewording';

const json = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'model', 'artifacts', 'rewording.json'), 'utf8'));
const rewriter = createRewriter(json);
const at = (s: string, ...words: string[]) => words.map((w) => ({ start: s.indexOf(w), end: s.indexOf(w) + w.length }));
function check(s: string, r: Rewording | null) {
  for (const c of r?.changes ?? []) expect(s.slice(c.start, c.end)).toBe(c.from);
  return r;
}

describe('createRewriter', () => {
  it('replaces with matched case', () => {
    const s = 'Senator slammed the plan. Slammed again, the REGIME fell.';
    const r = check(s, rewriter.rewrite(s, [...at(s, 'slammed', 'Slammed'), ...at(s, 'REGIME')]))!;
    expect(r.text).toBe('Senator criticised the plan. Criticised again, the GOVERNMENT fell.');
  });
  it('drops adjectives without double spaces, fixing articles and sentence-start capitals', () => {
    const s = 'Shocking new figures show an outrageous rise in a very disastrous year.';
    const r = check(s, rewriter.rewrite(s, at(s, 'Shocking', 'outrageous', 'disastrous')))!;
    expect(r.text).toBe('New figures show a rise in a year.');
    expect(r.text).not.toMatch(/ {2}| [,.]/);
  });
  it('drops coordinated adjectives together', () => {
    const s = 'It was a vile, disgusting and shocking act.';
    expect(rewriter.rewrite(s, at(s, 'vile', 'disgusting', 'shocking'))!.text).toBe('It was an act.');
  });
  it('leaves predicative adjectives and unknown words alone (null)', () => {
    const s = 'The policy was disastrous.';
    expect(rewriter.rewrite(s, at(s, 'disastrous'))).toBeNull();
    expect(rewriter.rewrite('The senator met voters.', at('The senator met voters.', 'senator'))).toBeNull();
    expect(rewriter.rewrite('Plain text.', [])).toBeNull();
  });
  it('drops so-called before a noun', () => {
    const s = 'The so-called experts disagreed; so called experts too.';
    const r = check(s, rewriter.rewrite(s, [...at(s, 'so-called'), { start: s.indexOf('called experts too') , end: s.indexOf('called experts too') + 6 }]))!;
    expect(r.text).toBe('The experts disagreed; experts too.');
  });
  it('never changes quotations, and says why', () => {
    for (const s of ['He said "the regime slammed us" today.', 'He said “the regime slammed us” today.', "He said 'the regime slammed us' today.", 'Il a dit « the regime slammed » hier.']) {
      const r = rewriter.rewrite(s, at(s, 'slammed'))!;
      expect(r.changes).toEqual([]);
      expect(r.text).toBe(s);
      expect(r.note).toBe(QUOTATION_NOTE);
    }
    const s = 'The mob "slammed the door" loudly.';
    const r = check(s, rewriter.rewrite(s, at(s, 'mob', 'slammed')))!;
    expect(r.text).toBe('The crowd "slammed the door" loudly.');
    expect(r.note).toBe(QUOTATION_NOTE);
    // An apostrophe is not a quote.
    const t = "Don't let the mob's leader slammed it.";
    expect(rewriter.rewrite(t, at(t, 'slammed'))!.note).toBeUndefined();
  });
  it('survives hostile input', () => {
    expect(rewriter.rewrite('', [{ start: 0, end: 5 }])).toBeNull();
    expect(rewriter.rewrite('abc', [{ start: -5, end: 99 }, { start: NaN, end: 2 } as never, null as never])).toBeNull();
    const big = 'The mob slammed it. '.repeat(5000);
    const t0 = Date.now();
    const r = check(big, rewriter.rewrite(big, [{ start: 0, end: big.length }]))!;
    expect(r.changes.length).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(5000);
    const e = '🔥 The mob 🔥 slammed 🤡 it.';
    const re = check(e, rewriter.rewrite(e, at(e, 'mob', 'slammed')))!;
    expect(re.text).toBe('🔥 The crowd 🔥 criticised 🤡 it.');
    expect(() => createRewriter({})).toThrow(/table/);
  });
});

describe('createRewriter, drops next to other words', () => {
  it('takes the conjunction and a preceding adverb along', () => {
    const s = 'The notorious and ruthless governor, a critically acclaimed actress.';
    expect(rewriter.rewrite(s, at(s, 'notorious', 'acclaimed'))!.text).toBe('The ruthless governor, an actress.');
  });
});
