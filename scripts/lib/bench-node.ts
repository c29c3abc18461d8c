// The analysis core in Node, through the same onnxruntime-web WASM path the extension uses:
// runtime and model load, classifier throughput on 5,000 test-split sentences, the analysis of
// the 20,000-word article step by step, artifact sizes and peak memory.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extractFeatures } from '../../model/features';
import { detectLanguage } from '../../model/language';
import { validateManifest } from '../../model/manifest';
import type { NetworkWeights } from '../../model/network';
import { exportOnnx } from '../../model/onnx-export';
import { loadNodeClassifier } from '../../model/ort-node';
import { segmentSentences } from '../../model/text';
import { CONTEXT_FILES } from '../../model/context';
import { MAX_EXPLAINED_FINDINGS } from '../../model/analyze';
import { CORPUS_SEED, CORPUS_SIZE, sampleSentences, type GeneratedArticle, type TestSentences } from './bench-corpus';
import { median } from './bench-report';
import { ARTIFACTS_DIR, loadNodeAnalyzer } from './node-model';

export type Recorder = (metric: string, value: number, unit: string) => void;

/** A one-row model: the first ORT session pays for compiling the WASM, which this isolates. */
function tinyWeights(): NetworkWeights {
  const shape = { buckets: 2, dim: 1, slots: 4, hidden: 0, outputs: 1 };
  return { shape, embedding: new Int8Array(2), embeddingScale: 1, w1: new Float32Array(0), b1: new Float32Array(0), w2: new Float32Array(4), b2: new Float32Array(1) };
}

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

const RUNS = 5;

export async function benchNode(test: TestSentences, article: GeneratedArticle, record: Recorder): Promise<void> {
  const manifest = validateManifest(JSON.parse(readFileSync(join(ARTIFACTS_DIR, 'manifest.json'), 'utf8')));
  const modelBytes = new Uint8Array(readFileSync(join(ARTIFACTS_DIR, manifest.modelFile)));
  const [tiny, initMs] = await timed(() => loadNodeClassifier(exportOnnx(tinyWeights())));
  record('runtime_init_ms', initMs, 'ms');
  await tiny.dispose();
  const [classifier, loadMs] = await timed(() => loadNodeClassifier(modelBytes));
  record('model_load_ms', loadMs, 'ms');

  // 5,000 real sentences of the test split (six languages), the same ones every run.
  const sentences = sampleSentences(test.sentences, CORPUS_SIZE, CORPUS_SEED).map((s) => s.text);
  record('corpus_sentences', sentences.length, 'sentences');
  record('corpus_words', sentences.reduce((sum, s) => sum + s.split(/\s+/).length, 0), 'words');
  await classifier.score(sentences.slice(0, 256).map((s) => extractFeatures(s, manifest.features)));
  const endToEnd: number[] = [];
  const modelOnly: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const features = sentences.map((s) => extractFeatures(s, manifest.features));
    const extracted = performance.now();
    await classifier.score(features);
    const done = performance.now();
    endToEnd.push(done - start);
    modelOnly.push(done - extracted);
  }
  record('classifier_sentences_per_s', (sentences.length / median(endToEnd)) * 1000, 'sentences/s');
  record('classifier_model_only_sentences_per_s', (sentences.length / median(modelOnly)) * 1000, 'sentences/s');

  // The 20,000-word article as the worker analyses it (claim index and rewording table loaded),
  // then each step on its own, to see where the time goes.
  const [analyzer, contextMs] = await timed(() => loadNodeAnalyzer(ARTIFACTS_DIR, true));
  record('node_context_load_ms', contextMs, 'ms');
  const input = { text: article.text, title: article.title, url: 'https://news.example/article', kind: 'article' as const, sensitivity: 'balanced' as const };
  await analyzer.analyze(input);
  const analyses: number[] = [];
  const lookups: number[] = [];
  let findings = 0;
  let evidenceRows = 0;
  for (let run = 0; run < RUNS; run++) {
    const [analysis, ms] = await timed(() => analyzer.analyze(input));
    analyses.push(ms);
    lookups.push(analyzer.lastContextMs);
    findings = analysis.findings.length;
    // Evidence scores one extra row per word of each explained finding (leave-one-out or the word head).
    evidenceRows = analysis.findings.slice(0, MAX_EXPLAINED_FINDINGS).reduce((sum, f) => sum + extractFeatures(f.sentence.text, manifest.features).tokens.length, 0);
  }
  const steps = { language: [] as number[], segment: [] as number[], features: [] as number[], score: [] as number[] };
  let count = 0;
  for (let run = 0; run < RUNS; run++) {
    const [, languageMs] = await timed(() => detectLanguage(`${input.title}\n${input.text}`));
    const [split, segmentMs] = await timed(() => segmentSentences(input.text, 'en'));
    const [features, featuresMs] = await timed(() => split.map((s) => extractFeatures(s.text, manifest.features)));
    const [, scoreMs] = await timed(() => classifier.score(features));
    steps.language.push(languageMs);
    steps.segment.push(segmentMs);
    steps.features.push(featuresMs);
    steps.score.push(scoreMs);
    count = split.length;
  }
  const analyzeMs = median(analyses);
  record('analyze_article_ms', analyzeMs, 'ms');
  record('analyze_article_sentences', count, 'sentences');
  record('analyze_article_findings', findings, 'findings');
  record('evidence_rows_article', evidenceRows, 'rows');
  record('segment_article_ms', median(steps.segment), 'ms');
  record('language_article_ms', median(steps.language), 'ms');
  record('features_article_ms', median(steps.features), 'ms');
  record('score_article_ms', median(steps.score), 'ms');
  record('context_lookup_article_ms', median(lookups), 'ms');
  const accounted = median(steps.segment) + median(steps.language) + median(steps.features) + median(steps.score) + median(lookups);
  // What is left: evidence (one scored row per word of each explained finding), calibration, findings.
  record('evidence_and_rest_article_ms', Math.max(0, analyzeMs - accounted), 'ms');
  await classifier.dispose();

  const size = (name: string) => statSync(join(ARTIFACTS_DIR, name)).size;
  record('artifacts_bytes', readdirSync(ARTIFACTS_DIR).reduce((sum, f) => sum + size(f), 0), 'bytes');
  record('model_bytes', size(manifest.modelFile) + size('manifest.json'), 'bytes');
  record('claim_index_bytes', size(CONTEXT_FILES.claims), 'bytes');
  record('lexicon_bytes', size(CONTEXT_FILES.rewording), 'bytes');
  record('source_lists_bytes', size(CONTEXT_FILES.sources), 'bytes');
  record('node_peak_memory_mb', process.resourceUsage().maxRSS / 1024, 'MB');
}
