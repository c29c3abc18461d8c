// UI strings for the popup and card, looked up in extension/_locales through t() when read (the
// getters let an extension page switch language after this module loads): see ./i18n.ts.
import type { RiskLevel } from '../../model/types';
import { plural, t } from './i18n';

export const STRINGS = {
  get appName() { return t('app_name'); },
  get scanning() { return t('popup_scanning'); },
  get partialNote() { return t('popup_partial_note'); },
  get nothingFound() { return t('popup_nothing_found'); },
  get nothingFoundHint() { return t('popup_nothing_found_hint'); },
  get unreadableTitle() { return t('popup_unreadable_title'); },
  get errorTitle() { return t('popup_error_title'); },
  get errorHint() { return t('popup_error_hint'); },
  get idleTitle() { return t('popup_idle_title'); },
  get idleHint() { return t('popup_idle_hint'); },
  unsupportedLanguage: (language: string) => t('popup_unsupported_language', [language]),
  get highlightsLabel() { return t('popup_highlights_label'); },
  get showInPage() { return t('popup_show_in_page'); },
  flaggedHeading: (n: number) => plural('popup_flagged_heading', n),
  confidence: (percent: number) => t('popup_confidence', [percent]),
  get whyItMatters() { return t('popup_why_it_matters'); },
  get askYourself() { return t('popup_ask_yourself'); },
  get evidence() { return t('popup_evidence'); },
  get neutralVersion() { return t('popup_neutral_version'); },
  get example() { return t('popup_example'); },
  also: (names: string) => t('popup_also', [names]),
  get riskLabel() { return t('popup_risk_label'); },
  gaugeValue: (risk: number, level: string) => t('popup_gauge_value', [risk, level]),
  get level(): Record<RiskLevel, string> { return { low: t('risk_level_low'), some: t('risk_level_some'), high: t('risk_level_high') }; },
  get privacy() { return t('popup_privacy'); },
  get headline() { return t('popup_headline'); },
  get suggestedWording() { return t('suggested_wording'); },
  get removed() { return t('diff_removed'); },
  get added() { return t('diff_added'); },
  get quotedWords() { return t('quoted_words'); },
  get spoilerHeading() { return t('spoiler_heading'); },
  get betterHeadline() { return t('better_headline'); },
  get claimsHeading() { return t('claims_heading'); },
  get claimCardName() { return t('claim_card_name'); },
  get claimCardSignal() { return t('claim_card_signal'); },
  get claimCardWhat() { return t('claim_card_what'); },
  get claimCardWhy() { return t('claim_card_why'); },
  get claimCardAsk() { return t('claim_card_ask'); },
  get claimChecked() { return t('claim_checked'); },
  get verdict() { return t('claim_verdict'); },
  get correction() { return t('claim_correction'); },
  get more() { return t('more'); },
  get less() { return t('less'); },
  factCheckBy: (source: string) => t('claim_fact_check_by', [source]),
  checkedBy: (source: string) => t('claim_checked_by', [source]),
  claimDisclaimer: (source: string) => t('claim_disclaimer', [source]),
  otherMatches: (n: number) => plural('claim_other_matches', n),
  get sourceHeading() { return t('source_heading'); },
  get sourceCaveat() { return t('source_caveat'); },
  get noListRates() { return t('source_no_list_rates'); },
  listDated: (list: string, date: string) => (date ? t('source_list_dated', [list, date]) : list),
  get contextHeading() { return t('context_heading'); },
  get alsoFlagged() { return t('also_flagged'); },
  claimPointer: (sources: string) => t('claim_pointer', [sources]),
  ratedEntry: (key: string) => t('source_rated_entry', [key]),
  get opensInNewTab() { return t('opens_in_new_tab'); },
  get close() { return t('close'); },
};

/** "Heading:" with this language's colon ("Titre :" in French). */
export const colon = (label: string) => t('label_colon', [label]);
/** Text in this language's quotation marks. */
export const quoted = (text: string) => t('quoted', [text]);
/** Items joined with this language's list separator. */
export const listOf = (items: readonly string[]) => items.join(t('list_separator'));

/** One sentence that sums up the page for the popup. */
export function summaryOf(level: RiskLevel, flagged: number, sentences: number, clickbait: boolean): string {
  const headline = clickbait ? ` ${t('summary_clickbait')}` : '';
  if (flagged === 0) return `${t('summary_none')}${headline}`;
  const share = plural('summary_share', sentences, [flagged, sentences]);
  const key = level === 'high' ? 'summary_high' : level === 'some' ? 'summary_some' : 'summary_low';
  return `${t(key, [share])}${headline}`;
}
