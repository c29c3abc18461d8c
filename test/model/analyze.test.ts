// model/analyze.ts: text -> PageAnalysis. The first part runs the committed model (through
// loadNodeAnalyzer) and checks only properties and clear-cut comparisons, since the model may
// be retrained. The second part drives the Analyzer with a stand-in scorer whose output is
// known, to pin down findings, evidence, categories and truncation exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer, MAX_EXPLAINED_FINDINGS, MAX_SENTENCES, type AnalysisInput, type TextScorer } from '../../model/analyze';
import { Slot, extractFeatures } from '../../model/features';
import { CLICKBAIT, LOADED_WORD, LABELS, isTechnique, type Label } from '../../model/labels';
import { validateManifest, type ModelManifest } from '../../model/manifest';
import type { NetworkInput } from '../../model/network';
import { levelOf } from '../../model/risk';
import { toWellFormed } from '../../model/text';
import type { Finding, PageAnalysis } from '../../model/types';
import type { ClaimIndex, ClaimMatch } from '../../model/claims';
import { createRewriter } from '../../model/rewording';
import type { SourceIndex, SourceReport } from '../../model/sources';
import { ARTIFACTS_DIR, loadNodeAnalyzer } from '../../scripts/lib/node-model';

/** Everything a PageAnalysis promises, checked against the input it came from. */
function expectValidAnalysis(analysis: PageAnalysis, input: AnalysisInput): void {
  const text = toWellFormed(input.text);
  expect(analysis.schema).toBe(1);
  expect(typeof analysis.model.name).toBe('string');
  expect(typeof analysis.model.version).toBe('string');
  expect(analysis.supported).toBe(analysis.language.supported);
  expect(Number.isInteger(analysis.risk)).toBe(true);
  expect(analysis.risk).toBeGreaterThanOrEqual(0);
  expect(analysis.risk).toBeLessThanOrEqual(100);
  expect(analysis.level).toBe(levelOf(analysis.risk));
  expect(Number.isInteger(analysis.sentenceCount)).toBe(true);
  expect(analysis.truncated).toBe(analysis.sentenceCount > MAX_SENTENCES);
  for (const c of analysis.categories) {
    expect(['persuasion', 'loaded_language', 'insult', 'clickbait', 'claims', 'source']).toContain(c.id);
    expect(Number.isInteger(c.score)).toBe(true);
    expect(c.score).toBeGreaterThanOrEqual(0);
    expect(c.score).toBeLessThanOrEqual(100);
    expect(c.flagged).toBeGreaterThanOrEqual(0);
  }
  if (!analysis.supported) {
    expect(analysis.findings).toEqual([]);
    expect(analysis.risk).toBe(0);
  }
  // Clickbait is for the headline, or the first sentence of a short post or selection without one (its own headline).
  const clickbaitBody = analysis.findings.filter((f) => !f.isHeadline && f.labels.some((l) => l.label === CLICKBAIT));
  if ((input.kind === 'post' || input.kind === 'selection') && !input.title?.trim()) expect(clickbaitBody.length).toBeLessThanOrEqual(1);
  else expect(clickbaitBody).toEqual([]);
  const ids = new Set<string>();
  let previousSeverity = Infinity;
  for (const f of analysis.findings) {
    expect(ids.has(f.id), `duplicate finding id ${f.id}`).toBe(false);
    ids.add(f.id);
    expect(f.severity).toBeLessThanOrEqual(previousSeverity);
    previousSeverity = f.severity;
    expect(f.severity).toBeGreaterThanOrEqual(0);
    expect(f.severity).toBeLessThanOrEqual(1);
    expect(f.score).toBeGreaterThanOrEqual(0);
    expect(f.score).toBeLessThanOrEqual(1);
    expect(f.labels.length).toBeGreaterThan(0);
    expect(f.labels[0].label).toBe(f.label);
    expect(f.labels[0].score).toBe(f.score);
    for (const l of f.labels) {
      expect(LABELS).toContain(l.label);
      expect(l.score).toBeGreaterThanOrEqual(l.threshold);
      if (isTechnique(l.label)) expect(l.coarse).toBeDefined();
    }
    // A headline's offsets point into the title as given, leading spaces included (Analyzer.unitsOf).
    const source = f.isHeadline ? (input.title ?? '') : text;
    const { start, end } = f.sentence;
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(source.length);
    expect(f.sentence.text).toBe(source.slice(start, end));
    expect(f.id).toBe(f.isHeadline ? 'headline' : `s${start}-${end}`);
    expect(f.evidence.length).toBeLessThanOrEqual(4);
    expectValidSuggestion(f, text);
    for (const e of f.evidence) {
      expect(e.start).toBeGreaterThanOrEqual(start);
      expect(e.end).toBeLessThanOrEqual(end);
      expect(e.end).toBeGreaterThan(e.start);
      expect(e.text).toBe(source.slice(e.start, e.end));
      expect(e.weight).toBeGreaterThan(0);
    }
  }
}

/** A finding's suggestion: guidance always; a rewording that rebuilds from its changes; a spoiler from the body. */
function expectValidSuggestion(f: Finding, text: string): void {
  expect(f.suggestion.question.length).toBeGreaterThan(0);
  expect(f.suggestion.restatement.length).toBeGreaterThan(0);
  const { rewording, spoiler } = f.suggestion;
  if (rewording) {
    let rebuilt = '';
    let at = 0;
    for (const c of rewording.changes) {
      expect(c.start).toBeGreaterThanOrEqual(at);
      expect(f.sentence.text.slice(c.start, c.end)).toBe(c.from);
      rebuilt += f.sentence.text.slice(at, c.start) + c.to;
      at = c.end;
    }
    expect(rebuilt + f.sentence.text.slice(at)).toBe(rewording.text);
    expect(rewording.changes.length > 0 || rewording.note !== undefined).toBe(true);
  }
  if (spoiler) {
    expect(f.isHeadline).toBe(true);
    expect(text.slice(spoiler.sentence.start, spoiler.sentence.end)).toBe(spoiler.sentence.text);
    expect(spoiler.headline.length).toBeGreaterThan(0);
  }
}

const NEUTRAL = 'The meeting started at 9 a.m. The report has 40 pages. The library is open from Monday to Friday. Rain is expected on Thursday.';
const MANIPULATIVE =
  'These corrupt, power-hungry traitors have betrayed every hardworking family in this nation! ' +
  'If we do not stop these disgusting criminals now, our children will inherit a wasteland of crime and ruin. ' +
  'Either you stand with us or you stand with the radical elites who despise you. ' +
  'These idiots are destroying our country!';
const CHINESE = '市议会在周二晚上与居民举行了长时间的会议后批准了年度预算。这项预算将用于道路维护和公共图书馆。会议持续了三个小时，很多居民发表了意见。';

describe('Analyzer with the committed model', () => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    analyzer = await loadNodeAnalyzer();
  });

  async function analyze(input: AnalysisInput): Promise<PageAnalysis> {
    const analysis = await analyzer.analyze(input);
    expectValidAnalysis(analysis, input);
    return analysis;
  }

  it('names the model and version of the manifest', async () => {
    const manifest = JSON.parse(readFileSync(join(ARTIFACTS_DIR, 'manifest.json'), 'utf8')) as ModelManifest;
    const analysis = await analyze({ text: NEUTRAL });
    expect(analysis.model).toEqual({ name: manifest.name, version: manifest.version });
  });

  it('scores a clearly manipulative text above a clearly neutral one', async () => {
    const neutral = await analyze({ text: NEUTRAL });
    const manipulative = await analyze({ text: MANIPULATIVE });
    expect(neutral.supported && manipulative.supported).toBe(true);
    expect(neutral.language.code).toBe('en');
    expect(manipulative.risk).toBeGreaterThan(neutral.risk);
    expect(manipulative.findings.length).toBeGreaterThan(neutral.findings.length);
    // The evidence of the manipulative text points at words of the text.
    expect(manipulative.findings.some((f) => f.evidence.length > 0)).toBe(true);
  });

  it('does not score an unsupported language', async () => {
    const analysis = await analyze({ text: CHINESE });
    expect(analysis.language.code).toBe('zh');
    expect(analysis.supported).toBe(false);
    expect(analysis.findings).toEqual([]);
    expect(analysis.categories).toEqual([]);
    expect(analysis.risk).toBe(0);
    expect(analysis.level).toBe('low');
    expect(analysis.sentenceCount).toBeGreaterThan(0);
  });

  it('gives nothing for empty or punctuation-only text', async () => {
    for (const text of ['', '   \n\n ', '!!! ... ???']) {
      const analysis = await analyze({ text });
      expect(analysis.findings).toEqual([]);
      expect(analysis.risk).toBe(0);
      expect(analysis.level).toBe('low');
      expect(analysis.sentenceCount).toBe(0);
      expect(analysis.truncated).toBe(false);
    }
  });

  it('is deterministic', async () => {
    const input: AnalysisInput = { text: `${MANIPULATIVE}\n\n${NEUTRAL}`, title: 'You Will Not Believe What They Did Next', kind: 'article' };
    const first = await analyze(input);
    const second = await analyze(input);
    expect(second).toEqual(first);
  });

  it('scores a headline as the page title, with offsets into the title', async () => {
    const input: AnalysisInput = { text: NEUTRAL, title: 'You Will Not Believe What These Idiots Did Next', kind: 'article' };
    const analysis = await analyze(input);
    expect(analysis.categories.map((c) => c.id)).toContain('clickbait');
    for (const f of analysis.findings.filter((x) => x.isHeadline)) expect(f.sentence.text).toBe(input.title);
  });

  it('points a headline\'s offsets into the title as given, leading spaces included (a counterexample of the property below)', async () => {
    const analysis = await analyze({ text: '', title: ' Ծ', kind: 'article' });
    const headline = analysis.findings.find((f) => f.isHeadline);
    expect(headline?.sentence).toEqual({ start: 1, end: 2, text: 'Ծ' });
  });

  it('property: any unicode string gives a valid analysis without throwing', async () => {
    const pieces = fc.constantFrom('\u200b', '\u0000', '\u001f', '\u202e', 'مرحبا', '中文', '😀', '&amp;', '. ', '! ', '\n\n', 'They are LYING to you', 'traitors', '\ud800', 'ＨＥＬＬＯ');
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme-ascii', maxLength: 20 })), { maxLength: 30 }).map((p) => p.join('')),
    );
    await fc.assert(
      fc.asyncProperty(text, fc.option(fc.string({ unit: 'grapheme', maxLength: 60 }), { nil: undefined }), fc.constantFrom<AnalysisInput['kind']>('article', 'post', 'selection', undefined), async (body, title, kind) => {
        await analyze({ text: body, title, kind });
      }),
      { numRuns: 30 },
    );
  });

  it('analyses 5 MB of text within a generous bound and marks it truncated', async () => {
    const sentences = [
      'The council approved the budget on Tuesday.',
      'These corrupt traitors are destroying our nation!',
      'The report has forty pages.',
      'Rain is expected later this week in the northern districts.',
    ];
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < 5_000_000; i++) {
      const s = sentences[i % sentences.length];
      parts.push(s);
      length += s.length + 1;
    }
    const text = parts.join(' ');
    const started = performance.now();
    const analysis = await analyzer.analyze({ text });
    const elapsed = performance.now() - started;
    console.log(`analyze: ${(text.length / 1e6).toFixed(1)} M chars, ${analysis.sentenceCount} sentences, ${analysis.findings.length} findings, risk ${analysis.risk}, ${(elapsed / 1000).toFixed(1)} s`);
    expect(analysis.sentenceCount).toBe(parts.length);
    expect(analysis.truncated).toBe(true);
    expect(analysis.supported).toBe(true);
    // Only the first MAX_SENTENCES sentences are scored.
    for (const f of analysis.findings) expect(f.sentence.end).toBeLessThanOrEqual(parts.slice(0, MAX_SENTENCES).join(' ').length);
    expectValidAnalysis(analysis, { text });
    expect(elapsed).toBeLessThan(60_000);
  }, 120_000);

  it('does not mark a page just under the limit truncated', async () => {
    const text = Array.from({ length: 300 }, (_, i) => `Item ${i} was delivered on time.`).join(' ');
    const analysis = await analyze({ text });
    expect(analysis.sentenceCount).toBe(300);
    expect(analysis.truncated).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// With a stand-in scorer.

const manifest: ModelManifest = (() => {
  const real = validateManifest(JSON.parse(readFileSync(join(ARTIFACTS_DIR, 'manifest.json'), 'utf8')));
  const every = <T>(value: T) => Object.fromEntries(LABELS.map((l) => [l, value])) as Record<Label, T>;
  // Identity calibration and 0.5 thresholds: the stand-in's probabilities are the scores. Wide
  // hashes so that no other word of the test texts collides with a hot word.
  return { ...real, features: { ...real.features, hashBits: 30 }, thresholds: every(0.5), languageThresholds: {}, calibration: every({ a: 1, b: 0 }) };
})();

const HOT_WORDS = ['evil', 'vile', 'foul', 'wicked', 'cruel', 'nasty'];
const hotIds = new Set(HOT_WORDS.map((w) => {
  const f = extractFeatures(w, manifest.features);
  return f.ids[Array.from(f.slots).indexOf(Slot.Word)];
}));

/** Every label gets the same probability: 0.01 with no hot word, else 0.6 + 0.07 per hot word (at most 0.99). */
function probabilityOf(input: NetworkInput): number {
  let hot = 0;
  for (let i = 0; i < input.ids.length; i++) if (input.slots[i] === Slot.Word && hotIds.has(input.ids[i])) hot++;
  return hot === 0 ? 0.01 : Math.min(0.99, 0.6 + 0.07 * hot);
}

class StandInScorer implements TextScorer {
  batches: number[] = [];
  async score(batch: NetworkInput[]): Promise<Float32Array[]> {
    this.batches.push(batch.length);
    return batch.map((input) => new Float32Array(LABELS.length).fill(probabilityOf(input)));
  }
}

function standIn(): { analyzer: Analyzer; scorer: StandInScorer } {
  const scorer = new StandInScorer();
  return { analyzer: new Analyzer(scorer, manifest), scorer };
}

describe('Analyzer with a stand-in scorer', () => {
  it('flags exactly the sentence with a hot word, with that word as evidence', async () => {
    const { analyzer } = standIn();
    const text = 'The meeting started on time. The plan is evil and the vote was close. Everyone went home.';
    const analysis = await analyzer.analyze({ text });
    expectValidAnalysis(analysis, { text });
    expect(analysis.findings).toHaveLength(1);
    const [finding] = analysis.findings;
    const start = text.indexOf('The plan');
    const end = text.indexOf('Everyone') - 1;
    expect(finding.sentence).toEqual({ start, end, text: 'The plan is evil and the vote was close.' });
    expect(finding.id).toBe(`s${start}-${end}`);
    expect(finding.isHeadline).toBe(false);
    expect(finding.evidence).toHaveLength(1);
    expect(finding.evidence[0]).toMatchObject({ text: 'evil', start: text.indexOf('evil'), end: text.indexOf('evil') + 4 });
    // Loaded language is carried by words: evidence is the word head's score of "evil" on its own.
    expect(finding.label).toBe('Loaded_Language');
    expect(finding.evidence[0].weight).toBeCloseTo(0.67, 2);
    expect(finding.severity).toBeCloseTo((0.67 - 0.5) / 0.5, 5);
    // Every sentence label is past its threshold; clickbait and the word head are not body-sentence labels.
    expect(finding.labels.map((l) => l.label).sort()).toEqual(LABELS.filter((l) => l !== CLICKBAIT && l !== LOADED_WORD).sort());
    expect(isTechnique(finding.label)).toBe(true);
    expect(finding.kind).toBe('technique');
    // 1 of 3 sentences flagged: 100 * (1/3) / 0.4 = 83 in each category; no headline, no clickbait.
    expect(analysis.categories).toEqual([
      { id: 'persuasion', score: 83, flagged: 1 },
      { id: 'loaded_language', score: 83, flagged: 1 },
      { id: 'insult', score: 83, flagged: 1 },
    ]);
    expect(analysis.risk).toBe(83);
    expect(analysis.level).toBe('high');
  });

  it('explains labels not carried by single words by leaving each word out', async () => {
    const scorer = new StandInScorer();
    // Loaded language never fires here, so the finding's label is a technique explained by leave-one-out.
    const quiet = { ...manifest, thresholds: { ...manifest.thresholds, Loaded_Language: 0.999, loaded_language: 0.999 } };
    const analyzer = new Analyzer(scorer, quiet);
    const text = 'The plan is evil and the vote was close.';
    const [finding] = (await analyzer.analyze({ text })).findings;
    expect(finding.label).not.toBe('Loaded_Language');
    expect(finding.evidence).toHaveLength(1);
    expect(finding.evidence[0]).toMatchObject({ text: 'evil', start: text.indexOf('evil') });
    // Removing "evil" takes the logit from logit(0.67) to logit(0.01).
    expect(finding.evidence[0].weight).toBeCloseTo(Math.log(0.67 / 0.33) - Math.log(0.01 / 0.99), 2);
  });

  it('keeps at most four evidence words, strongest first', async () => {
    const { analyzer } = standIn();
    const text = 'Such evil, vile, foul, wicked, cruel and nasty people.';
    const analysis = await analyzer.analyze({ text });
    expectValidAnalysis(analysis, { text });
    const [finding] = analysis.findings;
    expect(finding.evidence).toHaveLength(4);
    for (const e of finding.evidence) expect(HOT_WORDS).toContain(e.text);
    const weights = finding.evidence.map((e) => e.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });

  it('scores the title as a headline with offsets into it and a clickbait category', async () => {
    const { analyzer } = standIn();
    const input: AnalysisInput = { text: 'Nothing to see here. Really nothing.', title: 'An evil headline', kind: 'article' };
    const analysis = await analyzer.analyze(input);
    expectValidAnalysis(analysis, input);
    expect(analysis.findings).toHaveLength(1);
    const [headline] = analysis.findings;
    expect(headline).toMatchObject({ id: 'headline', isHeadline: true, sentence: { start: 0, end: 16, text: 'An evil headline' } });
    expect(headline.labels.map((l) => l.label)).toContain(CLICKBAIT);
    expect(headline.evidence.map((e) => [e.text, e.start, e.end])).toEqual([['evil', 3, 7]]);
    expect(analysis.categories.find((c) => c.id === 'clickbait')).toEqual({ id: 'clickbait', score: 67, flagged: 1 });
  });

  it('does not raise a category when a neutral body sentence is added', async () => {
    // A flagged headline over an empty body scores 0 in the body categories; one neutral body
    // sentence must not turn that into 100 (the headline is counted as flagged but not as a body sentence).
    const { analyzer } = standIn();
    const title = 'An evil headline';
    const empty = await analyzer.analyze({ text: '', title });
    const oneNeutral = await analyzer.analyze({ text: 'Nothing to see here.', title });
    const manyNeutral = await analyzer.analyze({ text: 'Nothing to see here. Really nothing. Still nothing. The end.', title });
    for (const id of ['persuasion', 'loaded_language', 'insult'] as const) {
      const score = (a: PageAnalysis) => a.categories.find((c) => c.id === id)!.score;
      expect(score(empty), id).toBe(0);
      expect(score(oneNeutral), `${id} with one neutral body sentence`).toBe(0);
      expect(score(manyNeutral), `${id} with four neutral body sentences`).toBe(0);
    }
  });

  it('property: a category score never exceeds what the share of flagged body sentences gives', async () => {
    const sentence = fc.constantFrom('The evil plan failed.', 'It rained all day.', 'A vile trick!', 'Nothing happened at all.');
    await fc.assert(
      fc.asyncProperty(fc.array(sentence, { minLength: 1, maxLength: 8 }), fc.constantFrom('An evil headline', 'A calm headline'), async (sentences, title) => {
        const { analyzer } = standIn();
        const analysis = await analyzer.analyze({ text: sentences.join(' '), title });
        const flaggedBody = analysis.findings.filter((f) => !f.isHeadline).length;
        const persuasion = analysis.categories.find((c) => c.id === 'persuasion')!;
        expect(persuasion.score).toBe(Math.round(100 * Math.min(1, flaggedBody / analysis.sentenceCount / 0.4)));
      }),
      { numRuns: 60 },
    );
  });

  it('gives headline offsets into the title as passed, even with surrounding whitespace', async () => {
    const { analyzer } = standIn();
    const input: AnalysisInput = { text: 'Nothing to see here.', title: '\n    An evil headline\n  ' };
    const [headline] = (await analyzer.analyze(input)).findings;
    expect(input.title!.slice(headline.sentence.start, headline.sentence.end)).toBe(headline.sentence.text);
    for (const e of headline.evidence) expect(input.title!.slice(e.start, e.end)).toBe(e.text);
  });

  it('scores a short post as its own headline for clickbait, but not a long one or an article', async () => {
    const { analyzer } = standIn();
    const post = await analyzer.analyze({ text: 'This evil trick will shock you.', kind: 'post' });
    expect(post.categories.find((c) => c.id === 'clickbait')).toEqual({ id: 'clickbait', score: 67, flagged: 1 });
    expect(post.findings[0].labels.map((l) => l.label)).toContain(CLICKBAIT);
    const article = await analyzer.analyze({ text: 'This evil trick will shock you.', kind: 'article' });
    expect(article.categories.map((c) => c.id)).not.toContain('clickbait');
    const longPost = await analyzer.analyze({ text: `This evil trick will shock you. ${'And it goes on and on. '.repeat(20)}`, kind: 'post' });
    expect(longPost.categories.map((c) => c.id)).not.toContain('clickbait');
  });

  it('never calls the scorer for an unsupported language', async () => {
    const { analyzer, scorer } = standIn();
    const analysis = await analyzer.analyze({ text: CHINESE });
    expect(analysis.supported).toBe(false);
    expect(scorer.batches).toEqual([]);
  });

  it('scores at most MAX_SENTENCES sentences and reports the page as truncated', async () => {
    const { analyzer, scorer } = standIn();
    const count = MAX_SENTENCES + 25;
    const sentences = Array.from({ length: count }, (_, i) => (i === MAX_SENTENCES + 3 ? 'This late sentence is evil.' : `The parcel number ${i} arrived on time.`));
    const text = sentences.join(' ');
    const analysis = await analyzer.analyze({ text });
    expect(analysis.sentenceCount).toBe(count);
    expect(analysis.truncated).toBe(true);
    expect(scorer.batches[0]).toBe(MAX_SENTENCES);
    // The hot sentence is past the limit: not scored, so nothing is flagged.
    expect(analysis.findings).toEqual([]);
  });

  it('explains only the strongest MAX_EXPLAINED_FINDINGS findings of a huge page', async () => {
    const { analyzer, scorer } = standIn();
    const n = MAX_EXPLAINED_FINDINGS + 40;
    // The last sentences are the strongest (two hot words), so they must be among the explained ones.
    const sentences = Array.from({ length: n }, (_, i) => (i >= n - 5 ? `Case ${i} was evil and vile.` : `Case ${i} was evil.`));
    const text = sentences.join(' ');
    const analysis = await analyzer.analyze({ text });
    expectValidAnalysis(analysis, { text });
    expect(analysis.findings).toHaveLength(n);
    const explained = analysis.findings.filter((f) => f.evidence.length > 0);
    expect(explained).toHaveLength(MAX_EXPLAINED_FINDINGS);
    expect(analysis.findings.slice(0, MAX_EXPLAINED_FINDINGS).every((f) => f.evidence.length > 0)).toBe(true);
    expect(analysis.findings.slice(0, 5).every((f) => f.sentence.text.includes('vile'))).toBe(true);
    // One batch for the sentences, one for the evidence of the explained ones: their label is carried
    // by words, so each distinct word of them is scored once ("Case", "was", "evil", numbers…).
    expect(scorer.batches).toHaveLength(2);
    const words = new Set(explained.flatMap((f) => f.sentence.text.match(/[\p{L}\p{N}]+/gu) ?? []));
    expect(scorer.batches[1]).toBe(words.size);
  });

  it('property: any text gives a valid analysis whose findings are exactly the hot sentences', async () => {
    const sentence = fc.oneof(
      fc.constantFrom('The evil plan failed.', 'It rained all day.', 'A vile and nasty trick!', 'Numbers went up 5%.', 'Nothing happened at all.'),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(sentence, { maxLength: 12 }), async (sentences) => {
        const { analyzer } = standIn();
        const text = sentences.join(' ');
        const analysis = await analyzer.analyze({ text });
        expectValidAnalysis(analysis, { text });
        if (!analysis.supported) return;
        for (const f of analysis.findings) expect(probabilityOf(extractFeatures(f.sentence.text, manifest.features))).toBeGreaterThanOrEqual(0.5);
      }),
      { numRuns: 100 },
    );
  });
});

describe('Analyzer with context indexes (stand-in scorer)', () => {
  const rewriter = createRewriter({ version: 1, table: { evil: '', vile: 'harsh' }, origin: {}, mined: {}, babe: {}, sources: [] });
  const moonClaim: ClaimMatch = { claim: 'The moon landing was staged.', verdict: 'false', source: 'Test checker', url: 'https://example.org/check', similarity: 0.8 };
  const claims: ClaimIndex = { size: 1, threshold: 0.5, match: (sentences) => sentences.map((s) => (/moon/i.test(s) ? [moonClaim] : [])) };
  const report: SourceReport = { domain: 'example.com', matchedDomain: 'example.com', ratings: [{ list: 'MBFC', kind: 'mbfc', listDate: '2020', says: 'MBFC (2020): factual reporting low; bias right', value: 'low', matched: 'example.com' }] };
  const sources: SourceIndex = { lookup: (url) => (url.includes('example.com') ? report : null) };
  const loadedOnly = { ...manifest, thresholds: { ...manifest.thresholds, ...Object.fromEntries(LABELS.filter((l) => l !== 'loaded_language' && l !== LOADED_WORD).map((l) => [l, 0.999])) } } as ModelManifest;

  it('proposes a rewording for a loaded-language finding, offsets into its sentence', async () => {
    const analyzer = new Analyzer(new StandInScorer(), loadedOnly, { rewriter });
    const text = 'Nothing happened. An evil plan and a vile trick were adopted.';
    const analysis = await analyzer.analyze({ text });
    expectValidAnalysis(analysis, { text });
    const [finding] = analysis.findings;
    expect(finding.label).toBe('loaded_language');
    expect(finding.suggestion.rewording?.text).toBe('A plan and a harsh trick were adopted.');
    expect(finding.suggestion.rewording?.changes.map((c) => [c.from, c.to])).toEqual([['An', 'A'], ['evil ', ''], ['vile', 'harsh']]);
    // Without the table there is no rewording, only the label's guidance.
    const bare = await new Analyzer(new StandInScorer(), loadedOnly).analyze({ text });
    expect(bare.findings[0].suggestion.rewording).toBeUndefined();
  });

  it('says the words are a quotation instead of rewording them', async () => {
    const analyzer = new Analyzer(new StandInScorer(), loadedOnly, { rewriter });
    const text = 'She called it "an evil plan from start to finish" on Monday.';
    const [finding] = (await analyzer.analyze({ text })).findings;
    expect(finding.suggestion.rewording).toMatchObject({ changes: [], note: expect.stringMatching(/quotation/) });
  });

  it('withContext adds an index later (the worker\'s claim index) and leaves the first analyzer as it was', async () => {
    const first = new Analyzer(new StandInScorer(), manifest, { sources });
    const text = 'A post says the moon landing was staged.';
    const complete = first.withContext({ claims });
    expect((await complete.analyze({ text, url: 'https://news.example.com/a' })).claims?.[0].matches).toEqual([moonClaim]);
    expect((await complete.analyze({ text, url: 'https://news.example.com/a' })).source).toEqual(report);
    expect((await first.analyze({ text })).claims).toBeUndefined();
  });

  it('adds claims and source as context categories that raise the risk as documented', async () => {
    const quiet = new Analyzer(new StandInScorer(), manifest, { claims, sources });
    const text = 'It rained all day. A post says the moon landing was staged. Numbers went up.';
    const analysis = await quiet.analyze({ text, url: 'https://news.example.com/a' });
    expectValidAnalysis(analysis, { text });
    expect(analysis.findings).toEqual([]);
    expect(analysis.claims).toEqual([{ sentence: { start: 19, end: 59, text: 'A post says the moon landing was staged.' }, matches: [moonClaim] }]);
    expect(analysis.source).toEqual(report);
    expect(analysis.categories.filter((c) => c.id === 'claims' || c.id === 'source')).toEqual([
      { id: 'claims', score: 50, flagged: 1 },
      { id: 'source', score: 80, flagged: 1 },
    ]);
    // 0.7 x max(claims 1 x 50, source 0.5 x 80) + 0.3 x mean(content 0, 0, 0) = 35.
    expect(analysis.risk).toBe(35);
    expect(analysis.level).toBe('some');
    // No claim matched and no list rates the site: the context adds nothing.
    const plain = await quiet.analyze({ text: 'It rained all day.', url: 'https://unrated.test/' });
    expect(plain.categories.find((c) => c.id === 'claims')).toEqual({ id: 'claims', score: 0, flagged: 0 });
    expect(plain.categories.some((c) => c.id === 'source')).toBe(false);
    expect(plain.risk).toBe(0);
  });

  it('finds what a clickbait headline holds back in the body, offsets into the body', async () => {
    const title = 'This is why the evil council moved the bridge money';
    const text = 'The meeting began at six. The council moved the bridge money to the school bus fund because the repairs cost less than planned. Parents welcomed the news.';
    const analysis = await new Analyzer(new StandInScorer(), manifest).analyze({ text, title, kind: 'article' });
    expectValidAnalysis(analysis, { text, title, kind: 'article' });
    const headline = analysis.findings.find((f) => f.isHeadline)!;
    expect(headline.labels.map((l) => l.label)).toContain(CLICKBAIT);
    expect(headline.suggestion.spoiler?.sentence).toEqual({ start: 26, end: 127, text: text.slice(26, 127) });
    expect(headline.suggestion.spoiler?.headline).toMatch(/^The council moved the bridge money/);
    // A headline that is not clickbait gets no spoiler.
    const quiet = { ...manifest, thresholds: { ...manifest.thresholds, clickbait: 0.999 } };
    const plain = await new Analyzer(new StandInScorer(), quiet).analyze({ text, title, kind: 'article' });
    expect(plain.findings.find((f) => f.isHeadline)?.suggestion.spoiler).toBeUndefined();
  });

  it('answers fast with the same findings, leaving out evidence, rewordings and the claim lookup', async () => {
    const text = 'Nothing happened. An evil plan and a vile trick were adopted. A post says the moon landing was staged.';
    const analyzer = new Analyzer(new StandInScorer(), loadedOnly, { rewriter, claims, sources });
    const full = await analyzer.analyze({ text, url: 'https://example.com/a' });
    const fast = await analyzer.analyze({ text, url: 'https://example.com/a', detail: 'fast' });
    expectValidAnalysis(fast, { text });
    expect(fast.partial).toBe(true);
    expect(full.partial).toBeUndefined();
    expect(fast.findings.map((f) => [f.id, f.label, f.score])).toEqual(full.findings.map((f) => [f.id, f.label, f.score]));
    expect(fast.findings.every((f) => f.evidence.length === 0 && f.suggestion.rewording === undefined)).toBe(true);
    expect(full.findings.some((f) => f.evidence.length > 0 && f.suggestion.rewording !== undefined)).toBe(true);
    expect(fast.claims).toBeUndefined();
    expect(full.claims).toHaveLength(1);
    // The source is cheap and known at once; only the claims category waits for the full analysis.
    expect(fast.source).toEqual(report);
    expect(fast.categories.map((c) => c.id)).not.toContain('claims');
  });

  it('never lets the context lower the risk of the text itself', async () => {
    const text = 'The evil plan failed. It rained all day.';
    const alone = await new Analyzer(new StandInScorer(), manifest).analyze({ text });
    const withContext = await new Analyzer(new StandInScorer(), manifest, { claims, sources }).analyze({ text, url: 'https://example.com/' });
    expect(withContext.risk).toBeGreaterThanOrEqual(alone.risk);
  });
});
