// The classifier and its context indexes, loaded lazily once per worker life from the files
// bundled in the package (see assets.ts); pages are analysed one at a time.
import * as ort from 'onnxruntime-web/wasm';
import browser from 'webextension-polyfill';
import { Analyzer, type AnalysisContext, type AnalysisInput } from '../../model/analyze';
import { createAnalysisContext } from '../../model/context';
import { validateManifest, type ModelManifest } from '../../model/manifest';
import { loadClassifier, type Classifier } from '../../model/runtime';
import type { PageAnalysis } from '../../model/types';
import { ASSETS, CONTEXT_LOAD_MEASURE, CONTEXT_LOOKUP_MEASURE, MODEL_LOAD_MEASURE, modelAsset } from './assets';

let analyzer: Promise<Analyzer> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** ORT gets its binary as bytes (it ships gzip-compressed), so it never fetches or import()s anything. */
async function configureOrt(): Promise<void> {
  if (ort.env.wasm.wasmBinary) return;
  ort.env.wasm.wasmBinary = new Uint8Array(await (await fetchGzipped(ASSETS.ortWasm)).arrayBuffer());
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
}

async function fetchPackaged(path: string): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok || !response.body) throw new Error(`${path}: HTTP ${response.status}`);
  return response;
}

/** A packaged .gz file, inflated as it streams in. */
async function fetchGzipped(path: string): Promise<Response> {
  const response = await fetchPackaged(path);
  return new Response(response.body!.pipeThrough(new DecompressionStream('gzip')));
}

async function loadModel(manifest: ModelManifest): Promise<Classifier> {
  const start = performance.now();
  await configureOrt();
  const bytes = new Uint8Array(await (await fetchGzipped(modelAsset(manifest.modelFile))).arrayBuffer());
  const classifier = await loadClassifier(ort, bytes);
  performance.measure(MODEL_LOAD_MEASURE, { start, end: performance.now() });
  return classifier;
}

async function loadContext(): Promise<AnalysisContext> {
  const start = performance.now();
  const json = async (path: string): Promise<unknown> => (await fetchGzipped(path)).json();
  const [sources, claims, rewording] = await Promise.all([json(ASSETS.context.sources), json(ASSETS.context.claims), json(ASSETS.context.rewording)]);
  const context = createAnalysisContext({ sources, claims, rewording });
  performance.measure(CONTEXT_LOAD_MEASURE, { start, end: performance.now() });
  return context;
}

async function load(): Promise<Analyzer> {
  const manifest = validateManifest(await (await fetchPackaged(ASSETS.modelManifest)).json());
  // The claim index builds on this thread while the WASM compiles on the engine's own threads.
  const [classifier, context] = await Promise.all([loadModel(manifest), loadContext()]);
  return new Analyzer(classifier, manifest, context);
}

/** The one Analyzer of this worker; a failed load is retried on the next call. */
export function getAnalyzer(): Promise<Analyzer> {
  analyzer ??= load().catch((error: unknown) => {
    analyzer = undefined;
    throw error;
  });
  return analyzer;
}

async function analyzeNow(input: AnalysisInput): Promise<PageAnalysis> {
  const ready = await getAnalyzer();
  const analysis = await ready.analyze(input);
  performance.measure(CONTEXT_LOOKUP_MEASURE, { start: performance.now() - ready.lastContextMs, duration: ready.lastContextMs });
  return analysis;
}

/** Analyses pages one after the other: a second page waits instead of doubling peak memory. */
export function analyzePage(input: AnalysisInput): Promise<PageAnalysis> {
  const run = queue.then(() => analyzeNow(input));
  queue = run.catch(() => undefined);
  return run;
}
