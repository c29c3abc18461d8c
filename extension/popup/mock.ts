// Sample tab states so the popup can be developed and tested without a browser (?mock=done).
// The 'done' analysis has one of everything: a clickbait headline with its spoiler, loaded
// language with a rewording and with a quotation note, two sentences that resemble debunked
// claims (one also a finding), a source report and the context categories.
import type { TabState } from '../messages';
import { guidanceFor } from '../../model/guidance';
import type { Label } from '../../model/labels';
import { QUOTATION_NOTE, type RewordingChange } from '../../model/rewording';
import type { Finding, PageAnalysis, Suggestion } from '../../model/types';

const suggest = (label: Label, extra: Partial<Suggestion> = {}): Suggestion => ({ question: guidanceFor(label).ask, restatement: guidanceFor(label).restatement, ...extra });

const text = {
  loaded: 'These corrupt, power-hungry bureaucrats have once again betrayed every hardworking family in this city.',
  fear: 'If we do not stop them now, our children will inherit a wasteland of crime and ruin.',
  headline: "You Won't Believe What The Council Just Did To Your Taxes",
  spoiler: 'The council voted on Tuesday to raise the municipal property tax by 2 percent from April.',
  quoted: '“This is daylight robbery by a gang of crooks,” one resident told the meeting.',
  masts: 'Residents were warned that the new 5G masts on the town hall are spreading illness among children.',
  water: 'Last year the city quietly sold its water supply to a foreign company.',
};

/** Body offsets of the sample sentences (the popup never sees the page text itself). */
const at = { spoiler: 120, loaded: 260, fear: 365, quoted: 460, masts: 560, water: 700 };
const sentence = (key: keyof typeof at) => ({ start: at[key], end: at[key] + text[key].length, text: text[key] });
const id = (key: keyof typeof at) => `s${at[key]}-${at[key] + text[key].length}`;

/** A change of `from` (its first occurrence at or after `after`) in `sentence` to `to`. */
function change(sentence: string, from: string, to: string, after = 0): RewordingChange {
  const start = sentence.indexOf(from, after);
  if (start < 0) throw new Error(`mock: "${from}" is not in "${sentence}"`);
  return { start, end: start + from.length, from, to };
}

function reworded(sentence: string, changes: RewordingChange[]) {
  let result = '';
  let from = 0;
  for (const c of changes) {
    result += sentence.slice(from, c.start) + c.to;
    from = c.end;
  }
  return { text: result + sentence.slice(from), changes };
}

const LONG_CORRECTION =
  'There is no evidence that 5G networks cause illness. Radio waves used by mobile networks are non-ionising and, at the levels people are exposed to, well within international safety limits set by the ICNIRP. ' +
  'Health agencies including the World Health Organization have found no link between mobile network signals and disease, and the claim that 5G spreads viruses is biologically impossible: viruses cannot travel on radio waves.';

const findings: Finding[] = [
  {
    id: 'headline', kind: 'clickbait', label: 'clickbait', score: 0.88, severity: 0.7, isHeadline: true,
    labels: [{ label: 'clickbait', score: 0.88, threshold: 0.5 }],
    sentence: { start: 0, end: text.headline.length, text: text.headline },
    evidence: [{ text: 'Believe', start: 8, end: 15, weight: 1.2 }],
    suggestion: suggest('clickbait', { spoiler: { sentence: sentence('spoiler'), headline: 'Council raises property tax by 2 percent from April', confidence: 0.74 } }),
  },
  {
    id: id('loaded'), kind: 'technique', label: 'Name_Calling-Labeling', score: 0.81, severity: 0.62, isHeadline: false,
    labels: [{ label: 'Name_Calling-Labeling', score: 0.81, threshold: 0.3, coarse: 'Attack_on_Reputation' }, { label: 'loaded_language', score: 0.74, threshold: 0.5 }],
    sentence: sentence('loaded'),
    evidence: [{ text: 'corrupt', start: 266, end: 273, weight: 1.4 }, { text: 'power-hungry', start: 275, end: 287, weight: 0.9 }],
    suggestion: suggest('Name_Calling-Labeling', { rewording: reworded(text.loaded, [change(text.loaded, 'corrupt, power-hungry ', ''), change(text.loaded, 'bureaucrats', 'officials'), change(text.loaded, 'betrayed', 'disappointed')]) }),
  },
  {
    id: id('fear'), kind: 'technique', label: 'Appeal_to_Fear-Prejudice', score: 0.58, severity: 0.3, isHeadline: false,
    labels: [{ label: 'Appeal_to_Fear-Prejudice', score: 0.58, threshold: 0.4, coarse: 'Justification' }],
    sentence: sentence('fear'),
    evidence: [{ text: 'wasteland', start: 423, end: 432, weight: 0.8 }],
    suggestion: suggest('Appeal_to_Fear-Prejudice'),
  },
  {
    id: id('quoted'), kind: 'loaded_language', label: 'loaded_language', score: 0.66, severity: 0.25, isHeadline: false,
    labels: [{ label: 'loaded_language', score: 0.66, threshold: 0.5 }],
    sentence: sentence('quoted'),
    evidence: [{ text: 'robbery', start: at.quoted + 18, end: at.quoted + 25, weight: 0.9 }, { text: 'crooks', start: at.quoted + 39, end: at.quoted + 45, weight: 0.7 }],
    suggestion: suggest('loaded_language', { rewording: { text: text.quoted, changes: [], note: QUOTATION_NOTE } }),
  },
  {
    id: id('masts'), kind: 'technique', label: 'Appeal_to_Fear-Prejudice', score: 0.54, severity: 0.22, isHeadline: false,
    labels: [{ label: 'Appeal_to_Fear-Prejudice', score: 0.54, threshold: 0.4, coarse: 'Justification' }],
    sentence: sentence('masts'),
    evidence: [{ text: 'spreading illness', start: at.masts + 65, end: at.masts + 82, weight: 0.6 }],
    suggestion: suggest('Appeal_to_Fear-Prejudice'),
  },
];

export const MOCK_ANALYSIS: PageAnalysis = {
  schema: 1,
  model: { name: 'unspin-classifier', version: 'mock' },
  language: { code: 'en', reliable: true, supported: true },
  supported: true,
  risk: 72,
  level: 'high',
  sentenceCount: 12,
  truncated: false,
  categories: [
    { id: 'persuasion', score: 63, flagged: 3 },
    { id: 'loaded_language', score: 31, flagged: 2 },
    { id: 'insult', score: 0, flagged: 0 },
    { id: 'clickbait', score: 88, flagged: 1 },
    { id: 'claims', score: 45, flagged: 2 },
    { id: 'source', score: 60, flagged: 3 },
  ],
  findings,
  claims: [
    {
      sentence: sentence('masts'),
      matches: [
        { claim: '5G mobile networks spread disease and make children ill.', verdict: 'false', correction: LONG_CORRECTION, source: 'AVeriTeC', url: 'https://web.archive.org/web/2020/https://factcheck.example/5g-illness', similarity: 0.71 },
      ],
    },
    {
      sentence: sentence('water'),
      matches: [
        { claim: 'The city government secretly sold the public water supply to a foreign corporation.', verdict: 'disinformation (EUvsDisinfo)', source: 'EUvsDisinfo', url: 'https://euvsdisinfo.eu/report/city-sold-water-supply', similarity: 0.64 },
        { claim: 'The mayor sold the water utility to foreign investors.', verdict: 'false (pants on fire)', source: 'PolitiFact (LIAR)', url: 'https://www.politifact.com/api/v/2/statement/12345', similarity: 0.52 },
      ],
    },
  ],
  source: {
    domain: 'news.example',
    matchedDomain: 'news.example',
    ratings: [
      { list: 'OpenSources', kind: 'tags', listDate: '2017', says: 'OpenSources (2017) tags it: extreme bias, rumor mill', value: 'bias, rumor', matched: 'news.example' },
      { list: 'MBFC via Baly et al.', kind: 'mbfc', listDate: '2020', says: 'MBFC via Baly et al. (2020): factual reporting low; bias right', value: 'low', matched: 'news.example' },
      { list: 'Lin et al.', kind: 'score', listDate: '2023', says: 'Lin et al. (2023): quality score 0.31 of 1', value: 0.31, matched: 'news.example' },
    ],
  },
};

export const MOCK_STATES: Record<string, TabState> = {
  done: { status: 'done', url: 'https://news.example/council', title: 'Council budget', analysis: MOCK_ANALYSIS, highlights: true, elapsedMs: 120 },
  clean: {
    status: 'done', url: 'https://news.example/weather',
    analysis: { ...MOCK_ANALYSIS, risk: 4, level: 'low', findings: [], claims: [], source: null, categories: MOCK_ANALYSIS.categories.map((c) => ({ ...c, score: 0, flagged: 0 })) },
    highlights: true,
  },
  unsupported: { status: 'done', analysis: { ...MOCK_ANALYSIS, supported: false, language: { code: 'zh', reliable: true, supported: false }, findings: [], claims: [], source: undefined, categories: [] }, highlights: true },
  scanning: { status: 'scanning', highlights: true },
  unreadable: { status: 'unreadable', message: 'This is a PDF viewer; Unspin reads web pages only.', highlights: true },
  error: { status: 'error', message: 'The model could not be loaded.', highlights: true },
  idle: { status: 'idle', highlights: true },
};
