// UI strings for the popup and card. English for now; the languages issue moves them to _locales.
import type { RiskLevel } from '../../model/types';

export const STRINGS = {
  appName: 'Unspin',
  scanning: 'Reading this page…',
  nothingFound: 'Nothing flagged on this page.',
  nothingFoundHint: 'Unspin found no persuasion techniques, loaded wording or clickbait it is confident about. That is not a guarantee the page is accurate.',
  unreadableTitle: 'Unspin can’t read this page',
  errorTitle: 'Something went wrong',
  errorHint: 'Reload the page to try again. If it keeps happening, the page may be too unusual for Unspin.',
  idleTitle: 'Not scanned yet',
  idleHint: 'Open or reload a news article or a feed, and Unspin will read it.',
  unsupportedLanguage: (language: string) => `This page seems to be in ${language}, a language Unspin’s model was not trained on, so it shows no scores.`,
  highlightsLabel: 'Highlight flagged sentences in the page',
  showInPage: 'Show in page',
  flaggedHeading: (n: number) => (n === 1 ? '1 flagged passage' : `${n} flagged passages`),
  confidence: (percent: number) => `${percent}% confidence`,
  whyItMatters: 'Why it matters',
  askYourself: 'Ask yourself',
  evidence: 'Words that triggered it',
  neutralVersion: 'Neutral version',
  example: 'Example of the technique',
  riskLabel: 'Manipulation risk',
  level: { low: 'Low', some: 'Some', high: 'High' } satisfies Record<RiskLevel, string>,
  privacy: 'Analysed on your device. Nothing you read leaves your browser.',
  headline: 'Headline',
  suggestedWording: 'Suggested neutral wording',
  removed: 'removed:',
  added: 'added:',
  quotedWords: 'About these words',
  spoilerHeading: 'What the headline holds back',
  betterHeadline: 'A more informative headline',
  claimsHeading: 'Resembles debunked claims',
  claimCardName: 'Resembles a debunked claim',
  claimCardSignal: 'Context, not a verdict',
  claimCardWhat: 'This sentence is worded like a claim that fact-checkers have found false or misleading.',
  claimCardWhy: 'False claims come back in new words; a similar one has already been checked.',
  claimCardAsk: 'Is this sentence making the same claim? What did the fact-check find?',
  claimChecked: 'Debunked claim',
  verdict: 'Verdict',
  correction: 'What the fact-check says',
  more: 'more',
  less: 'less',
  factCheckBy: (source: string) => `Read the fact-check by ${source}`,
  checkedBy: (source: string) => `Checked by ${source}`,
  claimDisclaimer: (source: string) => `A resemblance to a claim debunked by ${source}, not a verdict on this page.`,
  otherMatches: (n: number) => (n === 1 ? '1 more similar claim' : `${n} more similar claims`),
  sourceHeading: 'Who published it',
  sourceCaveat: 'What these lists said when they were compiled; not Unspin’s verdict.',
  noListRates: 'No list rates this site.',
  listDated: (list: string, date: string) => (date ? `${list}, ${date}` : list),
  contextHeading: 'Context',
  alsoFlagged: 'Also flagged above.',
  claimPointer: (sources: string) => `Also resembles a claim debunked by ${sources}: see “Resembles debunked claims” below.`,
  ratedEntry: (key: string) => `rated as ${key}`,
  opensInNewTab: '(opens in a new tab)',
} as const;

/** One sentence that sums up the page for the popup. */
export function summaryOf(level: RiskLevel, flagged: number, sentences: number, clickbait: boolean): string {
  const headline = clickbait ? ' The headline looks like clickbait.' : '';
  if (flagged === 0) return `No passages flagged.${headline}`;
  const share = `${flagged} of ${sentences} ${sentences === 1 ? 'sentence' : 'sentences'}`;
  if (level === 'high') return `Strong signs of manipulation: ${share} use persuasion techniques or loaded wording.${headline}`;
  if (level === 'some') return `Some signs of manipulation: ${share} use persuasion techniques or loaded wording.${headline}`;
  return `Few signs of manipulation: ${share} flagged.${headline}`;
}
