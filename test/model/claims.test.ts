// model/claims.ts: matching page sentences against the committed index of debunked claims.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClaimIndex, type ClaimIndex, type ClaimsArtifact } from '../../model/claims';

const ARTIFACT = resolve(__dirname, '..', '..', 'model', 'artifacts', 'claims.json');
let index: ClaimIndex;
let artifact: ClaimsArtifact;

beforeAll(() => {
  artifact = JSON.parse(readFileSync(ARTIFACT, 'utf8')) as ClaimsArtifact;
  index = createClaimIndex(artifact);
});

describe('the committed claims artifact', () => {
  it('stays within its 3 MB budget and has a calibrated threshold', () => {
    expect(statSync(ARTIFACT).size).toBeLessThanOrEqual(3_000_000);
    expect(index.size).toBeGreaterThan(10_000);
    expect(artifact.threshold).toBeGreaterThan(0.2);
    expect(artifact.threshold).toBeLessThan(0.9);
    expect(artifact.sources.map((s) => s.licence).join(' ')).toContain('CC BY-NC');
  });
});

describe('createClaimIndex().match', () => {
  it('finds an exact claim first, with verdict, source and link', () => {
    const [matches] = index.match(['Says the Annies List political group supports third-trimester abortions on demand.']);
    expect(matches[0]).toMatchObject({ claim: 'Says the Annies List political group supports third-trimester abortions on demand.', verdict: 'false', source: 'PolitiFact (LIAR)', similarity: 1 });
    expect(matches[0].url).toBe('https://www.politifact.com/api/v/2/statement/2635/?format=json');
  });

  it('gives the correction where the data has one', () => {
    const [[match]] = index.match(['In a letter to Steve Jobs, Sean Connery refused to appear in an apple commercial.']);
    expect(match.source).toBe('AVeriTeC');
    expect(match.correction).toMatch(/fake news site/);
    expect(match.url).toMatch(/^https:\/\/web\.archive\.org\//);
  });

  it('finds perturbed claims first: framed, inflected, words added or dropped', () => {
    const [[ginger]] = index.match(['Experts warn that ginger cures the coronavirus']);
    expect(ginger.claim).toBe('Ginger cures coronavirus');
    expect(ginger.verdict).toBe('disinformation (EUvsDisinfo)');
    expect(ginger.url).toMatch(/^https:\/\/euvsdisinfo\.eu\/report\//);
    const [[nato]] = index.match(['According to reports, NATO is preparing to attack Russia']);
    expect(nato.claim).toBe('NATO is preparing to attack Russia');
    expect(nato.similarity).toBeGreaterThanOrEqual(index.threshold);
  });

  it('matches nothing in unrelated sentences', () => {
    const matches = index.match(['The city council approved a new budget for public libraries on Tuesday.', 'Our bakery opens at seven and closes at noon on Sundays.', 'may']);
    expect(matches).toEqual([[], [], []]);
  });

  it('survives bad input without throwing', () => {
    const bad = ['', '   ', 'x'.repeat(100_000), 'word '.repeat(20_000), '🔥🔥🔥 💉 → 🧬 !!!', '\u0000\u0007\u001b[31m control \u200b\u200f chars', '\ud800 lone \udc00 surrogates', null as unknown as string];
    const start = performance.now();
    const matches = index.match(bad);
    expect(matches).toHaveLength(bad.length);
    for (const m of matches) expect(Array.isArray(m)).toBe(true);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(index.match([])).toEqual([]);
  });

  it('rejects an artifact of the wrong shape', () => {
    expect(() => createClaimIndex({ version: 2 })).toThrow(/claims artifact/);
    expect(() => createClaimIndex(null)).toThrow(/claims artifact/);
  });
});

describe('matching is not tied to English', () => {
  // The bundled sources publish English summaries only, so this uses a small German index.
  const german: ClaimsArtifact = {
    version: 1,
    threshold: 0.4,
    language: 'de',
    verdicts: ['false'],
    sources: [{ name: 'Test', licence: 'none', citation: 'none', urlPrefix: 'https://example.org/' }],
    claims: [
      ['Die Impfung verändert die menschliche DNA', 0, 0, 'dna', ''],
      ['Die Regierung plant eine Enteignung aller Sparer', 0, 0, 'sparer', ''],
      ['Der Klimawandel ist eine Erfindung der Wissenschaftler', 0, 0, 'klima', ''],
    ],
  };

  it('matches an inflected German sentence through character n-grams', () => {
    const [[match], none] = createClaimIndex(german).match(['Impfungen verändern dauerhaft die menschliche DNA', 'Morgen scheint in Berlin wieder die Sonne']);
    expect(match).toMatchObject({ claim: 'Die Impfung verändert die menschliche DNA', url: 'https://example.org/dna' });
    expect(none).toEqual([]);
  });
});

