// The committed model: ONNX Runtime's outputs equal the TypeScript reference forward pass on
// real text, and the manifest agrees with the code's label registry.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFeatures } from '../../model/features';
import { validateManifest, type ModelManifest } from '../../model/manifest';
import { forwardScores } from '../../model/network';
import { importOnnxWeights } from '../../model/onnx-export';
import { loadNodeClassifier } from '../../model/ort-node';
import type { Classifier } from '../../model/runtime';

const ARTIFACTS = resolve(__dirname, '..', '..', 'model', 'artifacts');
const PTC = resolve(__dirname, '..', '..', '..', 'shared', 'data', 'propaganda_ptc_semeval2020', 'train.sentences.jsonl.gz');

let manifest: ModelManifest;
let bytes: Uint8Array;
let classifier: Classifier;

beforeAll(async () => {
  manifest = validateManifest(JSON.parse(readFileSync(join(ARTIFACTS, 'manifest.json'), 'utf8')));
  bytes = new Uint8Array(readFileSync(join(ARTIFACTS, manifest.modelFile)));
  classifier = await loadNodeClassifier(bytes);
});

function sampleTexts(): string[] {
  const own = ['', 'Hi', 'Ils ont TOUJOURS menti !!!', 'Это просто ужасно и позорно.', 'ＦＵＬＬ width', 'zero\u200bwidth', '\u0000\u0007', '😀'.repeat(50), 'word '.repeat(2000)];
  if (!existsSync(PTC)) return own;
  const lines = gunzipSync(readFileSync(PTC)).toString('utf8').split('\n').slice(0, 400);
  return [...own, ...lines.filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text)];
}

describe('committed model', () => {
  it('has the size, hash and shape the manifest states', async () => {
    const { createHash } = await import('node:crypto');
    expect(bytes.length).toBe(manifest.modelBytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest.modelSha256);
    const weights = importOnnxWeights(bytes);
    expect(weights.shape).toEqual(manifest.network);
  });

  it('ONNX Runtime matches the TypeScript forward pass within 1e-4 on a few hundred texts', async () => {
    const weights = importOnnxWeights(bytes);
    const texts = sampleTexts();
    expect(texts.length).toBeGreaterThan(300);
    const features = texts.map((t) => extractFeatures(t, manifest.features));
    const scores = await classifier.score(features);
    let worst = 0;
    features.forEach((f, i) => {
      const reference = forwardScores(weights, f);
      for (let o = 0; o < reference.length; o++) worst = Math.max(worst, Math.abs(reference[o] - scores[i][o]));
    });
    expect(worst).toBeLessThan(1e-4);
  });

  it('keeps the model within 6 MB and all artifacts within 12 MB', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const size = (f: string) => statSync(join(ARTIFACTS, f)).size;
    expect(size(manifest.modelFile) + size('manifest.json')).toBeLessThanOrEqual(6_000_000);
    expect(readdirSync(ARTIFACTS).reduce((sum, f) => sum + size(f), 0)).toBeLessThanOrEqual(12_000_000);
  });
});
