// npm run -s evaluate:spoiler [-- --data FILE --no-classifier]
// Measures the clickbait spoiler picker (model/spoiler.ts) on hand-written articles
// (scripts/data/spoiler-eval.jsonl). Items with an even id are the tuning half, odd ids the
// held-out half; both are reported, with two baselines (first sentence; most shared words with
// the headline) and a no-answer check (each headline against another item's body). Optionally
// scores the alternative headlines with the committed clickbait classifier.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLICKBAIT, LABEL_INDEX } from '../model/labels';
import { thresholdFor } from '../model/manifest';
import { findSpoiler, MAX_HEADLINE_CHARS, rankSpoilers } from '../model/spoiler';
import { segmentSentences, tokenize, type Sentence } from '../model/text';
import { DataFileError, readJsonl, stringField } from './training/jsonl';
import { parseFlags } from './training/options';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATA = join(ROOT, 'scripts', 'data', 'spoiler-eval.jsonl');
const LANGUAGES = ['en', 'es'] as const;

export interface SpoilerItem {
  id: number;
  language: (typeof LANGUAGES)[number];
  headline: string;
  body: string;
  spoiler: string;
}

export type Half = 'tune' | 'test';

/** Even ids tune, odd ids are held out. */
export function halfOf(item: SpoilerItem): Half {
  return item.id % 2 === 0 ? 'tune' : 'test';
}

/** Items of a JSONL file, each checked: the gold spoiler must be exactly one segmented body sentence. */
export function loadSpoilerItems(file = DEFAULT_DATA): SpoilerItem[] {
  const ids = new Set<number>();
  return readJsonl(file).map((row) => {
    const id = row.value.id;
    if (typeof id !== 'number' || !Number.isInteger(id)) throw new DataFileError(row.file, row.line, '"id" must be an integer');
    if (ids.has(id)) throw new DataFileError(row.file, row.line, `duplicate id ${id}`);
    ids.add(id);
    const language = stringField(row, 'language');
    if (!(LANGUAGES as readonly string[]).includes(language)) throw new DataFileError(row.file, row.line, `"language" must be one of ${LANGUAGES.join(', ')}`);
    const item = { id, language: language as SpoilerItem['language'], headline: stringField(row, 'headline'), body: stringField(row, 'body'), spoiler: stringField(row, 'spoiler') };
    if (!segmentSentences(item.body, item.language).some((s) => s.text === item.spoiler)) {
      throw new DataFileError(row.file, row.line, '"spoiler" is not exactly one sentence of "body" as segmentSentences splits it');
    }
    return item;
  });
}

interface Outcome {
  item: SpoilerItem;
  sentences: Sentence[];
  gold: number;
  /** Rank of the gold sentence in rankSpoilers (0 = top), or -1. */
  goldRank: number;
  returned: boolean;
  correct: boolean;
  alternative?: string;
  firstSentence: boolean;
  maxOverlap: boolean;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const share = <T>(xs: T[], hit: (x: T) => boolean) => (xs.length ? round(xs.filter(hit).length / xs.length) : 0);

/** Baseline: the sentence sharing the most distinct words of four letters or more with the headline (earliest on ties). */
export function maxOverlapIndex(headline: string, sentences: Sentence[]): number {
  const wordsOf = (text: string) => new Set(tokenize(text).map((t) => t.norm).filter((w) => w.length >= 4));
  const head = wordsOf(headline);
  let best = -1;
  let bestCount = -1;
  sentences.forEach((s, i) => {
    let count = 0;
    for (const w of wordsOf(s.text)) if (head.has(w)) count++;
    if (count > bestCount) [best, bestCount] = [i, count];
  });
  return best;
}

function outcomeOf(item: SpoilerItem): Outcome {
  const sentences = segmentSentences(item.body, item.language);
  const gold = sentences.findIndex((s) => s.text === item.spoiler);
  const ranking = rankSpoilers(item.headline, sentences, item.language);
  const spoiler = findSpoiler(item.headline, sentences, item.language);
  return {
    item, sentences, gold,
    goldRank: ranking.findIndex((r) => r.index === gold),
    returned: spoiler !== null,
    correct: spoiler?.sentence.text === item.spoiler && spoiler.sentence.start === sentences[gold].start,
    alternative: spoiler?.headline,
    firstSentence: gold === 0,
    maxOverlap: maxOverlapIndex(item.headline, sentences) === gold,
  };
}

function topRanked(o: Outcome): boolean {
  return o.goldRank === 0;
}

function summary(outcomes: Outcome[]) {
  const covered = outcomes.filter((o) => o.returned);
  return {
    n: outcomes.length,
    accuracy_at_1: share(outcomes, topRanked),
    accuracy_at_3: share(outcomes, (o) => o.goldRank >= 0 && o.goldRank < 3),
    coverage: share(outcomes, (o) => o.returned),
    accuracy_on_covered: share(covered, (o) => o.correct),
    correct_and_returned: share(outcomes, (o) => o.correct),
    baseline_first_sentence: share(outcomes, (o) => o.firstSentence),
    baseline_max_overlap: share(outcomes, (o) => o.maxOverlap),
  };
}

function lengthStats(headlines: string[]) {
  if (headlines.length === 0) return { n: 0 };
  const lengths = headlines.map((h) => [...h].length).sort((a, b) => a - b);
  return {
    n: headlines.length,
    min: lengths[0],
    median: lengths[Math.floor(lengths.length / 2)],
    mean: round(lengths.reduce((a, b) => a + b, 0) / lengths.length),
    max: lengths[lengths.length - 1],
    over_limit: headlines.filter((h) => h.length > MAX_HEADLINE_CHARS).length,
    cut_with_ellipsis: share(headlines, (h) => h.endsWith('…')),
  };
}

/** Each headline against the next item's body (same language when possible): nothing there answers it. */
function noAnswerRate(items: SpoilerItem[]): number {
  const pairs = items.map((item, i) => {
    const others = items.filter((o) => o.id !== item.id && o.language === item.language);
    const other = others.length ? others[(others.findIndex((o) => o.id > item.id) + others.length) % others.length] : items[(i + 1) % items.length];
    return findSpoiler(item.headline, segmentSentences(other.body, other.language), item.language) !== null;
  });
  return share(pairs, (returned) => returned);
}

export interface SpoilerEvaluation {
  n: number;
  test: ReturnType<typeof summary>;
  tune: ReturnType<typeof summary>;
  by_language: Record<string, { test: ReturnType<typeof summary>; tune: ReturnType<typeof summary> }>;
  /** Share of headline/unrelated-body pairs where a spoiler is (wrongly) returned. */
  false_spoiler_rate_unrelated_body: number;
  alternative_headline_chars: ReturnType<typeof lengthStats>;
  picks: { id: number; half: Half; language: string; correct: boolean; gold_position: number; gold_rank: number; headline: string; alternative?: string }[];
}

export function evaluateSpoilers(items: SpoilerItem[]): SpoilerEvaluation {
  const outcomes = items.map(outcomeOf);
  const half = (h: Half, os = outcomes) => summary(os.filter((o) => halfOf(o.item) === h));
  const languages = [...new Set(items.map((i) => i.language))];
  return {
    n: items.length,
    test: half('test'),
    tune: half('tune'),
    by_language: Object.fromEntries(languages.map((l) => {
      const os = outcomes.filter((o) => o.item.language === l);
      return [l, { test: half('test', os), tune: half('tune', os) }];
    })),
    false_spoiler_rate_unrelated_body: noAnswerRate(items),
    alternative_headline_chars: lengthStats(outcomes.flatMap((o) => (o.alternative ? [o.alternative] : []))),
    picks: outcomes.map((o) => ({
      id: o.item.id, half: halfOf(o.item), language: o.item.language, correct: o.correct, gold_position: o.gold + 1, gold_rank: o.goldRank + 1,
      headline: o.item.headline, alternative: o.alternative,
    })),
  };
}

/** How the committed classifier sees the original headlines and the alternatives (loads the ONNX model). */
async function clickbaitScores(items: SpoilerItem[], evaluation: SpoilerEvaluation) {
  const { loadNodeAnalyzer } = await import('./lib/node-model');
  const analyzer = await loadNodeAnalyzer();
  const withAlternative = evaluation.picks.filter((p) => p.alternative !== undefined);
  const languageOf = new Map(items.map((i) => [i.id, i.language]));
  const isClickbait = async (texts: string[], languages: string[]) => {
    const scores = await analyzer.scoreTexts(texts);
    return scores.map((s, i) => s[LABEL_INDEX[CLICKBAIT]] >= thresholdFor(analyzer.manifest, CLICKBAIT, languages[i]));
  };
  const originals = await isClickbait(items.map((i) => i.headline), items.map((i) => i.language));
  const alternatives = await isClickbait(withAlternative.map((p) => p.alternative as string), withAlternative.map((p) => languageOf.get(p.id) as string));
  const originalOf = new Map(items.map((item, i) => [item.id, originals[i]]));
  const flaggedWithAlternative = withAlternative.filter((p) => originalOf.get(p.id));
  return {
    original_headlines_called_clickbait: share(originals, Boolean),
    alternatives_not_called_clickbait: share(alternatives, (c) => !c),
    // Of the originals the classifier flags, how many lose the flag with the alternative.
    flagged_originals_whose_alternative_is_not_clickbait: share(flaggedWithAlternative, (p) => !alternatives[withAlternative.indexOf(p)]),
    n_alternatives: withAlternative.length,
  };
}

async function main(): Promise<void> {
  const { flags } = parseFlags(process.argv.slice(2));
  const items = loadSpoilerItems(resolve(typeof flags.data === 'string' ? flags.data : DEFAULT_DATA));
  const evaluation = evaluateSpoilers(items);
  const classifier = flags['no-classifier'] === true ? undefined : await clickbaitScores(items, evaluation);
  const { picks, ...rest } = evaluation;
  const result = flags.picks === true ? { ...rest, classifier, picks } : { ...rest, classifier };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`evaluate-spoiler failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
