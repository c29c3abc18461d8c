// The classifier and its context indexes, loaded lazily once per worker life from the files
// bundled in the package (see assets.ts); pages are analysed one at a time.
import * as ort from 'onnxruntime-web/wasm';
import browser from 'webextension-polyfill';
import { Analyzer, type AnalysisContext, type AnalysisInput } from '../../model/analyze';
import { createAnalysisContext } from '../../model/context';
import { validateManifest, type ModelManifest } from '../../model/manifest';
import { loadClassifier, type Classifier } from '../../model/runtime';
import type { PageAnalysis } from '../../model/types';
import { ASSETS, CLAIM_INDEX_MEASURE, CONTEXT_LOAD_MEASURE, CONTEXT_LOOKUP_MEASURE, MODEL_LOAD_MEASURE, modelAsset } from './assets';

let analyzer: Promise<Analyzer> | undefined;
let complete: Promise<Analyzer> | undefined;
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

/** A packaged, gzip-compressed JSON artifact, parsed. */
const packagedJson = async (path: string): Promise<unknown> => (await fetchGzipped(path)).json();

/** The source lists and the rewording table: a few ms to build, needed by the first answer. */
async function loadQuickContext(): Promise<AnalysisContext> {
  const start = performance.now();
  const [sources, rewording] = await Promise.all([packagedJson(ASSETS.context.sources), packagedJson(ASSETS.context.rewording)]);
  const context = createAnalysisContext({ sources, rewording });
  performance.measure(CONTEXT_LOAD_MEASURE, { start, end: performance.now() });
  return context;
}

async function load(): Promise<Analyzer> {
  const manifest = validateManifest(await (await fetchPackaged(ASSETS.modelManifest)).json());
  const [classifier, context] = await Promise.all([loadModel(manifest), loadQuickContext()]);
  return new Analyzer(classifier, manifest, context);
}

/** The one Analyzer of this worker, without the claim index; a failed load is retried on the next call. */
export function getAnalyzer(): Promise<Analyzer> {
  analyzer ??= load().catch((error: unknown) => {
    analyzer = undefined;
    throw error;
  });
  return analyzer;
}

/**
 * The Analyzer with the debunked-claim index. Building the index takes ~0.3–0.5 s of this thread
 * on every worker start, so it is built when a complete analysis first needs it: after a page's
 * first (fast) answer, which doesn't look claims up, has gone out.
 */
function getCompleteAnalyzer(): Promise<Analyzer> {
  complete ??= getAnalyzer()
    .then(async (ready) => {
      const start = performance.now();
      const { claims } = createAnalysisContext({ claims: await packagedJson(ASSETS.context.claims) });
      performance.measure(CLAIM_INDEX_MEASURE, { start, end: performance.now() });
      return ready.withContext({ claims });
    })
    .catch((error: unknown) => {
      complete = undefined;
      throw error;
    });
  return complete;
}

async function analyzeNow(input: AnalysisInput): Promise<PageAnalysis> {
  const ready = await (input.detail === 'fast' ? getAnalyzer() : getCompleteAnalyzer());
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
