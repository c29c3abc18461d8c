// Plain-language names and explanations of what the model flags, shared by the in-page card
// and the popup (the texts themselves live in model/guidance.ts, so scan and reports share them).
import { guidanceFor, type Guidance } from '../../model/guidance';
import type { Label } from '../../model/labels';
import type { CategoryId } from '../../model/types';

/** The texts the card and popup show for a label: see model/guidance.ts. */
export type LabelText = Guidance;

export function describeLabel(label: Label): LabelText {
  return guidanceFor(label);
}

export const CATEGORY_NAMES: Record<CategoryId, string> = {
  persuasion: 'Persuasion techniques',
  loaded_language: 'Loaded language',
  clickbait: 'Clickbait headline',
  insult: 'Insulting language',
  claims: 'Resembles debunked claims',
  source: 'What source lists say',
};

export type Severity = 'low' | 'medium' | 'high';

/** The three colour bands of a finding, from its 0-1 severity. */
export function severityBand(severity: number): Severity {
  if (severity >= 0.5) return 'high';
  return severity >= 0.2 ? 'medium' : 'low';
}
