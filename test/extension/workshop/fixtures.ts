// A fake analysis for workshop tests: findings on given sentences of the text that was sent.
import { guidanceFor } from '../../../model/guidance';
import type { Label } from '../../../model/labels';
import type { Finding, PageAnalysis, TextRange } from '../../../model/types';
import { analysis } from '../background/fakes';

export function finding(range: TextRange, text: string, label: Label, extra: Partial<Finding> = {}): Finding {
  return {
    id: extra.isHeadline ? 'headline' : `s${range.start}-${range.end}`,
    kind: label === 'clickbait' ? 'clickbait' : label === 'loaded_language' ? 'loaded_language' : label === 'insult' ? 'insult' : 'technique',
    label,
    score: 0.8,
    severity: 0.6,
    labels: [{ label, score: 0.8, threshold: 0.3 }],
    sentence: { ...range, text },
    isHeadline: false,
    evidence: [],
    suggestion: { question: guidanceFor(label).ask, restatement: guidanceFor(label).restatement },
    ...extra,
  };
}

export function analysisOf(findings: Finding[], sentenceCount = 5): PageAnalysis {
  return analysis({ model: { name: 'test', version: '0' }, risk: 50, sentenceCount, findings });
}

/** Findings for every occurrence of each given sentence in `text`, with `label`. */
export function flagSentences(text: string, sentences: [string, Label][], title?: string, headlineLabel?: Label): PageAnalysis {
  const findings = sentences.map(([sentence, label]) => {
    const start = text.indexOf(sentence);
    if (start < 0) throw new Error(`not in text: ${sentence}`);
    return finding({ start, end: start + sentence.length }, sentence, label);
  });
  if (title && headlineLabel) findings.unshift(finding({ start: 0, end: title.length }, title, headlineLabel, { isHeadline: true, id: 'headline' }));
  return analysisOf(findings);
}
