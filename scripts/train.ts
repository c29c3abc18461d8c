// npm run train [-- --data DIR] [--seed N] [--out DIR] [--feedback FILE.jsonl]
// Trains the classifier from ../shared/data and writes model/artifacts/{unspin.onnx,manifest.json}.
// Same data + same seed -> byte-identical artifacts.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FEATURES, extractFeatures, type FeatureConfig } from '../model/features';
import { LABELS, SUPPORTED_LANGUAGES, TECHNIQUES } from '../model/labels';
import type { ModelManifest } from '../model/manifest';
import { forwardScores, type NetworkWeights } from '../model/network';
import { exportOnnx } from '../model/onnx-export';
import { DatasetLoader, type Example } from './training/datasets';
import { DataFileError } from './training/jsonl';
import { addFeedback, FEEDBACK_REPEATS, FEEDBACK_SOURCE, loadFeedback, type FeedbackReport } from './training/feedback';
import { parseFlags } from './training/options';
import { packExamples } from './training/pack';
import { SPLIT_SEED } from './training/splits';
import { applyCalibration, calibrationReport, fitCalibration, heldOutReport, sensitivityReport, tuneThresholds, validationObjective } from './training/report';
import { updateModelCard } from './training/model-card';
import { Trainer, type TrainOptions } from './training/trainer';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const TRAINING = {
  features: { ...DEFAULT_FEATURES, hashBits: 17, charMax: 4 } satisfies FeatureConfig,
  // A linear head over the pooled bags beat a hidden layer on every head; the best epoch is
  // nearly always the first (see model/README.md, "What we tried").
  options: { seed: 7, dim: 32, hidden: 0, epochs: 2, learningRate: 0.1, slots: 4, initScale: 0.03 } satisfies TrainOptions,
  splitSeed: SPLIT_SEED,
  /** Times each example of a data set is seen per epoch (1 when absent): the small sets would drown otherwise. */
  oversample: { babe: 3, clickbait_es: 4 } as Record<string, number>,
};

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function scoresOf(weights: NetworkWeights, examples: Example[], features: FeatureConfig): Float32Array[] {
  return examples.map((e) => forwardScores(weights, extractFeatures(e.text, features)));
}

function main(): void {
  const { flags } = parseFlags(process.argv.slice(2));
  const dataDir = resolve(typeof flags.data === 'string' ? flags.data : join(ROOT, '..', 'shared', 'data'));
  const outDir = resolve(typeof flags.out === 'string' ? flags.out : join(ROOT, 'model', 'artifacts'));
  const seed = typeof flags.seed === 'string' ? Number(flags.seed) : TRAINING.options.seed;
  const { features } = TRAINING;
  const options = { ...TRAINING.options, seed };
  const started = performance.now();
  // Checked before the data sets are read: a bad feedback file fails at once, naming its line.
  const feedbackFile = flags.feedback === undefined ? undefined : typeof flags.feedback === 'string' ? resolve(flags.feedback) : '';
  if (feedbackFile !== undefined && (feedbackFile === '' || !existsSync(feedbackFile))) {
    log(`error: --feedback needs an existing JSONL file (--feedback FILE.jsonl)${feedbackFile ? `: ${feedbackFile} not found` : ''}`);
    process.exit(2);
  }
  const loadedFeedback = feedbackFile ? loadFeedback(feedbackFile) : undefined;

  const loader = new DatasetLoader(dataDir, TRAINING.splitSeed);
  const examples = loader.loadAll();
  for (const r of loader.reports) {
    const skipped = Object.entries(r.skipped).map(([why, n]) => `${n} skipped (${why})`).join(', ');
    log(`data ${r.source}: ${r.examples} examples${skipped ? `, ${skipped}` : ''}`);
  }
  const bySplit = (split: string) => examples.filter((e) => e.split === split);
  const [train, val, test] = [bySplit('train'), bySplit('val'), bySplit('test')];
  // --feedback FILE: a reader's exported verdicts, added to the train split only (training/feedback.ts).
  let feedback: (FeedbackReport & { sha256: string; heldOutDropped: number; repeats: number }) | undefined;
  if (feedbackFile && loadedFeedback) {
    const { added, dropped } = addFeedback(train, [...val, ...test], loadedFeedback.examples);
    feedback = { ...loadedFeedback.report, file: basename(feedbackFile), examples: added, sha256: sha256(readFileSync(feedbackFile)), heldOutDropped: dropped, repeats: FEEDBACK_REPEATS };
    log(`feedback ${feedback.file}: ${added} examples in train (${feedback.byVerdict.correct} correct, ${feedback.byVerdict.not_manipulative} not manipulative), ${feedback.superseded} superseded, ${dropped} dropped (validation/test sentences), each seen ${FEEDBACK_REPEATS}x per epoch`);
  }
  log(`splits: train ${train.length}, val ${val.length}, test ${test.length}`);

  const packed = packExamples(train, features, (e) => (e.source === FEEDBACK_SOURCE ? FEEDBACK_REPEATS : (TRAINING.oversample[e.source] ?? 1)));
  const packedVal = packExamples(val, features);
  const trainer = new Trainer(1 << features.hashBits, LABELS.length, options);
  let best = { objective: -1, epoch: 0, weights: trainer.snapshot() };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const loss = trainer.epoch(packed);
    const objective = validationObjective(val, unpack(trainer.predict(packedVal)));
    log(`epoch ${epoch}: loss ${loss.toFixed(4)}, validation objective ${objective.toFixed(4)}`);
    if (objective > best.objective) best = { objective, epoch, weights: trainer.snapshot() };
  }
  trainer.restore(best.weights);
  const weights = trainer.quantized();

  const rawVal = scoresOf(weights, val, features);
  const rawTest = scoresOf(weights, test, features);
  const calibration = fitCalibration(val, rawVal);
  const [calibratedVal, calibratedTest] = [rawVal, rawTest].map((table) => applyCalibration(table, calibration));
  const thresholds = tuneThresholds(val, calibratedVal);
  const metrics = { ...heldOutReport(test, calibratedTest, thresholds), sensitivity: sensitivityReport(test, calibratedTest, thresholds), calibration_error: calibrationReport(test, rawTest, calibratedTest) };
  const onnx = exportOnnx(weights, 'Unspin multi-task persuasion/loaded-language/clickbait classifier');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'unspin.onnx'), onnx);
  const modelSha256 = sha256(onnx);
  const manifest: ModelManifest = {
    format: 1,
    name: 'unspin-classifier',
    version: modelSha256.slice(0, 12),
    modelFile: 'unspin.onnx',
    modelSha256,
    modelBytes: onnx.length,
    labels: [...LABELS],
    techniques: TECHNIQUES.map(([name, coarse]) => ({ name, coarse })),
    calibration,
    thresholds: thresholds.global,
    languageThresholds: thresholds.byLanguage,
    features,
    network: weights.shape,
    languages: [...SUPPORTED_LANGUAGES],
    training: {
      seed,
      options,
      splitSeed: TRAINING.splitSeed,
      oversample: TRAINING.oversample,
      bestEpoch: best.epoch,
      validationObjective: Math.round(best.objective * 10000) / 10000,
      splits: { train: train.length, val: val.length, test: test.length },
      sources: loader.reports.map((r) => ({ source: r.source, examples: r.examples, skipped: r.skipped })),
      data: [...loader.rowsRead].map(([file, rows]) => ({ file: relative(dataDir, file), sha256: sha256(readFileSync(file)), rows })),
      ...(feedback ? { feedback } : {}),
    },
    metrics: { split: 'test (held-out articles/groups; see model/README.md)', ...metrics },
  };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Only the committed model's figures belong in the model card.
  if (outDir === join(ROOT, 'model', 'artifacts')) updateModelCard(join(ROOT, 'model', 'README.md'), manifest);
  log(`wrote ${relative(ROOT, outDir)}/unspin.onnx (${onnx.length} bytes) and manifest.json in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  log(JSON.stringify({ any_ptc: metrics.any_technique.ptc.f1, techniques_micro: metrics.techniques.semeval_all.micro.f1, babe: metrics.loaded_language.babe.f1, clickbait: metrics.clickbait }));
}

function unpack(flat: Float32Array): Float32Array[] {
  const rows: Float32Array[] = [];
  for (let i = 0; i < flat.length; i += LABELS.length) rows.push(flat.subarray(i, i + LABELS.length));
  return rows;
}

try {
  main();
} catch (error) {
  if (error instanceof DataFileError) {
    log(`error: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
