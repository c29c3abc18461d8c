// model/report.ts: Markdown and JSON reports, the text hash, and that page text stays inert Markdown.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MOCK_ANALYSIS } from '../../extension/popup/mock';
import { guidanceFor } from '../../model/guidance';
import { buildJsonReport, isSha256, jsonReportText, markdownReport, mdQuote, mdText, REPORT_FORMAT_VERSION, reportFileName, sha256Hex, type ReportInput } from '../../model/report';
import type { PageAnalysis } from '../../model/types';

const TEXT = 'The council approved the budget. These corrupt bureaucrats betrayed us — again! Ünïcødé 😀';
const SHA = createHash('sha256').update(TEXT, 'utf8').digest('hex');

const input = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  analysis: MOCK_ANALYSIS,
  url: 'https://news.example/city/budget?x=1',
  title: 'Council budget row',
  textSha256: SHA,
  textLength: TEXT.length,
  analysedAt: Date.UTC(2025, 0, 2, 3, 4, 5),
  generatedAt: new Date(Date.UTC(2025, 0, 3)),
  via: 'extension',
  version: '0.1.0',
  ...overrides,
});

/** Markdown link, image, raw HTML or autolink syntax that a renderer would act on. */
function activeMarkdown(md: string): string[] {
  const unescaped = (pattern: RegExp) => [...md.matchAll(pattern)].filter((m) => md[m.index! - 1] !== '\\').map((m) => m[0]);
  return [...unescaped(/!?\[[^\]\n]*\]\(/g), ...unescaped(/<[a-z/!]/gi), ...unescaped(/`/g)].filter((hit) => !hit.startsWith('[read the fact'));
}

describe('sha256Hex', () => {
  it('equals Node’s crypto over the UTF-8 bytes', async () => {
    expect(await sha256Hex(TEXT)).toBe(SHA);
    expect(await sha256Hex('')).toBe(createHash('sha256').update('').digest('hex'));
    expect(isSha256(SHA)).toBe(true);
    expect(isSha256('abc')).toBe(false);
  });
});

describe('JSON report', () => {
  it('embeds the PageAnalysis unchanged under a header', () => {
    const report = buildJsonReport(input());
    expect(report.analysis).toBe(MOCK_ANALYSIS);
    expect(report.report).toEqual({
      format: 'unspin-report',
      formatVersion: REPORT_FORMAT_VERSION,
      generatedAt: '2025-01-03T00:00:00.000Z',
      analysedAt: '2025-01-02T03:04:05.000Z',
      generator: { name: 'Unspin', via: 'extension', version: '0.1.0' },
      model: MOCK_ANALYSIS.model,
      url: 'https://news.example/city/budget?x=1',
      title: 'Council budget row',
      textSha256: SHA,
      textLength: TEXT.length,
    });
    const parsed = JSON.parse(jsonReportText(input()));
    expect(parsed.analysis).toEqual(MOCK_ANALYSIS);
  });

  it('writes null for what it does not know, never a malformed hash', () => {
    const { report } = buildJsonReport(input({ url: undefined, title: undefined, textSha256: 'not-a-hash', textLength: undefined, analysedAt: undefined }));
    expect(report).toMatchObject({ url: null, title: null, textSha256: null, textLength: null, analysedAt: null });
  });
});

describe('Markdown report', () => {
  const md = markdownReport(input());

  it('has the page, time, versions, hash and overall scores', () => {
    expect(md).toContain('# Unspin report: Council budget row');
    expect(md).toContain('https\\://news.example/city/budget?x=1'.replace('\\', ''));
    expect(md).toContain('2025-01-02T03:04:05.000Z');
    expect(md).toContain(`Unspin 0.1.0 (extension), model ${mdText(MOCK_ANALYSIS.model.name)} ${mdText(MOCK_ANALYSIS.model.version)}`);
    expect(md).toContain(`\`${SHA}\` (${TEXT.length} characters)`);
    expect(md).toContain(`**Manipulation risk: ${MOCK_ANALYSIS.risk}/100 (${MOCK_ANALYSIS.level}).**`);
    for (const c of MOCK_ANALYSIS.categories) expect(md).toMatch(new RegExp(`\\| ${c.score} \\| ${c.flagged} \\|`));
    expect(md).toContain('## Verifying this report');
  });

  it('lists each flagged passage with label, score, explanation and suggestion', () => {
    expect(md).toContain(`## Flagged passages (${MOCK_ANALYSIS.findings.length})`);
    for (const f of MOCK_ANALYSIS.findings) {
      expect(md).toContain(mdQuote(f.sentence.text));
      expect(md).toContain(`**Label:** ${mdText(f.label)}, score ${f.score.toFixed(2)}`);
      expect(md).toContain(mdText(guidanceFor(f.label).what));
      expect(md).toContain(`**Ask yourself:** ${mdText(f.suggestion.question)}`);
      if (f.suggestion.rewording?.changes.length) expect(md).toContain(`**Neutral wording:** ${mdText(f.suggestion.rewording.text)}`);
      if (f.suggestion.spoiler) expect(md).toContain(`**What the headline holds back:** ${mdText(f.suggestion.spoiler.sentence.text)}`);
    }
  });

  it('has the claim matches with their fact-check links and the source ratings', () => {
    for (const claim of MOCK_ANALYSIS.claims ?? []) for (const m of claim.matches) {
      expect(md).toContain(mdText(m.claim));
      expect(md).toContain(`](<${new URL(m.url).href}>)`);
    }
    for (const r of MOCK_ANALYSIS.source?.ratings ?? []) expect(md).toContain(mdText(r.says));
    expect(md).toContain('not Unspin’s verdict');
  });

  it('keeps a hostile title and page text inert: no links, images, HTML or code spans', () => {
    const hostile = '[click me](javascript:alert(1)) ![x](https://evil.example/p.png) <img src=x onerror=alert(1)> `code` **bold** <https://evil.example> &amp; | cell';
    const analysis: PageAnalysis = {
      ...MOCK_ANALYSIS,
      findings: MOCK_ANALYSIS.findings.map((f) => ({ ...f, sentence: { ...f.sentence, text: `${hostile}\n# heading\n- item` }, evidence: [{ text: '](javascript:x)', start: 0, end: 1, weight: 1 }] })),
      source: { domain: '<b>evil</b>', matchedDomain: 'evil', ratings: [{ list: '[l](javascript:1)', kind: 'tags', listDate: '2017', says: '![img](http://e/x.png)', matched: 'evil' }] },
      claims: [{ sentence: { start: 0, end: 5, text: hostile }, matches: [{ claim: hostile, verdict: '<script>', source: 'S', url: 'javascript:alert(1)', similarity: 0.9 }] }],
    };
    const out = markdownReport(input({ analysis, title: hostile, url: 'https://evil.example/[x](javascript:1)' }));
    expect(activeMarkdown(out.replace(/`[0-9a-f]{64}`/, '').replace(/`unspin scan`/, ''))).toEqual([]);
    // A javascript: fact-check URL never becomes a link.
    expect(out).not.toMatch(/\]\(<?javascript:/i);
    // Page text never starts a heading or list of its own: it stays on its quote line.
    expect(out).not.toMatch(/^# heading/m);
    expect(out).not.toMatch(/^- item/m);
    expect(mdQuote('1. first')).toBe('> 1\\. first');
    expect(mdQuote('- dash')).toBe('> \\- dash');
    expect(mdText('0.1.0')).toBe('0.1.0');
    expect(mdText('a\\b')).toBe('a\\\\b');
  });

  it('keeps a long passage whole, on one line', () => {
    const long = `${'word '.repeat(4000)}end.`;
    const analysis: PageAnalysis = { ...MOCK_ANALYSIS, findings: [{ ...MOCK_ANALYSIS.findings[1], sentence: { start: 0, end: long.length, text: long } }] };
    const out = markdownReport(input({ analysis }));
    const line = out.split('\n').find((l) => l.startsWith('> word'))!;
    expect(line).toBe(`> ${long.trim()}`);
  });

  it('says so for a page in an unsupported language', () => {
    const out = markdownReport(input({ analysis: { ...MOCK_ANALYSIS, supported: false, language: { code: 'fi', supported: false, reliable: true }, findings: [] } }));
    expect(out).toContain('not one the model was trained on');
    expect(out).not.toContain('## Flagged passages');
  });
});

describe('reportFileName', () => {
  it('names the host and the day', () => {
    expect(reportFileName(input(), 'md')).toBe('unspin-report-news.example-2025-01-02.md');
    expect(reportFileName({ url: 'not a url', analysedAt: null, generatedAt: Date.UTC(2025, 5, 1) }, 'json')).toBe('unspin-report-text-2025-06-01.json');
  });
});
