// Text in, PageAnalysis out: sentences -> features -> scores -> findings with evidence.
import { calibrate, logit } from './calibration';
import { extractFeatures, withoutToken, type TextFeatures } from './features';
import { guidanceFor } from './guidance';
import { detectLanguage, type LanguageGuess } from './language';
import { ANY_TECHNIQUE, CLICKBAIT, COARSE_OF, INSULT, LABELS, LABEL_INDEX, LOADED, LOADED_WORD, isTechnique, type Label } from './labels';
import { thresholdFor, type ModelManifest, type Sensitivity } from './manifest';
import type { NetworkInput } from './network';
import { segmentSentences, type Sentence } from './text';
import type { CategoryScore, ClaimSentence, Evidence, Finding, FindingKind, LabelScore, PageAnalysis } from './types';
import { claimsConcern, riskOf, sourceConcern } from './risk';
import type { SourceIndex, SourceReport } from './sources';
import type { ClaimIndex } from './claims';
import type { Rewriter } from './rewording';
import { findSpoiler } from './spoiler';

/** Anything that turns feature bags into per-label probabilities (the ONNX classifier). */
export interface TextScorer {
  score(batch: NetworkInput[]): Promise<Float32Array[]>;
}

export interface AnalysisInput {
  text: string;
  /** The page's address, for the source lists. */
  url?: string;
  /** The page's headline, scored for clickbait. */
  title?: string;
  /** A short post or teaser is also scored for clickbait. */
  kind?: 'article' | 'post' | 'selection';
  /** How readily to flag (default 'balanced': the validation-tuned thresholds). */
  sensitivity?: Sensitivity;
  /**
   * 'fast' scores and flags only (no evidence words, rewordings or claim lookup — ~90% of a long
   * page's time), for a first answer; the 'full' analysis (default) then completes it.
   */
  detail?: 'fast' | 'full';
}

/** A page with more sentences than this is analysed up to here (5 MB of text is ~50k sentences). */
export const MAX_SENTENCES = 20_000;
const MAX_EVIDENCE = 4;
/** Evidence costs one extra scored row per word: only the strongest findings of a huge page get it. */
export const MAX_EXPLAINED_FINDINGS = 500;
const POST_CLICKBAIT_MAX_CHARS = 280;

/** Labels that can flag a headline; the word head scores single words, never sentences. */
const HEADLINE_LABELS: readonly Label[] = LABELS.filter((l) => l !== LOADED_WORD);
/** Labels that can flag a body sentence; clickbait only applies to headlines and teasers. */
const SENTENCE_LABELS: readonly Label[] = HEADLINE_LABELS.filter((l) => l !== CLICKBAIT);
/** Labels whose evidence is the words the word head finds loaded (BABE/WNC-trained), not leave-one-out. */
const WORD_CARRIED: readonly Label[] = [LOADED, 'Loaded_Language'];

function kindOf(label: Label): FindingKind {
  if (label === LOADED) return 'loaded_language';
  if (label === CLICKBAIT) return 'clickbait';
  if (label === INSULT) return 'insult';
  return 'technique';
}

function severityOf(score: number, threshold: number): number {
  return Math.min(1, Math.max(0, (score - threshold) / (1 - threshold)));
}

interface Unit {
  sentence: Sentence;
  features: TextFeatures;
  isHeadline: boolean;
  labels: readonly Label[];
}

/** Optional context indexes that enrich an analysis beyond the classifier. */
export interface AnalysisContext {
  sources?: SourceIndex;
  claims?: ClaimIndex;
  rewriter?: Rewriter;
}

export class Analyzer {
  /** Time the last analyze() spent on claim and source lookups, in ms (read by the worker and the bench). */
  lastContextMs = 0;

  constructor(private readonly scorer: TextScorer, readonly manifest: ModelManifest, private readonly context: AnalysisContext = {}) {}

  /** The same classifier with more context (the worker adds the claim index once it is built). */
  withContext(more: AnalysisContext): Analyzer {
    return new Analyzer(this.scorer, this.manifest, { ...this.context, ...more });
  }

  /** Calibrated scores of arbitrary texts, one probability array (LABELS order) per text. */
  async scoreTexts(texts: string[]): Promise<Float32Array[]> {
    return this.score(texts.map((t) => extractFeatures(t, this.manifest.features)));
  }

  /** The words of `text` that most raise `label`'s score (offsets into `text`), flagged or not. */
  async explain(text: string, label: Label): Promise<Evidence[]> {
    const sentence = { start: 0, end: text.length, text };
    const unit: Unit = { sentence, features: extractFeatures(text, this.manifest.features), isHeadline: false, labels: [label] };
    const [scores] = await this.score([unit.features]);
    const [evidence] = await this.evidenceFor([{ unit, label, scores }]);
    return evidence;
  }

  private async score(batch: NetworkInput[]): Promise<Float32Array[]> {
    const raw = await this.scorer.score(batch);
    const calibration = LABELS.map((label) => this.manifest.calibration[label]);
    return raw.map((scores) => scores.map((p, i) => calibrate(p, calibration[i])));
  }

  async analyze(input: AnalysisInput): Promise<PageAnalysis> {
    const language = detectLanguage(`${input.title ?? ''}\n${input.text}`);
    const sensitivity = input.sensitivity ?? 'balanced';
    const locale = language.code === 'und' ? 'en' : language.code;
    const all = segmentSentences(input.text, locale);
    const sentences = all.slice(0, MAX_SENTENCES);
    const sourceStart = performance.now();
    const base = { ...this.emptyAnalysis(language, all.length, all.length > sentences.length), sensitivity, ...this.sourceOf(input.url) };
    const sourceMs = performance.now() - sourceStart;
    this.lastContextMs = sourceMs;
    if (!language.supported) return base;
    const units = this.unitsOf(input, sentences);
    const scores = await this.score(units.map((u) => u.features));
    const flagged = units
      .map((unit, index) => ({ unit, scores: scores[index], labels: this.flaggedLabels(unit, scores[index], language.code, sensitivity) }))
      .filter((item) => item.labels.length > 0)
      .map((item) => ({ ...item, finding: this.findingOf(item.unit, item.labels) }))
      .sort((a, b) => b.finding.severity - a.finding.severity || a.finding.sentence.start - b.finding.sentence.start);
    const fast = input.detail === 'fast';
    const explained = fast ? [] : flagged.slice(0, MAX_EXPLAINED_FINDINGS);
    const evidence = await this.evidenceFor(explained.map(({ unit, finding, scores: unitScores }) => ({ unit, label: finding.label, scores: unitScores })));
    explained.forEach(({ finding }, i) => {
      finding.evidence = evidence[i];
      this.suggestRewording(finding);
    });
    const findings = flagged.map((item) => item.finding);
    this.suggestSpoiler(findings, sentences, language.code);
    const lookupStart = performance.now();
    const claims = fast ? undefined : this.claimsOf(sentences);
    this.lastContextMs = performance.now() - lookupStart + sourceMs;
    const categories = [...this.categoriesOf(units, scores, findings, language.code, sensitivity), ...contextCategories(claims, base.source)];
    const { risk, level } = riskOf(categories);
    return { ...base, risk, level, categories, findings, ...(claims ? { claims } : {}), ...(fast ? { partial: true as const } : {}) };
  }

  /** A loaded-language finding's evidence is its loaded words: propose the sentence without them. */
  private suggestRewording(finding: Finding): void {
    if (!this.context.rewriter || !WORD_CARRIED.includes(finding.label) || finding.evidence.length === 0) return;
    const offset = finding.sentence.start;
    const loaded = finding.evidence.map((e) => ({ start: e.start - offset, end: e.end - offset }));
    const rewording = this.context.rewriter.rewrite(finding.sentence.text, loaded);
    if (rewording) finding.suggestion.rewording = rewording;
  }

  /** A clickbait headline: the body sentence that delivers what it teases, and a headline from it. */
  private suggestSpoiler(findings: Finding[], sentences: Sentence[], language: string): void {
    const headline = findings.find((f) => f.isHeadline && f.labels.some((l) => l.label === CLICKBAIT));
    const spoiler = headline && findSpoiler(headline.sentence.text, sentences, language);
    if (spoiler) headline.suggestion.spoiler = spoiler;
  }

  private claimsOf(sentences: Sentence[]): ClaimSentence[] | undefined {
    if (!this.context.claims) return undefined;
    const matches = this.context.claims.match(sentences.map((s) => s.text));
    return sentences.flatMap((sentence, i) => (matches[i].length > 0 ? [{ sentence: { start: sentence.start, end: sentence.end, text: sentence.text }, matches: matches[i] }] : []));
  }

  private sourceOf(url: string | undefined): Pick<PageAnalysis, 'source'> {
    if (!this.context.sources || url === undefined) return {};
    return { source: this.context.sources.lookup(url) };
  }

  private emptyAnalysis(language: LanguageGuess, sentenceCount: number, truncated: boolean): PageAnalysis {
    return {
      schema: 1,
      model: { name: this.manifest.name, version: this.manifest.version },
      language,
      supported: language.supported,
      risk: 0,
      level: 'low',
      sentenceCount,
      truncated,
      categories: [],
      findings: [],
    };
  }

  private unitsOf(input: AnalysisInput, sentences: Sentence[]): Unit[] {
    const config = this.manifest.features;
    const units: Unit[] = sentences.map((sentence) => ({ sentence, features: extractFeatures(sentence.text, config), isHeadline: false, labels: SENTENCE_LABELS }));
    const title = input.title?.trim();
    if (title) {
      // Offsets point into the title as given, leading spaces included.
      const start = input.title!.indexOf(title);
      const sentence = { start, end: start + title.length, text: title };
      units.unshift({ sentence, features: extractFeatures(title, config), isHeadline: true, labels: HEADLINE_LABELS });
    } else if ((input.kind === 'post' || input.kind === 'selection') && input.text.length <= POST_CLICKBAIT_MAX_CHARS && units.length > 0) {
      // A teaser post is its own headline.
      units[0] = { ...units[0], labels: HEADLINE_LABELS };
    }
    return units;
  }

  private flaggedLabels(unit: Unit, scores: Float32Array, language: string, sensitivity: Sensitivity): LabelScore[] {
    const labels: LabelScore[] = [];
    for (const label of unit.labels) {
      const threshold = thresholdFor(this.manifest, label, language, sensitivity);
      const score = scores[LABEL_INDEX[label]];
      if (score < threshold) continue;
      labels.push({ label, score, threshold, ...(isTechnique(label) ? { coarse: COARSE_OF[label] } : {}) });
    }
    // Calibrated scores are comparable across labels: the likeliest label explains the flag.
    labels.sort((a, b) => b.score - a.score);
    // "Some technique" alone is a weak explanation: a named technique goes first when there is one.
    if (labels.length > 0 && labels[0].label === ANY_TECHNIQUE) {
      const specific = labels.find((l) => isTechnique(l.label));
      if (specific) labels.splice(labels.indexOf(specific), 1), labels.unshift(specific);
    }
    return labels;
  }

  /** Evidence for each item: loaded words from the word head, else leave-one-word-out. */
  private async evidenceFor(items: { unit: Unit; label: Label; scores: Float32Array }[]): Promise<Evidence[][]> {
    const byWords = items.map((item) => WORD_CARRIED.includes(item.label));
    const [words, dropped] = await Promise.all([
      this.loadedWords(items.filter((_, i) => byWords[i]).map((item) => item.unit)),
      this.leaveOneOut(items.filter((_, i) => !byWords[i])),
    ]);
    let w = 0;
    let d = 0;
    return items.map((_, i) => (byWords[i] ? words[w++] : dropped[d++]));
  }

  /** Each word scored on its own by the loaded-word head; those past its threshold, strongest first. */
  private async loadedWords(units: Unit[]): Promise<Evidence[][]> {
    const config = this.manifest.features;
    // A word scored on its own scores the same wherever it stands: each distinct word once per page
    // (a long article repeats most of its words), and punctuation never (it is never evidence).
    const distinct = new Map<string, number>();
    for (const unit of units) for (const token of unit.features.tokens) if (IS_WORD.test(token.raw) && !distinct.has(token.raw)) distinct.set(token.raw, distinct.size);
    const words = [...distinct.keys()];
    const scores = words.length > 0 ? await this.score(words.map((word) => extractFeatures(word, config))) : [];
    const threshold = this.manifest.thresholds[LOADED_WORD];
    const index = LABEL_INDEX[LOADED_WORD];
    return units.map((unit) => {
      const weights = unit.features.tokens.map((token) => {
        const at = distinct.get(token.raw);
        const p = at === undefined ? 0 : scores[at][index];
        return p >= threshold ? p : 0;
      });
      return topEvidence(unit, weights);
    });
  }

  /** Leave-one-word-out: how much each word raises the label's logit; all variants in one batch. */
  private async leaveOneOut(items: { unit: Unit; label: Label; scores: Float32Array }[]): Promise<Evidence[][]> {
    const batch: NetworkInput[] = [];
    for (const { unit } of items) for (let t = 0; t < unit.features.tokens.length; t++) batch.push(withoutToken(unit.features, t));
    const variants = batch.length > 0 ? await this.score(batch) : [];
    let next = 0;
    return items.map(({ unit, label, scores }) => {
      const index = LABEL_INDEX[label];
      const full = logit(scores[index]);
      const weights = unit.features.tokens.map(() => full - logit(variants[next++][index]));
      return topEvidence(unit, weights);
    });
  }

  private findingOf(unit: Unit, labels: LabelScore[]): Finding {
    const top = labels[0];
    const { start, end, text } = unit.sentence;
    return {
      id: unit.isHeadline ? 'headline' : `s${start}-${end}`,
      kind: kindOf(top.label),
      label: top.label,
      score: top.score,
      severity: severityOf(top.score, top.threshold),
      labels,
      sentence: { start, end, text },
      isHeadline: unit.isHeadline,
      evidence: [],
      suggestion: { question: guidanceFor(top.label).ask, restatement: guidanceFor(top.label).restatement },
    };
  }

  private categoriesOf(units: Unit[], scores: Float32Array[], findings: Finding[], language: string, sensitivity: Sensitivity): CategoryScore[] {
    // Body categories measure the body: a headline's flags show as findings but not in the shares.
    const body = units.filter((u) => !u.isHeadline).length;
    const count = (pred: (f: Finding) => boolean) => findings.filter((f) => !f.isHeadline && pred(f)).length;
    const density = (n: number) => (body === 0 ? 0 : n / body);
    const persuasion = count((f) => f.labels.some((l) => isTechnique(l.label) || l.label === ANY_TECHNIQUE));
    const loaded = count((f) => f.labels.some((l) => l.label === LOADED));
    const insult = count((f) => f.labels.some((l) => l.label === INSULT));
    const categories: CategoryScore[] = [
      { id: 'persuasion', score: densityScore(density(persuasion)), flagged: persuasion },
      { id: 'loaded_language', score: densityScore(density(loaded)), flagged: loaded },
      { id: 'insult', score: densityScore(density(insult)), flagged: insult },
    ];
    const headlineIndex = units.findIndex((u) => u.labels.includes(CLICKBAIT));
    if (headlineIndex >= 0) {
      const score = scores[headlineIndex][LABEL_INDEX[CLICKBAIT]];
      const threshold = thresholdFor(this.manifest, CLICKBAIT, language, sensitivity);
      categories.push({ id: 'clickbait', score: Math.round(100 * score), flagged: score >= threshold ? 1 : 0 });
    }
    return categories;
  }
}

/** 'claims' when claims were looked up; 'source' when a list rates the site. */
function contextCategories(claims: ClaimSentence[] | undefined, source: SourceReport | null | undefined): CategoryScore[] {
  const categories: CategoryScore[] = [];
  if (claims) categories.push({ id: 'claims', score: claimsConcern(claims), flagged: claims.length });
  if (source) categories.push({ id: 'source', score: sourceConcern(source), flagged: source.ratings.length });
  return categories;
}

/** Share of flagged sentences -> 0-100; a page where 40% or more of sentences are flagged scores 100. */
export function densityScore(share: number): number {
  return Math.round(100 * Math.min(1, share / 0.4));
}

/** Evidence is a word or number, never punctuation. */
const IS_WORD = /[\p{L}\p{N}]/u;

function topEvidence(unit: Unit, weights: number[]): Evidence[] {
  const { tokens } = unit.features;
  const offset = unit.sentence.start;
  return weights
    .map((weight, i) => ({ weight, i }))
    .filter((w) => w.weight > 0.05 && IS_WORD.test(tokens[w.i].raw))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_EVIDENCE)
    .map(({ weight, i }) => ({ text: tokens[i].raw, start: offset + tokens[i].start, end: offset + tokens[i].end, weight: Math.round(weight * 1000) / 1000 }));
}
