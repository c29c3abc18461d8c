// The one result type: a text's or page's analysis, as it flows from model/ to the worker,
// the page card, the popup, reports and `scan --json`. Extend it; never fork it.
import type { LanguageGuess } from './language';
import type { Coarse, Label } from './labels';
import type { Sensitivity } from './manifest';
import type { ClaimMatch } from './claims';
import type { Rewording } from './rewording';
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
  /**
   * Loaded language: the sentence with its loaded words replaced or dropped; `changes` are offsets
   * into `Finding.sentence.text`. A `note` (and no change) when the words are inside a quotation.
   */
  rewording?: Rewording;
  /** A clickbait headline: the body sentence that delivers what it teases, and a headline built from it. */
  spoiler?: Spoiler;
}

/** What a clickbait headline hides: offsets of `sentence` are into the analysed text. */
export interface Spoiler {
  sentence: TextRange & { text: string };
  /** An informative alternative headline built from the sentence. */
  headline: string;
  /** 0-1: how well the sentence answers the headline (the picker's own score). */
  confidence: number;
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

/** What the text does (from the classifier) and, separately, context about it (claims, source). */
export type ContentCategoryId = 'persuasion' | 'loaded_language' | 'clickbait' | 'insult';
export type ContextCategoryId = 'claims' | 'source';
export type CategoryId = ContentCategoryId | ContextCategoryId;

export interface CategoryScore {
  id: CategoryId;
  /** 0-100. For 'claims' and 'source', how much concern the matches or the lists' ratings give (see model/risk.ts). */
  score: number;
  /** Flagged sentences; matched sentences for 'claims'; lists rating the site for 'source'. */
  flagged: number;
}

export interface PageAnalysis {
  schema: 1;
  model: { name: string; version: string };
  language: LanguageGuess;
  /** A first answer ('fast' analysis): findings without evidence or suggestions beyond guidance, no claim lookup. */
  partial?: true;
  /** The sensitivity level the thresholds were taken at (absent in results from before levels existed). */
  sensitivity?: Sensitivity;
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
