// Loads the committed model for Node scripts: manifest + ONNX through onnxruntime-web.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Analyzer } from '../../model/analyze';
import { validateManifest } from '../../model/manifest';
import { loadNodeClassifier } from '../../model/ort-node';
import { CONTEXT_FILES, createAnalysisContext } from '../../model/context';

export const ARTIFACTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'model', 'artifacts');

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** The analyzer with the classifier; `withContext` adds the source lists, the rewording table and (0.4 s to index) the claim index. */
export async function loadNodeAnalyzer(dir = ARTIFACTS_DIR, withContext = false): Promise<Analyzer> {
  const manifest = validateManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const classifier = await loadNodeClassifier(new Uint8Array(readFileSync(join(dir, manifest.modelFile))));
  if (!withContext) return new Analyzer(classifier, manifest);
  const read = (name: keyof typeof CONTEXT_FILES) => readJson(join(dir, CONTEXT_FILES[name]));
  return new Analyzer(classifier, manifest, createAnalysisContext({ sources: read('sources'), claims: read('claims'), rewording: read('rewording') }));
}
