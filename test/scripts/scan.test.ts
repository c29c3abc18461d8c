// scripts/scan.ts: the scan CLI on saved pages and text files. Scores depend on the committed
// model, so only the output's shape, offsets and error handling are checked.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../model/labels';
import { levelOf } from '../../model/risk';

const ROOT = resolve(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const CLI_TIMEOUT = 120_000;
const work = mkdtempSync(join(tmpdir(), 'unspin-scan-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function scan(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'scan.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: CLI_TIMEOUT });
  if (result.error) throw result.error;
  return result;
}

interface ScanOutput {
  file: string;
  title: string | null;
  url: string | null;
  supported: boolean;
  risk: number;
  level: string;
  sentenceCount: number;
  truncated: boolean;
  categories: { id: string; score: number; flagged: number }[];
  findings: {
    id: string;
    label: string;
    score: number;
    isHeadline: boolean;
    labels: { label: string; score: number; threshold: number }[];
    sentence: { start: number; end: number; text: string };
    evidence: { text: string; start: number; end: number; weight: number }[];
  }[];
}

function scanJson(file: string): ScanOutput {
  const result = scan([file, '--json']);
  expect(result.status, result.stderr).toBe(0);
  const lines = result.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as ScanOutput;
}

function expectValidOutput(output: ScanOutput, body: string | undefined): void {
  expect(Number.isInteger(output.risk)).toBe(true);
  expect(output.risk).toBeGreaterThanOrEqual(0);
  expect(output.risk).toBeLessThanOrEqual(100);
  expect(output.level).toBe(levelOf(output.risk));
  expect(Array.isArray(output.categories)).toBe(true);
  for (const c of output.categories) {
    expect(c.score).toBeGreaterThanOrEqual(0);
    expect(c.score).toBeLessThanOrEqual(100);
  }
  for (const f of output.findings) {
    expect(LABELS).toContain(f.label);
    expect(f.score).toBeGreaterThanOrEqual(0);
    expect(f.score).toBeLessThanOrEqual(1);
    expect(f.labels[0].label).toBe(f.label);
    const { start, end, text } = f.sentence;
    if (f.isHeadline) expect(text).toBe(output.title);
    else if (body !== undefined) expect(body.slice(start, end)).toBe(text);
    for (const e of f.evidence) {
      expect(e.start).toBeGreaterThanOrEqual(start);
      expect(e.end).toBeLessThanOrEqual(end);
      expect(text.slice(e.start - start, e.end - start)).toBe(e.text);
      expect(e.weight).toBeGreaterThan(0);
    }
  }
}

describe('scan CLI', () => {
  it('scans a saved article: risk, level, categories, findings with evidence offsets, and the canonical url', () => {
    const output = scanJson('test/fixtures/article.html');
    expect(output.file).toBe('test/fixtures/article.html');
    expect(output.url).toBe('https://riverside-herald.example/news/council-budget');
    expect(output.title).toBe('Council approves new budget | Riverside Herald');
    expect(output.supported).toBe(true);
    expect(output.truncated).toBe(false);
    // The <article> has the h1 and seven paragraphs (the byline is not a sentence on its own).
    expect(output.sentenceCount).toBeGreaterThanOrEqual(8);
    expect(output.categories.map((c) => c.id)).toEqual(expect.arrayContaining(['persuasion', 'loaded_language', 'insult', 'clickbait']));
    expectValidOutput(output, undefined);
    // Navigation and footer are not part of the scanned text.
    for (const f of output.findings) expect(f.sentence.text).not.toMatch(/Riverside Herald$|^Home News/);
    // The name-calling paragraph is the clear-cut case: some finding points into it.
    expect(output.findings.length).toBeGreaterThan(0);
    expect(output.findings.some((f) => f.evidence.length > 0)).toBe(true);
  }, CLI_TIMEOUT);

  it('scans a .txt file as plain text, with offsets into the file content', () => {
    const body = readFileSync(join(FIXTURES, 'article.txt'), 'utf8');
    const output = scanJson('test/fixtures/article.txt');
    expect(output.title).toBeNull();
    expect(output.url).toBeNull();
    expect(output.supported).toBe(true);
    expect(output.sentenceCount).toBe(3);
    expect(output.categories.map((c) => c.id)).not.toContain('clickbait');
    expectValidOutput(output, body);
  }, CLI_TIMEOUT);

  it('scans a feed of short posts with no article and still finds its text', () => {
    const output = scanJson('test/fixtures/feed.html');
    expect(output.url).toBe('https://townsquare.example/feed');
    expect(output.supported).toBe(true);
    // Five posts, each a sentence of its own.
    expect(output.sentenceCount).toBeGreaterThanOrEqual(5);
    expectValidOutput(output, undefined);
  }, CLI_TIMEOUT);

  it('reports an unsupported language without scoring it', () => {
    const file = join(work, 'chinese.txt');
    writeFileSync(file, '市议会在周二晚上与居民举行了长时间的会议后批准了年度预算。这项预算将用于道路维护和公共图书馆。');
    const output = scanJson(file);
    expect(output.supported).toBe(false);
    expect(output.findings).toEqual([]);
    expect(output.risk).toBe(0);
    const text = scan([file]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('not supported');
  }, CLI_TIMEOUT);

  it('prints a readable report without --json', () => {
    const result = scan(['test/fixtures/article.html']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^test\/fixtures\/article\.html — Council approves new budget/);
    expect(result.stdout).toMatch(/^risk \d+\/100 \((low|some|high)\)/m);
    expect(result.stdout).toMatch(/^\d+ flagged passage\(s\):$/m);
    expect(result.stdout).toMatch(/^  ask: \S/m);
  }, CLI_TIMEOUT);

  it('exits 2 with a clear message for a missing file', () => {
    const missing = join(work, 'no-such-page.html');
    const result = scan([missing, '--json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${missing}: cannot read (ENOENT)`);
    expect(result.stdout).toBe('');
  }, CLI_TIMEOUT);

  it('scans an empty .html file as a page with no text instead of crashing', () => {
    const file = join(work, 'empty.html');
    writeFileSync(file, '');
    const result = scan([file, '--json']);
    expect(result.stderr).not.toContain('scan failed');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ sentenceCount: 0, findings: [], risk: 0 });
  }, CLI_TIMEOUT);

  it('scans an empty .txt file as a page with no text', () => {
    const file = join(work, 'empty.txt');
    writeFileSync(file, '');
    const output = scanJson(file);
    expect(output).toMatchObject({ sentenceCount: 0, findings: [], risk: 0, level: 'low' });
  }, CLI_TIMEOUT);

  it('exits 2 without exactly one file', () => {
    expect(scan(['--json']).status).toBe(2);
    const two = scan(['test/fixtures/article.html', 'test/fixtures/article.txt']);
    expect(two.status).toBe(2);
    expect(two.stderr).toMatch(/^usage: scan/);
  }, CLI_TIMEOUT);

  it('reports what the source lists say about --url, subdomains included, and null for an unrated site', () => {
    const rated = scan(['test/fixtures/article.html', '--url', 'https://edition.cnn.com/2026/11/22/story', '--json']);
    expect(rated.status, rated.stderr).toBe(0);
    const output = JSON.parse(rated.stdout) as ScanOutput & { source: { domain: string; ratings: { list: string; says: string }[] } | null };
    expect(output.url).toBe('https://edition.cnn.com/2026/11/22/story');
    expect(output.source?.domain).toBe('cnn.com');
    expect(output.source?.ratings.map((r) => r.says).join(' | ')).toMatch(/factual reporting mixed/);
    // The lists' ratings become the 'source' context category of the page risk.
    const source = output.categories.find((c) => c.id === 'source');
    expect(source).toMatchObject({ flagged: output.source!.ratings.length });
    const unrated = JSON.parse(scan(['test/fixtures/article.html', '--json']).stdout) as ScanOutput & { source: unknown };
    expect(unrated.source).toBeNull();
    expect(unrated.categories.some((c) => c.id === 'source')).toBe(false);
    expect(output.risk).toBeGreaterThanOrEqual(unrated.risk);
    const lookalike = JSON.parse(scan(['test/fixtures/article.html', '--url', 'https://notcnn.com/x', '--json']).stdout) as { source: unknown };
    expect(lookalike.source).toBeNull();
  }, CLI_TIMEOUT);

  it('lists sentences that resemble a debunked claim, with the fact-checker, verdict and link', () => {
    const result = scan(['test/fixtures/claim.txt', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as { claims: { sentence: { start: number; end: number; text: string }; matches: { source: string; url: string; verdict: string; similarity: number }[] }[] };
    expect(output.claims).toHaveLength(1);
    const [claim] = output.claims;
    expect(claim.sentence.text).toMatch(/^A widely shared post claims that Poland and Lithuania/);
    expect(claim.matches[0]).toMatchObject({ source: 'EUvsDisinfo', verdict: expect.stringContaining('disinformation') });
    expect(claim.matches[0].url).toMatch(/^https:\/\/euvsdisinfo\.eu\/report\//);
    // One matched sentence: claims concern 50, counted fully in the page risk (0.7 x 50 at least).
    expect((output as unknown as ScanOutput).categories.find((c) => c.id === 'claims')).toEqual({ id: 'claims', score: 50, flagged: 1 });
    expect((output as unknown as ScanOutput).risk).toBeGreaterThanOrEqual(35);
    const neutral = JSON.parse(scan(['test/fixtures/article.html', '--json']).stdout) as ScanOutput & { claims: unknown[] };
    expect(neutral.claims).toEqual([]);
    // Every finding carries its suggestion: the question to ask and a restatement, plus a rewording where the table knows the words.
    expect(neutral.findings.length).toBeGreaterThan(0);
    for (const f of neutral.findings as (ScanOutput['findings'][number] & { suggestion: { question: string; restatement: string; rewording?: { text: string } } })[]) {
      expect(f.suggestion.question.length, f.id).toBeGreaterThan(10);
      expect(f.suggestion.restatement.length, f.id).toBeGreaterThan(10);
      if (f.suggestion.rewording) expect(f.suggestion.rewording.text).not.toBe(f.sentence.text);
    }
  }, CLI_TIMEOUT);

  it('writes a JSON or Markdown report with the SHA-256 of the text it analysed (--report)', () => {
    const file = join(work, 'report.txt');
    const text = 'The council approved the budget on Tuesday. These corrupt bureaucrats betrayed every family in this city!\n';
    writeFileSync(file, text);
    const result = scan([file, '--report', 'json', '--url', 'https://news.example/a']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { report: Record<string, unknown>; analysis: { schema: number; findings: unknown[] } };
    expect(report.report).toMatchObject({ format: 'unspin-report', formatVersion: 1, url: 'https://news.example/a', title: null, textSha256: createHash('sha256').update(text, 'utf8').digest('hex'), textLength: text.length, generator: { name: 'Unspin', via: 'scan' } });
    expect(report.analysis.schema).toBe(1);
    const md = scan(['test/fixtures/article.html', '--report', 'md']);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^# Unspin report: /);
    expect(md.stdout).toMatch(/\*\*Text SHA-256:\*\* `[0-9a-f]{64}`/);
    expect(md.stdout).toContain('## Flagged passages');
    const bad = scan([file, '--report', 'pdf']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--report needs md or json');
  }, CLI_TIMEOUT);
});
