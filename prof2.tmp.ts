import { readFileSync } from 'node:fs';
import { extractFeatures } from './model/features';
import { validateManifest } from './model/manifest';
import { loadNodeClassifier } from './model/ort-node';
import { CORPUS_SEED, loadTestSentences, sampleSentences } from './scripts/lib/bench-corpus';
const manifest = validateManifest(JSON.parse(readFileSync('model/artifacts/manifest.json', 'utf8')));
const classifier = await loadNodeClassifier(new Uint8Array(readFileSync(`model/artifacts/${manifest.modelFile}`)));
const test = loadTestSentences('../shared/data');
const sentences = sampleSentences(test.sentences, 5000, CORPUS_SEED).map((s) => s.text);
await classifier.score(sentences.slice(0, 256).map((s) => extractFeatures(s, manifest.features)));
for (let r = 0; r < 8; r++) {
  const t0 = performance.now();
  const f = sentences.map((s) => extractFeatures(s, manifest.features));
  const t1 = performance.now();
  await classifier.score(f);
  const t2 = performance.now();
  console.log(`features ${(t1 - t0).toFixed(0)} ms, score ${(t2 - t1).toFixed(0)} ms, total ${(5000 / ((t2 - t0) / 1000)).toFixed(0)}/s`);
}
