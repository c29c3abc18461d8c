// Loads the committed model for Node scripts: manifest + ONNX through onnxruntime-web.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Analyzer } from '../../model/analyze';
import { validateManifest } from '../../model/manifest';
import { loadNodeClassifier } from '../../model/ort-node';
import { createSourceIndex, type SourcesJson } from '../../model/sources';

export const ARTIFACTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'model', 'artifacts');

export async function loadNodeAnalyzer(dir = ARTIFACTS_DIR): Promise<Analyzer> {
  const manifest = validateManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const classifier = await loadNodeClassifier(new Uint8Array(readFileSync(join(dir, manifest.modelFile))));
  const sourcesFile = join(dir, 'sources.json');
  const sources = existsSync(sourcesFile) ? createSourceIndex(JSON.parse(readFileSync(sourcesFile, 'utf8')) as SourcesJson) : undefined;
  return new Analyzer(classifier, manifest, { sources });
}
