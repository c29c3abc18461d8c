// The benchmark's pure parts: options, the JSON-lines shape, the table, targets, and the corpus
// and articles being deterministic. No timing is asserted (machines are noisy).
import { describe, expect, it } from 'vitest';
import { generateArticle, sampleSentences, wordCount, type CorpusSentence, type TestSentences } from '../../scripts/lib/bench-corpus';
import { scanLongTasks } from '../../scripts/lib/bench-browser';
import { formatTable, jsonLine, makeMetric, median, meets, parseBenchArgs, roundValue, TARGETS } from '../../scripts/lib/bench-report';

const ISSUE_METRICS = [
  'classifier_sentences_per_s',
  'model_load_ms',
  'artifacts_bytes',
  'package_bytes',
  'node_peak_memory_mb',
  'worker_cold_start_ms',
  'highlights_ms_2k_words',
  'highlights_ms_20k_words',
  'content_longest_task_ms',
  'content_long_tasks',
  'worker_memory_mb',
  'analysis_to_extraction_ratio',
  'page_load_ratio',
];

function sentence(i: number, manipulative = false): CorpusSentence {
  return { text: `Sentence number ${i} of the tiny sample says something${manipulative ? ' outrageous' : ''}.`, lang: 'en', source: 'test', manipulative };
}

const tiny: TestSentences = {
  sentences: [...Array.from({ length: 30 }, (_, i) => sentence(i)), ...Array.from({ length: 6 }, (_, i) => sentence(100 + i, true)), { text: 'Ce texte est en français et il est assez long.', lang: 'fr', source: 'test', manipulative: false }],
  titles: ['A headline <with> "markup" & more'],
};

describe('bench output', () => {
  it('writes one JSON object per metric, with the target and pass/miss when there is one', () => {
    const line = jsonLine(makeMetric('highlights_ms_20k_words', 812.345, 'ms'));
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ metric: 'highlights_ms_20k_words', value: 812, unit: 'ms', target: '< 300', pass: false });
    expect(JSON.parse(jsonLine(makeMetric('worker_memory_mb', 38.123, 'MB')))).toEqual({ metric: 'worker_memory_mb', value: 38.12, unit: 'MB' });
    expect(makeMetric('analysis_to_extraction_ratio', 1.499, 'x')).toMatchObject({ value: 1.5, pass: true });
  });

  it('has a target for each of the issue\'s targets', () => {
    expect(TARGETS.classifier_sentences_per_s).toEqual({ op: '>=', value: 20_000 });
    expect(TARGETS.highlights_ms_20k_words).toEqual({ op: '<', value: 300 });
    expect(TARGETS.content_longest_task_ms).toEqual({ op: '<=', value: 50 });
    expect(TARGETS.analysis_to_extraction_ratio).toEqual({ op: '<=', value: 1.5 });
    expect(TARGETS.page_load_ratio).toEqual({ op: '<=', value: 1.1 });
    expect(TARGETS.package_bytes).toEqual({ op: '<=', value: 20_000_000 });
    for (const name of Object.keys(TARGETS)) expect(name).toMatch(/^[a-z0-9_]+$/);
    expect(ISSUE_METRICS).toEqual(expect.arrayContaining(Object.keys(TARGETS).filter((n) => !['model_bytes'].includes(n))));
  });

  it('compares with each operator and rounds', () => {
    expect(meets(300, { op: '<', value: 300 })).toBe(false);
    expect(meets(300, { op: '<=', value: 300 })).toBe(true);
    expect(meets(20_000, { op: '>=', value: 20_000 })).toBe(true);
    expect(meets(1, { op: '>', value: 1 })).toBe(false);
    expect(roundValue(1234.5678)).toBe(1235);
    expect(roundValue(1.23456)).toBe(1.23);
    expect(Number.isNaN(roundValue(Number.NaN))).toBe(true);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('prints an aligned table with target and status columns and a summary', () => {
    const table = formatTable([makeMetric('classifier_sentences_per_s', 25_000, 'sentences/s'), makeMetric('page_load_ratio', 1.2, 'x'), makeMetric('worker_memory_mb', 40, 'MB')]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^metric\s+value\s+unit\s+target\s+status$/);
    expect(lines[2]).toMatch(/^classifier_sentences_per_s\s+25,000\s+sentences\/s\s+>= 20000\s+pass$/);
    expect(lines[3]).toMatch(/^page_load_ratio\s+1\.2\s+x\s+<= 1\.1\s+MISS$/);
    expect(lines[4]).toMatch(/^worker_memory_mb\s+40\s+MB$/);
    // Values are right-aligned in one column.
    expect(lines[2].indexOf('25,000') + '25,000'.length).toBe(lines[3].indexOf('1.2') + '1.2'.length);
    expect(lines.at(-1)).toBe('targets met: 1 of 2');
  });

  it('parses the options', () => {
    expect(parseBenchArgs([])).toEqual({ node: true, browser: true, runs: 5, json: false });
    expect(parseBenchArgs(['--node-only', '--json'])).toMatchObject({ node: true, browser: false, json: true });
    expect(parseBenchArgs(['--browser-only', '--runs', '3'])).toMatchObject({ node: false, browser: true, runs: 3 });
    expect(parseBenchArgs(['--runs=2', '--data', '/data'])).toMatchObject({ runs: 2, dataDir: '/data' });
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/at least 1/);
    expect(() => parseBenchArgs(['--node-only', '--browser-only'])).toThrow(/exclude/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option/);
  });
});

describe('bench corpus', () => {
  it('samples the same sentences for the same seed, without repeats while the pool lasts', () => {
    const a = sampleSentences(tiny.sentences, 20, 7);
    expect(sampleSentences(tiny.sentences, 20, 7)).toEqual(a);
    expect(new Set(a).size).toBe(20);
    expect(sampleSentences(tiny.sentences, 20, 8)).not.toEqual(a);
    // A pool smaller than the count is drawn again.
    const more = sampleSentences(tiny.sentences, 100, 7);
    expect(more).toHaveLength(100);
    expect(new Set(more).size).toBe(tiny.sentences.length);
    expect(() => sampleSentences([], 1, 1)).toThrow();
  });

  it('generates the same English article for the same seed, escaped, long enough, with manipulative sentences', () => {
    const options = { words: 300, manipulativeShare: 0.3, seed: 11 };
    const article = generateArticle(tiny, options);
    expect(generateArticle(tiny, options)).toEqual(article);
    expect(generateArticle(tiny, { ...options, seed: 12 }).html).not.toBe(article.html);
    expect(article.words).toBeGreaterThanOrEqual(300);
    expect(wordCount(article.text)).toBe(article.words);
    expect(article.manipulative).toBeGreaterThan(0);
    expect(article.manipulative).toBeLessThan(article.sentences);
    expect(article.html).not.toContain('français');
    expect(article.html).toContain('<h1>A headline &lt;with&gt; &quot;markup&quot; &amp; more</h1>');
    expect(article.html.match(/<p>/g)!.length).toBeGreaterThan(3);
  });

  it('counts words', () => {
    expect(wordCount('  one two\nthree ')).toBe(3);
    expect(wordCount('')).toBe(0);
  });
});

describe('bench long tasks', () => {
  const scan = { extract: { start: 1000, duration: 40 }, highlights: { start: 2000, duration: 20 } };

  it('keeps the long tasks of the scan\'s window only', () => {
    const longTasks = [{ start: 100, duration: 80 }, { start: 1010, duration: 60 }, { start: 2100, duration: 70 }, { start: 5000, duration: 90 }];
    expect(scanLongTasks({ ...scan, longTasks }, 400)).toEqual([longTasks[1], longTasks[2]]);
    expect(scanLongTasks({ longTasks, extract: undefined, highlights: undefined })).toEqual([]);
  });

  it('counts a highlights step over 50 ms that the observer did not report', () => {
    const slow = { ...scan, highlights: { start: 2000, duration: 120 } };
    expect(scanLongTasks({ ...slow, longTasks: [] })).toEqual([slow.highlights]);
    const seen = { start: 2000, duration: 121 };
    expect(scanLongTasks({ ...slow, longTasks: [seen] })).toEqual([seen]);
  });
});
