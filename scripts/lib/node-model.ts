// Loads the committed model for Node scripts: manifest + ONNX through onnxruntime-web.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Analyzer } from '../../model/analyze';
import { validateManifest } from '../../model/manifest';
import { loadNodeClassifier } from '../../model/ort-node';
import { createClaimIndex } from '../../model/claims';
import { createSourceIndex, type SourcesJson } from '../../model/sources';

export const ARTIFACTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'model', 'artifacts');

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

/** The analyzer with the classifier; `withContext` adds the source lists and (0.4 s to index) the claim index. */
export async function loadNodeAnalyzer(dir = ARTIFACTS_DIR, withContext = false): Promise<Analyzer> {
  const manifest = validateManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const classifier = await loadNodeClassifier(new Uint8Array(readFileSync(join(dir, manifest.modelFile))));
  if (!withContext) return new Analyzer(classifier, manifest);
  const sources = readJson<SourcesJson>(join(dir, 'sources.json'));
  const claims = readJson<unknown>(join(dir, 'claims.json'));
  return new Analyzer(classifier, manifest, { sources: sources && createSourceIndex(sources), claims: claims === undefined ? undefined : createClaimIndex(claims) });
}
