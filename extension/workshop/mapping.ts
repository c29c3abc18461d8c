// Joins an article's sentences into the text sent for analysis, and maps the analysis' findings
// back to the sentences by overlap: the model's segmenter may split or merge differently.
import type { Finding, PageAnalysis, TextRange } from '../../model/types';
import type { Label } from '../../model/labels';
import type { Article } from './articles';

/** The text as sent, with each sentence's offsets into it (joined with a single space). */
export interface JoinedText {
  text: string;
  offsets: TextRange[];
}

export function joinSentences(sentences: readonly string[]): JoinedText {
  const offsets: TextRange[] = [];
  let at = 0;
  for (const sentence of sentences) {
    offsets.push({ start: at, end: at + sentence.length });
    at += sentence.length + 1;
  }
  return { text: sentences.join(' '), offsets };
}

/** One markable unit of a round: the headline or a sentence. */
export interface Item {
  id: string;
  text: string;
  isHeadline: boolean;
  /** The author's key; undefined when there is none (a pasted text). */
  key?: Label[];
}

export const HEADLINE_ID = 'headline';
export const sentenceId = (index: number) => `s${index}`;

export function articleItems(article: Article): Item[] {
  return [
    { id: HEADLINE_ID, text: article.headline, isHeadline: true, key: article.headlineKey },
    ...article.sentences.map((sentence, i) => ({ id: sentenceId(i), text: sentence.text, isHeadline: false, key: sentence.key })),
  ];
}

function overlap(a: TextRange, b: TextRange): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

const isRange = (r: unknown): r is TextRange => typeof r === 'object' && r !== null && Number.isFinite((r as TextRange).start) && Number.isFinite((r as TextRange).end);

/**
 * Findings per sentence index: a body finding belongs to every sentence it overlaps by at least one
 * character (a merged segment flags both sentences; split segments both land on one). Headline
 * findings are returned apart.
 */
export function mapFindings(findings: readonly Finding[], offsets: readonly TextRange[]): { headline: Finding[]; sentences: Finding[][] } {
  const sentences: Finding[][] = offsets.map(() => []);
  const headline: Finding[] = [];
  for (const finding of findings) {
    if (finding.isHeadline) {
      headline.push(finding);
      continue;
    }
    if (!isRange(finding.sentence)) continue;
    offsets.forEach((range, i) => {
      if (overlap(range, finding.sentence) > 0 && !sentences[i].includes(finding)) sentences[i].push(finding);
    });
  }
  return { headline, sentences };
}

/** Findings per item id, for an article's items (headline first, then sentences in order). */
export function findingsByItem(items: readonly Item[], analysis: PageAnalysis, offsets: readonly TextRange[]): Record<string, Finding[]> {
  const mapped = mapFindings(analysis.findings ?? [], offsets);
  const body = items.filter((item) => !item.isHeadline);
  const result: Record<string, Finding[]> = {};
  for (const item of items) result[item.id] = item.isHeadline ? mapped.headline : [];
  body.forEach((item, i) => (result[item.id] = mapped.sentences[i] ?? []));
  return result;
}

/** The labels Unspin gives an item, strongest first, without repeats. */
export function flaggedLabels(findings: readonly Finding[]): Label[] {
  const labels = findings.flatMap((f) => (Array.isArray(f.labels) && f.labels.length > 0 ? f.labels.map((l) => l.label) : [f.label]));
  return [...new Set(labels)];
}
