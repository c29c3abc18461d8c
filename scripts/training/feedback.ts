// `npm run train -- --feedback FILE.jsonl`: the verdicts a reader exported from the extension
// ("Export feedback (JSONL)", extension/feedback.ts) as extra training examples.
//
// Each line is {"text", "label", "verdict"[, "lang"]}. A verdict is about the one label the flag
// showed, so every other head stays masked:
// - "correct": 1 for that label (and for any_technique when the label is a technique: a
//   confirmed technique is a technique);
// - "not_manipulative": 0 for that label (and for any_technique when the label is a technique;
//   the reader said the sentence is not manipulative).
// Examples go to the train split only (never validation or test, whose figures must stay
// comparable with the committed model's) and are seen FEEDBACK_REPEATS times per epoch. The same
// text and label twice: the later line wins. A malformed line stops training with file:line.
import { ANY_TECHNIQUE, LABELS, LABEL_INDEX, LOADED_WORD, isTechnique, type Label } from '../../model/labels';
import { MASKED, type Example } from './datasets';
import { DataFileError, optionalString, readJsonl, stringField } from './jsonl';

export const FEEDBACK_SOURCE = 'feedback';
/**
 * Times each feedback example is seen per epoch. A reader's verdict is a precise, sentence-level
 * label, so it counts like the small data sets (BABE: 3, TA1C: 4) but lower: a few hundred
 * verdicts nudge the thresholded heads without outweighing the ~100 k examples of the data sets.
 */
export const FEEDBACK_REPEATS = 2;
export const FEEDBACK_VERDICTS = ['correct', 'not_manipulative'] as const;
/** Heads a flag can carry: every label but the word-level head (never a finding's label). */
const FLAG_LABELS = LABELS.filter((label) => label !== LOADED_WORD);

export interface FeedbackReport {
  file: string;
  examples: number;
  /** Lines replaced by a later line on the same text and label. */
  superseded: number;
  byVerdict: Record<(typeof FEEDBACK_VERDICTS)[number], number>;
}

export function loadFeedback(file: string): { examples: Example[]; report: FeedbackReport } {
  const byKey = new Map<string, Example & { verdict: (typeof FEEDBACK_VERDICTS)[number] }>();
  let superseded = 0;
  for (const row of readJsonl(file)) {
    const text = stringField(row, 'text').trim();
    if (text === '') throw new DataFileError(row.file, row.line, '"text" is empty');
    const label = stringField(row, 'label');
    if (!(FLAG_LABELS as readonly string[]).includes(label)) throw new DataFileError(row.file, row.line, `unknown label "${label}" (expected one of ${FLAG_LABELS.join(', ')})`);
    const verdict = stringField(row, 'verdict');
    if (!(FEEDBACK_VERDICTS as readonly string[]).includes(verdict)) throw new DataFileError(row.file, row.line, `unknown verdict "${verdict}" (expected ${FEEDBACK_VERDICTS.join(' or ')})`);
    const lang = optionalString(row, 'lang') ?? 'und';
    const targets = new Int8Array(LABELS.length).fill(MASKED);
    const value = verdict === 'correct' ? 1 : 0;
    targets[LABEL_INDEX[label as Label]] = value;
    if (isTechnique(label)) targets[LABEL_INDEX[ANY_TECHNIQUE]] = value;
    const key = `${label}\u0000${text}`;
    if (byKey.has(key)) {
      superseded++;
      byKey.delete(key);
    }
    byKey.set(key, { text, lang, source: FEEDBACK_SOURCE, group: `feedback:${row.line}`, split: 'train', targets, verdict: verdict as (typeof FEEDBACK_VERDICTS)[number] });
  }
  const byVerdict = { correct: 0, not_manipulative: 0 };
  const examples = [...byKey.values()].map(({ verdict, ...example }) => {
    byVerdict[verdict]++;
    return example;
  });
  return { examples, report: { file, examples: examples.length, superseded, byVerdict } };
}

/**
 * Appends the feedback examples to `train` (in place), except those whose sentence is a validation
 * or test example: held-out figures must not have seen them. Never touches the held-out splits.
 */
export function addFeedback(train: Example[], heldOut: readonly Example[], feedback: readonly Example[]): { added: number; dropped: number } {
  const texts = new Set(heldOut.map((e) => e.text.trim()));
  const kept = feedback.filter((e) => e.split === 'train' && !texts.has(e.text));
  train.push(...kept);
  return { added: kept.length, dropped: feedback.length - kept.length };
}
