// context.ts: safe links, best claim matches, claims over findings, spoilers and targets.
import { describe, expect, it } from 'vitest';
import { bestMatch, claimsFor, claimTarget, clip, isFindingSentence, safeHttpUrl, spoilerOf, usableClaims } from '../../../extension/ui/context';
import type { ClaimMatch } from '../../../model/claims';
import type { ClaimSentence, Finding } from '../../../model/types';

const match = (claim: string, similarity: number, extra: Partial<ClaimMatch> = {}): ClaimMatch => ({ claim, verdict: 'false', source: 'AVeriTeC', url: 'https://example.org/check', similarity, ...extra });
const finding = (start: number, end: number, extra: Partial<Finding> = {}) => ({ id: `s${start}-${end}`, isHeadline: false, sentence: { start, end, text: 'x'.repeat(end - start) }, suggestion: { question: '', restatement: '' }, ...extra }) as Finding;
const claim = (start: number, end: number, matches = [match('c', 0.5)]): ClaimSentence => ({ sentence: { start, end, text: 'y'.repeat(end - start) }, matches });

describe('safe links', () => {
  it('keeps http and https URLs', () => {
    expect(safeHttpUrl('https://euvsdisinfo.eu/report/x')).toBe('https://euvsdisinfo.eu/report/x');
    expect(safeHttpUrl('  http://Example.org/a b ')).toBe('http://example.org/a%20b');
  });

  it.each(['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'chrome://settings', '//evil.example/x', '/relative', '', 'https://user:pw@example.org/', 42, null, undefined])('rejects %s', (url) => {
    expect(safeHttpUrl(url)).toBeNull();
  });
});

describe('claim matches', () => {
  it('picks the most similar usable match', () => {
    expect(bestMatch([match('a', 0.4), match('b', 0.8), match('c', 0.6)])?.claim).toBe('b');
    expect(bestMatch([match('', 0.9), { claim: 'x' } as ClaimMatch, match('ok', Number.NaN)])?.claim).toBe('ok');
    expect(bestMatch([])).toBeNull();
    expect(bestMatch(undefined)).toBeNull();
  });

  it('keeps claim sentences with a range and a usable match', () => {
    const good = claim(10, 20);
    expect(usableClaims([good, claim(5, 5), claim(1, 4, []), { sentence: null } as never, null as never])).toEqual([good]);
    expect(usableClaims(undefined)).toEqual([]);
  });

  it('finds the claims over a body finding, never over the headline', () => {
    const claims = [claim(0, 10), claim(20, 30), claim(30, 40)];
    expect(claimsFor(finding(20, 30), claims)).toEqual([claims[1]]);
    expect(claimsFor(finding(25, 35), claims)).toEqual([claims[1], claims[2]]);
    expect(claimsFor(finding(0, 10, { isHeadline: true, id: 'headline' }), claims)).toEqual([]);
    expect(isFindingSentence(claims[0], [finding(5, 8)])).toBe(true);
    expect(isFindingSentence(claims[0], [finding(10, 20)])).toBe(false);
  });

  it('names a claim sentence for "show in page" by its range', () => {
    expect(claimTarget({ start: 3, end: 9 })).toBe('claim:3-9');
  });
});

describe('spoilers', () => {
  const spoiler = { sentence: { start: 50, end: 60, text: 'It rose 2%.' }, headline: 'Tax rises 2%', confidence: 0.7 };
  it("is a headline finding's usable spoiler", () => {
    expect(spoilerOf(finding(0, 10, { isHeadline: true, suggestion: { question: '', restatement: '', spoiler } }))).toEqual({ sentence: spoiler.sentence, headline: spoiler.headline });
    expect(spoilerOf(finding(0, 10, { suggestion: { question: '', restatement: '', spoiler } }))).toBeNull();
    expect(spoilerOf(finding(0, 10, { isHeadline: true, suggestion: { question: '', restatement: '', spoiler: { ...spoiler, sentence: { start: 1, end: 1, text: '' } } } }))).toBeNull();
  });
});

describe('clipping', () => {
  it('cuts at a word with an ellipsis, never inside a surrogate pair', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('one two three four five', 16)).toBe('one two three…');
    expect(clip('abcdefghij klm', 8)).toBe('abcdefg…');
    const clipped = clip(`${'a'.repeat(8)}😡😡😡`, 10);
    expect(clipped.endsWith('…')).toBe(true);
    expect(clipped).toBe('aaaaaaaa…');
  });
});
