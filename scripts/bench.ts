// npm run bench: measures the analysis core in Node through the same onnxruntime-web path the
// extension uses. Prints one JSON object per line ({"metric", "value", "unit"}) and a table.
// Figures, not pass/fail: compare ratios within one run on a noisy machine.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extractFeatures } from '../model/features';
import { validateManifest } from '../model/manifest';
import type { NetworkWeights } from '../model/network';
import { exportOnnx } from '../model/onnx-export';
import { loadNodeClassifier } from '../model/ort-node';
import { segmentSentences } from '../model/text';
import { ARTIFACTS_DIR, loadNodeAnalyzer } from './lib/node-model';

interface Metric {
  metric: string;
  value: number;
  unit: string;
  target?: string;
}

const metrics: Metric[] = [];
function record(metric: string, value: number, unit: string, target?: string): void {
  const m = { metric, value: Math.round(value * 100) / 100, unit, ...(target ? { target } : {}) };
  metrics.push(m);
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

/** A deterministic corpus of news-like sentences (~25 words), varied so caches do not flatter us. */
function corpus(count: number): string[] {
  const subjects = ['The council', 'A spokesperson for the ministry', 'Local residents', 'The opposition leader', 'Researchers at the university', 'These corrupt elites', 'The company', 'Critics of the plan'];
  const verbs = ['said on Tuesday that', 'warned that', 'claimed without evidence that', 'announced that', 'argued in a statement that', 'insisted that'];
  const objects = ['the new budget would cut road maintenance by four percent next year', 'the disastrous policy will destroy every family in the country', 'the report had been reviewed by independent experts before publication', 'nobody can trust the so-called experts who keep lying to us', 'the vote was postponed until the committee finishes its hearings', 'the shocking truth about the deal is finally coming out'];
  return Array.from({ length: count }, (_, i) => `${subjects[i % subjects.length]} ${verbs[(i * 7) % verbs.length]} ${objects[(i * 5) % objects.length]}, according to report number ${i}.`);
}

function tinyWeights(): NetworkWeights {
  const shape = { buckets: 2, dim: 1, slots: 4, hidden: 0, outputs: 1 };
  return { shape, embedding: new Int8Array(2), embeddingScale: 1, w1: new Float32Array(0), b1: new Float32Array(0), w2: new Float32Array(4), b2: new Float32Array(1) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function benchModelCore(): Promise<void> {
  const manifest = validateManifest(JSON.parse(readFileSync(join(ARTIFACTS_DIR, 'manifest.json'), 'utf8')));
  const modelBytes = new Uint8Array(readFileSync(join(ARTIFACTS_DIR, manifest.modelFile)));
  // The first session pays for compiling ONNX Runtime's WASM; a one-row model isolates that cost.
  const initStart = performance.now();
  const tiny = await loadNodeClassifier(exportOnnx(tinyWeights()));
  record('runtime_init_ms', performance.now() - initStart, 'ms');
  await tiny.dispose();
  const loadStart = performance.now();
  const classifier = await loadNodeClassifier(modelBytes);
  record('model_load_ms', performance.now() - loadStart, 'ms', '<= 200');

  const sentences = corpus(5000);
  await classifier.score(sentences.slice(0, 256).map((s) => extractFeatures(s, manifest.features)));
  const endToEnd: number[] = [];
  const modelOnly: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    const features = sentences.map((s) => extractFeatures(s, manifest.features));
    const extracted = performance.now();
    await classifier.score(features);
    const done = performance.now();
    endToEnd.push(done - start);
    modelOnly.push(done - extracted);
  }
  record('classifier_sentences_per_s', (sentences.length / median(endToEnd)) * 1000, 'sentences/s', '>= 20000');
  record('classifier_model_only_sentences_per_s', (sentences.length / median(modelOnly)) * 1000, 'sentences/s');
  await classifier.dispose();

  const analyzer = await loadNodeAnalyzer();
  const article = corpus(400).join(' ');
  const start = performance.now();
  const sentenceCount = segmentSentences(article).length;
  const segmented = performance.now();
  await analyzer.analyze({ text: article, title: 'Benchmark article' });
  record('analyze_article_ms', performance.now() - segmented, 'ms');
  record('segment_article_ms', segmented - start, 'ms');
  record('analyze_article_sentences', sentenceCount, 'sentences');

  const artifacts = readdirSync(ARTIFACTS_DIR).reduce((sum, f) => sum + statSync(join(ARTIFACTS_DIR, f)).size, 0);
  record('artifacts_bytes', artifacts, 'bytes', '<= 12000000');
  record('model_bytes', statSync(join(ARTIFACTS_DIR, manifest.modelFile)).size + statSync(join(ARTIFACTS_DIR, 'manifest.json')).size, 'bytes', '<= 6000000');
  record('node_peak_memory_mb', process.resourceUsage().maxRSS / 1024, 'MB');
}

await benchModelCore();
process.stdout.write(`\n${'metric'.padEnd(40)}${'value'.padStart(14)}  unit          target\n`);
for (const m of metrics) process.stdout.write(`${m.metric.padEnd(40)}${String(m.value).padStart(14)}  ${m.unit.padEnd(13)} ${m.target ?? ''}\n`);
