// "Check what I selected": what the in-page selection card and the popup's "Your selection" section
// show for a checked selection. Pure (no DOM). The analysis crossed a process boundary and is only
// checked to be an object with a findings array, so everything here reads it defensively.
import type { Finding, PageAnalysis } from '../../model/types';
import { rewordingView, type RewordingView } from './diff';
import { plural, t } from './i18n';
import { describeLabel, severityBand, type LabelText, type Severity } from './labels';

export const SELECTION_STRINGS = {
  get heading() { return t('selection_heading'); },
  get nothingFound() { return t('selection_nothing_found'); },
  get nothingFoundHint() { return t('selection_nothing_found_hint'); },
  get unsupported() { return t('selection_unsupported'); },
  more: (n: number) => plural('selection_more', n),
  get claims() { return t('selection_claims'); },
  get clear() { return t('selection_clear'); },
  get clearLabel() { return t('selection_clear_label'); },
  get ask() { return t('selection_ask'); },
};

/** The card shows this many findings, strongest first; the popup shows them all. */
export const MAX_CARD_FINDINGS = 3;

export interface SelectionItem {
  name: string;
  what: string;
  ask: string;
  /** The flagged sentence of the selection. */
  sentence: string;
  band: Severity;
  rewording: RewordingView | null;
}

export type SelectionView =
  | { kind: 'message'; message: string }
  | { kind: 'unsupported' }
  | { kind: 'clean'; claims: boolean }
  | { kind: 'findings'; items: SelectionItem[]; more: number; claims: boolean };

const fallback = (): Pick<LabelText, 'name' | 'what' | 'ask'> => ({ name: t('selection_fallback_name'), what: t('selection_fallback_what'), ask: t('selection_fallback_ask') });

function textOf(label: unknown): Pick<LabelText, 'name' | 'what' | 'ask'> {
  if (typeof label !== 'string') return fallback();
  const text = describeLabel(label as Finding['label']) as Partial<LabelText> | undefined;
  // An unknown label may hit an Object.prototype member: only a complete text counts.
  return typeof text?.name === 'string' && typeof text.what === 'string' && typeof text.ask === 'string' ? text as LabelText : fallback();
}

/** Findings that can be shown: objects with a sentence text. */
export function usableFindings(analysis: unknown): Finding[] {
  const findings = (analysis as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings)) return [];
  return findings.filter((f): f is Finding => typeof f === 'object' && f !== null && typeof (f as Finding).sentence?.text === 'string');
}

const severityOf = (finding: Finding) => (Number.isFinite(finding.severity) ? finding.severity : 0);

export function selectionItem(finding: Finding): SelectionItem {
  const text = textOf(finding.label);
  return { name: text.name, what: text.what, ask: text.ask, sentence: finding.sentence.text, band: severityBand(severityOf(finding)), rewording: rewordingView(finding.sentence.text, finding.suggestion?.rewording) };
}

const hasClaims = (analysis: Partial<PageAnalysis>) => Array.isArray(analysis.claims) && analysis.claims.length > 0;

/** What to show for a checked selection: its strongest findings (at most `max`), or why there are none. */
export function selectionView(result: { analysis?: unknown; message?: unknown }, max = MAX_CARD_FINDINGS): SelectionView {
  const analysis = result.analysis as Partial<PageAnalysis> | undefined;
  if (typeof analysis !== 'object' || analysis === null) return { kind: 'message', message: typeof result.message === 'string' ? result.message : '' };
  if (analysis.supported === false) return { kind: 'unsupported' };
  const findings = usableFindings(analysis).sort((a, b) => severityOf(b) - severityOf(a));
  const claims = hasClaims(analysis);
  if (findings.length === 0) return { kind: 'clean', claims };
  return { kind: 'findings', items: findings.slice(0, max).map(selectionItem), more: Math.max(0, findings.length - max), claims };
}
