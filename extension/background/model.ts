// The classifier, loaded lazily once per worker life from the files bundled in the package
// (see assets.ts); pages are analysed one at a time.
import * as ort from 'onnxruntime-web/wasm';
import browser from 'webextension-polyfill';
import { Analyzer, type AnalysisInput } from '../../model/analyze';
import { validateManifest } from '../../model/manifest';
import { loadClassifier } from '../../model/runtime';
import type { PageAnalysis } from '../../model/types';
import { ASSETS, MODEL_LOAD_MEASURE } from './assets';

let analyzer: Promise<Analyzer> | undefined;
let queue: Promise<unknown> = Promise.resolve();

function configureOrt(): void {
  // The object form: a string prefix makes ORT import() its glue, which service workers forbid.
  ort.env.wasm.wasmPaths = { wasm: browser.runtime.getURL(ASSETS.ortWasm) };
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
}

async function fetchPackaged(path: string): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response;
}

async function load(): Promise<Analyzer> {
  const start = performance.now();
  configureOrt();
  const manifest = validateManifest(await (await fetchPackaged(ASSETS.modelManifest)).json());
  const bytes = new Uint8Array(await (await fetchPackaged(ASSETS.modelDir + manifest.modelFile)).arrayBuffer());
  const classifier = await loadClassifier(ort, bytes);
  performance.measure(MODEL_LOAD_MEASURE, { start, end: performance.now() });
  return new Analyzer(classifier, manifest);
}

/** The one Analyzer of this worker; a failed load is retried on the next call. */
export function getAnalyzer(): Promise<Analyzer> {
  analyzer ??= load().catch((error: unknown) => {
    analyzer = undefined;
    throw error;
  });
  return analyzer;
}

/** Analyses pages one after the other: a second page waits instead of doubling peak memory. */
export function analyzePage(input: AnalysisInput): Promise<PageAnalysis> {
  const run = queue.then(async () => (await getAnalyzer()).analyze(input));
  queue = run.catch(() => undefined);
  return run;
}
