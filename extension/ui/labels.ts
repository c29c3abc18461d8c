// Plain-language names and explanations of what the model flags, shared by the in-page card,
// the popup, workshop and history pages. The English texts live in model/guidance.ts (scan and
// reports share them); the UI shows them in its language through _locales (guidance_* keys),
// with model/guidance.ts as the fallback.
import { GUIDANCE, type Guidance } from '../../model/guidance';
import { isTechnique, type Label } from '../../model/labels';
import type { CategoryId } from '../../model/types';
import { guidanceKey, lookup, t } from './i18n';

/** The texts the card and popup show for a label: see model/guidance.ts. */
export type LabelText = Guidance;

export const GUIDANCE_FIELDS = ['name', 'what', 'why', 'ask', 'example', 'restatement'] as const satisfies readonly (keyof Guidance)[];

/** A label's guidance in the UI language; undefined for what is not a label. */
export function describeLabel(label: Label): LabelText {
  if (typeof label !== 'string' || !Object.hasOwn(GUIDANCE, label)) return undefined as unknown as LabelText;
  const english = GUIDANCE[label];
  const technique = isTechnique(label);
  const text = {} as LabelText;
  for (const field of GUIDANCE_FIELDS) text[field] = lookup(guidanceKey(label, field, technique)) || english[field];
  return text;
}

const CATEGORY_KEYS: Record<CategoryId, string> = {
  persuasion: 'category_persuasion',
  loaded_language: 'category_loaded_language',
  clickbait: 'category_clickbait',
  insult: 'category_insult',
  claims: 'category_claims',
  source: 'category_source',
};

/** Category names, looked up when read (the page may switch language after this module loads). */
export const CATEGORY_NAMES: Readonly<Record<CategoryId, string>> = Object.defineProperties(
  {} as Record<CategoryId, string>,
  Object.fromEntries(Object.entries(CATEGORY_KEYS).map(([id, key]) => [id, { get: () => t(key), enumerable: true }])),
);

export type Severity = 'low' | 'medium' | 'high';

/** The three colour bands of a finding, from its 0-1 severity. */
export function severityBand(severity: number): Severity {
  if (severity >= 0.5) return 'high';
  return severity >= 0.2 ? 'medium' : 'low';
}
