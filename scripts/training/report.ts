// Held-out metrics of a trained model, per label, per language and per data set: what goes
// into the manifest and the model card.
import { calibrate, expectedCalibrationError, fitPlatt, type Platt } from '../../model/calibration';
import { ANY_TECHNIQUE, CLICKBAIT, INSULT, LABELS, LABEL_INDEX, LOADED, LOADED_WORD, TECHNIQUE_NAMES, isTechnique, type Label } from '../../model/labels';
import { addCounts, bestF1Threshold, countBinary, metricsOf, type BinaryCounts, type BinaryMetrics } from '../../model/metrics';
import { SENSITIVITIES, shiftThreshold, type Sensitivity } from '../../model/manifest';
import type { Example } from './datasets';

export type ScoreTable = Float32Array[];

/** Which validation examples tune a label's threshold: the product's own register where we have it. */
export function tuningFilter(label: Label): (e: Example) => boolean {
  if (label === LOADED) return (e) => e.source === 'babe';
  if (label === INSULT) return (e) => e.source === 'davidson';
  if (label === LOADED_WORD) return (e) => e.source === 'babe_words';
  return () => true;
}

function column(examples: Example[], scores: ScoreTable, label: Label, keep: (e: Example) => boolean): { s: number[]; g: number[] } {
  const index = LABEL_INDEX[label];
  const s: number[] = [];
  const g: number[] = [];
  examples.forEach((e, i) => {
    if (e.targets[index] < 0 || !keep(e)) return;
    s.push(scores[i][index]);
    g.push(e.targets[index]);
  });
  return { s, g };
}

/** Minimum validation positives for a language to get its own threshold. */
const MIN_POSITIVES_PER_LANGUAGE = 30;

export interface Thresholds {
  global: Record<Label, number>;
  byLanguage: Record<string, Partial<Record<Label, number>>>;
}

export function tuneThresholds(val: Example[], scores: ScoreTable): Thresholds {
  const global = {} as Record<Label, number>;
  const byLanguage: Record<string, Partial<Record<Label, number>>> = {};
  const languages = [...new Set(val.map((e) => e.lang))].sort();
  for (const label of LABELS) {
    const filter = tuningFilter(label);
    const all = column(val, scores, label, filter);
    // A label with no validation positives never fires by accident.
    global[label] = round(bestF1Threshold(all.s, all.g, 0.99).threshold);
    // Per-language technique thresholds overfit the small validation sets (measured): one each.
    if (isTechnique(label)) continue;
    for (const lang of languages) {
      const own = column(val, scores, label, (e) => filter(e) && e.lang === lang);
      if (own.g.filter((g) => g === 1).length < MIN_POSITIVES_PER_LANGUAGE) continue;
      (byLanguage[lang] ??= {})[label] = round(bestF1Threshold(own.s, own.g, global[label]).threshold);
    }
  }
  Object.assign(global, jointTechniqueThresholds(val, scores, global));
  return { global, byLanguage };
}

/**
 * Technique thresholds chosen together for micro-F1 (coordinate ascent from the per-label
 * optimum): a rare technique's own best cut is rarely the best for the whole inventory.
 * Measured +0.05 micro-F1 on held-out sentences.
 */
function jointTechniqueThresholds(val: Example[], scores: ScoreTable, start: Record<Label, number>): Partial<Record<Label, number>> {
  const columns = TECHNIQUE_NAMES.map((name) => column(val, scores, name, () => true));
  const thresholds = TECHNIQUE_NAMES.map((name) => start[name]);
  const counts = columns.map((c, i) => countBinary(c.s, c.g, thresholds[i]));
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < columns.length; i++) {
      const rest = counts.reduce((sum, c, j) => (j === i ? sum : addCounts(sum, c)), { tp: 0, fp: 0, fn: 0, tn: 0 });
      thresholds[i] = bestCutGiven(columns[i], rest, thresholds[i]);
      counts[i] = countBinary(columns[i].s, columns[i].g, thresholds[i]);
    }
  }
  return Object.fromEntries(TECHNIQUE_NAMES.map((name, i) => [name, round(thresholds[i])]));
}

/** The cut on one label's scores that maximises micro-F1 when added to the other labels' counts. */
function bestCutGiven({ s, g }: { s: number[]; g: number[] }, rest: BinaryCounts, current: number): number {
  const order = s.map((score, k) => k).sort((a, b) => s[b] - s[a]);
  const positives = g.filter((x) => x === 1).length;
  let tp = 0;
  let fp = 0;
  let best = { f1: (2 * rest.tp) / (2 * rest.tp + rest.fp + rest.fn + positives), threshold: Math.max(current, 0.999) };
  for (let k = 0; k < order.length; k++) {
    g[order[k]] === 1 ? tp++ : fp++;
    if (k + 1 < order.length && s[order[k + 1]] === s[order[k]]) continue;
    const f1 = (2 * (rest.tp + tp)) / (2 * (rest.tp + tp) + rest.fp + fp + rest.fn + positives - tp);
    if (f1 > best.f1) best = { f1, threshold: (s[order[k]] + (k + 1 < order.length ? s[order[k + 1]] : 0)) / 2 };
  }
  return best.threshold;
}

function round(x: number): number {
  return Math.round(Math.min(0.999, Math.max(0.001, x)) * 10000) / 10000;
}

function thresholdOf(t: Thresholds, label: Label, lang: string): number {
  return t.byLanguage[lang]?.[label] ?? t.global[label];
}

function counts(examples: Example[], scores: ScoreTable, label: Label, t: Thresholds, keep: (e: Example) => boolean): BinaryCounts {
  const index = LABEL_INDEX[label];
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  examples.forEach((e, i) => {
    if (e.targets[index] < 0 || !keep(e)) return;
    const predicted = scores[i][index] >= thresholdOf(t, label, e.lang);
    if (e.targets[index] === 1) predicted ? c.tp++ : c.fn++;
    else predicted ? c.fp++ : c.tn++;
  });
  return c;
}

function rounded(m: BinaryMetrics): BinaryMetrics {
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { precision: r(m.precision), recall: r(m.recall), f1: r(m.f1), accuracy: r(m.accuracy), support: m.support, n: m.n };
}

export interface TechniqueReport {
  micro: BinaryMetrics;
  macroF1: number;
  perLabel: Record<string, BinaryMetrics>;
}

function techniqueReport(examples: Example[], scores: ScoreTable, t: Thresholds, keep: (e: Example) => boolean): TechniqueReport {
  let total: BinaryCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const perLabel: Record<string, BinaryMetrics> = {};
  let macro = 0;
  for (const name of TECHNIQUE_NAMES) {
    const c = counts(examples, scores, name, t, keep);
    total = addCounts(total, c);
    perLabel[name] = rounded(metricsOf(c));
    macro += metricsOf(c).f1;
  }
  return { micro: rounded(metricsOf(total)), macroF1: Math.round((macro / TECHNIQUE_NAMES.length) * 1000) / 1000, perLabel };
}

/** The figures the targets and the model card speak of, on the given (test) examples. */
export function heldOutReport(examples: Example[], scores: ScoreTable, t: Thresholds) {
  const binary = (label: Label, keep: (e: Example) => boolean) => rounded(metricsOf(counts(examples, scores, label, t, keep)));
  const semeval = (lang?: string) => (e: Example) => e.source === 'semeval2023' && (!lang || e.lang === lang);
  const languages = ['en', 'fr', 'de', 'it', 'pl', 'ru'];
  return {
    any_technique: {
      ptc: binary(ANY_TECHNIQUE, (e) => e.source === 'ptc'),
      ptc_and_semeval_en: binary(ANY_TECHNIQUE, (e) => e.source === 'ptc' || semeval('en')(e)),
      memes: binary(ANY_TECHNIQUE, (e) => e.source === 'memes'),
      ...Object.fromEntries(languages.map((l) => [`semeval_${l}`, binary(ANY_TECHNIQUE, semeval(l))])),
    },
    techniques: {
      semeval_all: techniqueReport(examples, scores, t, semeval()),
      ...Object.fromEntries(languages.map((l) => [`semeval_${l}`, techniqueReport(examples, scores, t, semeval(l))])),
      ptc_and_semeval_en: techniqueReport(examples, scores, t, (e) => e.source === 'ptc' || semeval('en')(e)),
      // The official paragraph units (non-English) plus English sentences: the units evaluation files use.
      semeval_paragraphs: techniqueReport(examples, scores, t, (e) => e.source === 'semeval2023_paragraphs' || semeval('en')(e)),
    },
    loaded_language: {
      babe: binary(LOADED, (e) => e.source === 'babe'),
      wikinpov: binary(LOADED, (e) => e.source === 'wikinpov'),
      wnc: binary(LOADED, (e) => e.source === 'wnc'),
    },
    clickbait: { en: binary(CLICKBAIT, (e) => e.lang === 'en'), es: binary(CLICKBAIT, (e) => e.lang === 'es') },
    insult: { davidson: binary(INSULT, (e) => e.source === 'davidson') },
    loaded_word: { babe: binary(LOADED_WORD, (e) => e.source === 'babe_words'), wnc: binary(LOADED_WORD, (e) => e.source === 'wnc_words') },
  };
}

function shiftedThresholds(t: Thresholds, level: Sensitivity): Thresholds {
  const shift = <T extends Partial<Record<Label, number>>>(table: T) => Object.fromEntries(Object.entries(table).map(([label, x]) => [label, shiftThreshold(x as number, level)])) as T;
  return { global: shift(t.global), byLanguage: Object.fromEntries(Object.entries(t.byLanguage).map(([lang, table]) => [lang, shift(table)])) };
}

/** Precision and recall of the main heads at each sensitivity level (test split): what the settings page promises. */
export function sensitivityReport(examples: Example[], scores: ScoreTable, t: Thresholds) {
  return Object.fromEntries(SENSITIVITIES.map((level) => {
    const shifted = shiftedThresholds(t, level);
    const binary = (label: Label, keep: (e: Example) => boolean) => rounded(metricsOf(counts(examples, scores, label, shifted, keep)));
    return [level, {
      any_technique_ptc: binary(ANY_TECHNIQUE, (e) => e.source === 'ptc'),
      techniques_semeval_micro: techniqueReport(examples, scores, shifted, (e) => e.source === 'semeval2023').micro,
      loaded_language_babe: binary(LOADED, (e) => e.source === 'babe'),
      clickbait_en: binary(CLICKBAIT, (e) => e.lang === 'en'),
      clickbait_es: binary(CLICKBAIT, (e) => e.lang === 'es'),
      insult_davidson: binary(INSULT, (e) => e.source === 'davidson'),
    }];
  }));
}

/** One number to pick the best epoch with: the mean of the tuned validation F1s the targets name. */
export function validationObjective(val: Example[], scores: ScoreTable): number {
  const f1 = (label: Label, keep: (e: Example) => boolean) => {
    const c = column(val, scores, label, keep);
    return bestF1Threshold(c.s, c.g).f1;
  };
  let techniqueCounts: BinaryCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const name of TECHNIQUE_NAMES) {
    const c = column(val, scores, name, (e) => e.source === 'semeval2023');
    techniqueCounts = addCounts(techniqueCounts, countBinary(c.s, c.g, bestF1Threshold(c.s, c.g, 0.99).threshold));
  }
  const parts = [
    f1(ANY_TECHNIQUE, (e) => e.source === 'ptc'),
    metricsOf(techniqueCounts).f1,
    f1(LOADED, (e) => e.source === 'babe'),
    f1(CLICKBAIT, (e) => e.lang === 'en'),
    f1(CLICKBAIT, (e) => e.lang === 'es'),
  ];
  return parts.reduce((a, b) => a + b, 0) / parts.length;
}

export function fitCalibration(val: Example[], raw: ScoreTable): Record<Label, Platt> {
  const calibration = {} as Record<Label, Platt>;
  for (const label of LABELS) {
    const { s, g } = column(val, raw, label, tuningFilter(label));
    calibration[label] = fitPlatt(s, g);
  }
  return calibration;
}

export function applyCalibration(raw: ScoreTable, calibration: Record<Label, Platt>): ScoreTable {
  const platts = LABELS.map((l) => calibration[l]);
  return raw.map((row) => row.map((p, i) => calibrate(p, platts[i])));
}

/** Expected calibration error on the test split before and after Platt scaling, for the sentence heads. */
export function calibrationReport(test: Example[], raw: ScoreTable, calibrated: ScoreTable) {
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return Object.fromEntries(
    ([ANY_TECHNIQUE, LOADED, CLICKBAIT, INSULT] as Label[]).map((label) => {
      const before = column(test, raw, label, tuningFilter(label));
      const after = column(test, calibrated, label, tuningFilter(label));
      return [label, { raw: r3(expectedCalibrationError(before.s, before.g)), calibrated: r3(expectedCalibrationError(after.s, after.g)) }];
    }),
  );
}
