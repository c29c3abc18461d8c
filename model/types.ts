// The one result type: a text's or page's analysis, as it flows from model/ to the worker,
// the page card, the popup, reports and `scan --json`. Extend it; never fork it.
import type { LanguageGuess } from './language';
import type { Coarse, Label } from './labels';
import type { ClaimMatch } from './claims';
import type { SourceReport } from './sources';

export type RiskLevel = 'low' | 'some' | 'high';

/** Offsets are UTF-16 indices into the analysed text (`AnalysisInput.text`), end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** A word or phrase that pushed a score up, with how much (drop in logit when it is removed). */
export interface Evidence extends TextRange {
  text: string;
  weight: number;
}

export interface LabelScore {
  label: Label;
  /** Model probability, 0-1. */
  score: number;
  /** The decision threshold it was compared with. */
  threshold: number;
  /** Coarse group, for techniques. */
  coarse?: Coarse;
}

export type FindingKind = 'technique' | 'loaded_language' | 'clickbait' | 'insult';

/** What the reader can do about a finding; rewordings, claim matches and spoilers extend it. */
export interface Suggestion {
  /** The question a careful reader should ask. */
  question: string;
  /** A neutral restatement template for the label; [brackets] mark what to fill in. */
  restatement: string;
}

/** One flagged sentence (or headline). */
export interface Finding {
  /** Stable within one analysis: "s<start>-<end>" or "headline". */
  id: string;
  kind: FindingKind;
  /** The label that best explains the flag. */
  label: Label;
  score: number;
  /** 0-1: how far past its threshold the label's score is. */
  severity: number;
  /** Every label past its threshold for this sentence, strongest first. */
  labels: LabelScore[];
  /** The sentence; for a headline, offsets are into the title. */
  sentence: TextRange & { text: string };
  isHeadline: boolean;
  evidence: Evidence[];
  suggestion: Suggestion;
}

export type CategoryId = 'persuasion' | 'loaded_language' | 'clickbait' | 'insult';

export interface CategoryScore {
  id: CategoryId;
  /** 0-100. */
  score: number;
  flagged: number;
}

export interface PageAnalysis {
  schema: 1;
  model: { name: string; version: string };
  language: LanguageGuess;
  /** False when the text's language is one the model was not trained on: nothing is scored. */
  supported: boolean;
  /** 0-100. */
  risk: number;
  level: RiskLevel;
  sentenceCount: number;
  /** Sentences beyond the analysis limit were not scored. */
  truncated: boolean;
  categories: CategoryScore[];
  findings: Finding[];
  /** What the bundled source lists say about the page's site (never a verdict of ours); null when unrated or no URL. */
  source?: SourceReport | null;
  /** Sentences that resemble a claim debunked by a fact-checker (a resemblance, not a verdict on the page). */
  claims?: ClaimSentence[];
}

export interface ClaimSentence {
  sentence: TextRange & { text: string };
  matches: ClaimMatch[];
}
