// The benchmark's text: real sentences from the held-out test split of ../shared/data (the same
// split the model card's figures come from, so the bench never reads training text), sampled
// deterministically; and generated news articles made of those sentences.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { segmentSentences } from '../../model/text';
import { babeGroup } from '../training/datasets';
import { readJsonl, type JsonlRow } from '../training/jsonl';
import { createRandom, shuffleInPlace } from '../training/random';
import { splitOf, SPLIT_SEED } from '../training/splits';

export interface CorpusSentence {
  text: string;
  lang: string;
  /** Where it comes from: 'ptc', 'semeval2023', 'babe'. */
  source: string;
  /** Annotated as propaganda (a technique span), or biased (BABE). */
  manipulative: boolean;
}

export interface TestSentences {
  sentences: CorpusSentence[];
  /** PTC test-article titles, for the generated articles' headlines. */
  titles: string[];
}

/** Sentences shorter than this (in words) are headings, bylines or fragments, not sentences. */
const MIN_WORDS = 5;
const MAX_WORDS = 80;
const SEMEVAL_LANGUAGES = ['en', 'fr', 'de', 'it', 'pl', 'ru'];

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

const isTest = (group: string) => splitOf(group, SPLIT_SEED) === 'test';

function keep(text: string): boolean {
  const words = wordCount(text);
  return words >= MIN_WORDS && words <= MAX_WORDS;
}

/**
 * Every test-split sentence of PTC, SemEval-2023 (six languages, cut by the model's own
 * segmenter) and BABE, deduplicated, in file order. Throws with the path when the data is missing.
 */
export function loadTestSentences(dataDir: string): TestSentences {
  const file = (...parts: string[]) => {
    const path = join(dataDir, ...parts);
    if (!existsSync(path)) throw new Error(`${path}: missing (the benchmark reads the test split of ../shared/data; pass --data DIR)`);
    return path;
  };
  const seen = new Set<string>();
  const sentences: CorpusSentence[] = [];
  const add = (sentence: CorpusSentence) => {
    const text = sentence.text.replace(/\s+/g, ' ').trim();
    if (!keep(text) || seen.has(text)) return;
    seen.add(text);
    sentences.push({ ...sentence, text });
  };
  const titles: string[] = [];
  for (const row of readJsonl(file('propaganda_ptc_semeval2020', 'train.sentences.jsonl.gz'))) {
    if (!isTest(`en-article:${String(row.value.article_id)}`)) continue;
    const text = String(row.value.text);
    if (row.value.is_title === true) titles.push(text.trim());
    else add({ text, lang: 'en', source: 'ptc', manipulative: row.value.label === 'propaganda' });
  }
  for (const lang of SEMEVAL_LANGUAGES) {
    for (const row of readJsonl(file('propaganda_semeval2023_task3_multilingual', `${lang}.train.articles.jsonl.gz`))) {
      if (!isTest(`${lang}-article:${String(row.value.id)}`)) continue;
      const spans = (row.value.spans as { start: number; end: number }[] | undefined) ?? [];
      for (const s of segmentSentences(String(row.value.text), lang)) add({ text: s.text, lang, source: 'semeval2023', manipulative: spans.some((span) => span.start < s.end && span.end > s.start) });
    }
  }
  for (const row of readJsonl(file('bias_babe_mbic', 'babe_sg2.jsonl')) as JsonlRow[]) {
    if (isTest(babeGroup(row))) add({ text: String(row.value.text), lang: 'en', source: 'babe', manipulative: row.value.label === 'biased' });
  }
  return { sentences, titles };
}

/**
 * `count` sentences drawn from `pool` without replacement (seeded shuffle): the same pool and
 * seed always give the same list. A pool smaller than `count` is drawn again, reshuffled.
 */
export function sampleSentences<T>(pool: readonly T[], count: number, seed: number): T[] {
  if (pool.length === 0) throw new Error('no sentences to sample from');
  const random = createRandom(seed);
  const out: T[] = [];
  while (out.length < count) {
    const round = [...pool];
    shuffleInPlace(round, random);
    out.push(...round.slice(0, count - out.length));
  }
  return out;
}

export interface ArticleOptions {
  /** Words in the body, at least (the last sentence may pass it). */
  words: number;
  /** Share of manipulative sentences, so there is something to highlight. */
  manipulativeShare: number;
  seed: number;
}

export interface GeneratedArticle {
  title: string;
  html: string;
  /** The body as plain text: paragraphs joined by blank lines (for the Node-side analysis). */
  text: string;
  words: number;
  sentences: number;
  manipulative: number;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A news page of English test sentences: a headline, paragraphs of 3 to 5 sentences, about one
 * sentence in 1/manipulativeShare annotated as manipulative, and a little page chrome (nav,
 * footer) so that Readability has something to leave out. Deterministic in its inputs.
 */
export function generateArticle(test: TestSentences, options: ArticleOptions): GeneratedArticle {
  const english = test.sentences.filter((s) => s.lang === 'en');
  const manipulative = english.filter((s) => s.manipulative);
  const neutral = english.filter((s) => !s.manipulative);
  if (manipulative.length === 0 || neutral.length === 0) throw new Error('the test split has no manipulative or no neutral English sentences');
  const random = createRandom(options.seed);
  // Enough of each kind for the longest article; drawn without replacement as far as the pool goes.
  const estimate = Math.ceil(options.words / 15) + 10;
  const loaded = sampleSentences(manipulative, Math.ceil(estimate * options.manipulativeShare) + 1, options.seed + 1);
  const plain = sampleSentences(neutral, estimate, options.seed + 2);
  const chosen: CorpusSentence[] = [];
  let words = 0;
  let nextLoaded = 0;
  let nextPlain = 0;
  while (words < options.words) {
    const sentence = random() < options.manipulativeShare ? loaded[nextLoaded++ % loaded.length] : plain[nextPlain++ % plain.length];
    chosen.push(sentence);
    words += wordCount(sentence.text);
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < chosen.length; ) {
    const size = 3 + Math.floor(random() * 3);
    paragraphs.push(chosen.slice(i, i + size).map((s) => s.text).join(' '));
    i += size;
  }
  const title = test.titles.length > 0 ? test.titles[Math.floor(random() * test.titles.length)] : 'News of the day';
  const html = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font:17px/1.6 Georgia,serif;max-width:44em;margin:2em auto;padding:0 1em}nav,footer{font:14px sans-serif;color:#555}</style>',
    '</head><body>',
    '<nav><a href="/">Home</a> · <a href="/world">World</a> · <a href="/politics">Politics</a> · <a href="/opinion">Opinion</a></nav>',
    `<article><h1>${escapeHtml(title)}</h1>`,
    '<p class="byline">By the benchmark desk</p>',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    '</article>',
    '<footer><p>© The Benchmark Gazette. All rights reserved.</p></footer>',
    '</body></html>',
  ].join('\n');
  return { title, html, text: paragraphs.join('\n\n'), words, sentences: chosen.length, manipulative: chosen.filter((s) => s.manipulative).length };
}

/** The benchmark's articles: sizes in words and seeds, fixed so every run reads the same pages. */
export const BENCH_ARTICLES = [
  { id: '2k_words', words: 2_000, seed: 2_000 },
  { id: '20k_words', words: 20_000, seed: 20_000 },
] as const;
export type ArticleId = (typeof BENCH_ARTICLES)[number]['id'];
/** About one sentence in seven annotated as manipulative: enough for highlights, mostly news. */
export const MANIPULATIVE_SHARE = 0.15;
export const CORPUS_SIZE = 5_000;
export const CORPUS_SEED = 5_000;

export function benchArticles(test: TestSentences): Record<ArticleId, GeneratedArticle> {
  const entries = BENCH_ARTICLES.map(({ id, words, seed }) => [id, generateArticle(test, { words, seed, manipulativeShare: MANIPULATIVE_SHARE })] as const);
  return Object.fromEntries(entries) as Record<ArticleId, GeneratedArticle>;
}
