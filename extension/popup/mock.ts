// Sample tab states so the popup can be developed and tested without a browser (?mock=done).
import type { TabState } from '../messages';
import { guidanceFor } from '../../model/guidance';
import type { Label } from '../../model/labels';
import type { PageAnalysis, Suggestion } from '../../model/types';

const suggest = (label: Label): Suggestion => ({ question: guidanceFor(label).ask, restatement: guidanceFor(label).restatement });

const text = {
  loaded: 'These corrupt, power-hungry bureaucrats have once again betrayed every hardworking family in this city.',
  fear: 'If we do not stop them now, our children will inherit a wasteland of crime and ruin.',
  headline: "You Won't Believe What The Council Just Did To Your Taxes",
};

export const MOCK_ANALYSIS: PageAnalysis = {
  schema: 1,
  model: { name: 'unspin-classifier', version: 'mock' },
  language: { code: 'en', reliable: true, supported: true },
  supported: true,
  risk: 72,
  level: 'high',
  sentenceCount: 8,
  truncated: false,
  categories: [
    { id: 'persuasion', score: 63, flagged: 2 },
    { id: 'loaded_language', score: 31, flagged: 1 },
    { id: 'insult', score: 0, flagged: 0 },
    { id: 'clickbait', score: 88, flagged: 1 },
  ],
  findings: [
    {
      id: 'headline', kind: 'clickbait', label: 'clickbait', score: 0.88, severity: 0.7, isHeadline: true,
      labels: [{ label: 'clickbait', score: 0.88, threshold: 0.5 }],
      sentence: { start: 0, end: text.headline.length, text: text.headline },
      evidence: [{ text: 'Believe', start: 8, end: 15, weight: 1.2 }],
      suggestion: suggest('clickbait'),
    },
    {
      id: 's260-363', kind: 'technique', label: 'Name_Calling-Labeling', score: 0.81, severity: 0.62, isHeadline: false,
      labels: [{ label: 'Name_Calling-Labeling', score: 0.81, threshold: 0.3, coarse: 'Attack_on_Reputation' }, { label: 'loaded_language', score: 0.74, threshold: 0.5 }],
      sentence: { start: 260, end: 260 + text.loaded.length, text: text.loaded },
      evidence: [{ text: 'corrupt', start: 266, end: 273, weight: 1.4 }, { text: 'power-hungry', start: 275, end: 287, weight: 0.9 }],
      suggestion: suggest('Name_Calling-Labeling'),
    },
    {
      id: 's365-449', kind: 'technique', label: 'Appeal_to_Fear-Prejudice', score: 0.58, severity: 0.3, isHeadline: false,
      labels: [{ label: 'Appeal_to_Fear-Prejudice', score: 0.58, threshold: 0.4, coarse: 'Justification' }],
      sentence: { start: 365, end: 365 + text.fear.length, text: text.fear },
      evidence: [{ text: 'wasteland', start: 423, end: 432, weight: 0.8 }],
      suggestion: suggest('Appeal_to_Fear-Prejudice'),
    },
  ],
};

export const MOCK_STATES: Record<string, TabState> = {
  done: { status: 'done', url: 'https://news.example/council', title: 'Council budget', analysis: MOCK_ANALYSIS, highlights: true, elapsedMs: 120 },
  clean: { status: 'done', url: 'https://news.example/weather', analysis: { ...MOCK_ANALYSIS, risk: 4, level: 'low', findings: [], categories: MOCK_ANALYSIS.categories.map((c) => ({ ...c, score: 0, flagged: 0 })) }, highlights: true },
  unsupported: { status: 'done', analysis: { ...MOCK_ANALYSIS, supported: false, language: { code: 'zh', reliable: true, supported: false }, findings: [], categories: [] }, highlights: true },
  scanning: { status: 'scanning', highlights: true },
  unreadable: { status: 'unreadable', message: 'This is a PDF viewer; Unspin reads web pages only.', highlights: true },
  error: { status: 'error', message: 'The model could not be loaded.', highlights: true },
  idle: { status: 'idle', highlights: true },
};
