// Names the build, the worker and the tests share. vite.config.ts copies the files to these paths.
import { CONTEXT_FILES } from '../../model/context';

/** Data files ship gzip-compressed (and are inflated with DecompressionStream) to fit the 20 MB package budget. */
export const GZIP_SUFFIX = '.gz';

export const ASSETS = {
  modelManifest: 'model/manifest.json',
  /** The manifest's `modelFile` is resolved next to it, with GZIP_SUFFIX. */
  modelDir: 'model/',
  /** The context artifacts (source lists, debunked claims, rewording table), gzip-compressed. */
  context: {
    sources: `model/${CONTEXT_FILES.sources}${GZIP_SUFFIX}`,
    claims: `model/${CONTEXT_FILES.claims}${GZIP_SUFFIX}`,
    rewording: `model/${CONTEXT_FILES.rewording}${GZIP_SUFFIX}`,
  },
  /**
   * The one ONNX Runtime binary that `onnxruntime-web/wasm` runs, gzip-compressed like the data
   * (14.2 MB → 3.7 MB; it is 70% of the package) and handed to ORT as `env.wasm.wasmBinary`.
   * Inflated, it is byte-identical to onnxruntime-web's dist/ort-wasm-simd-threaded.wasm.
   */
  ortWasm: `ort/ort-wasm-simd-threaded.wasm${GZIP_SUFFIX}`,
  /**
   * The content script: one self-contained classic script (vite.config.ts builds it from
   * extension/content/index.ts). No manifest key names it: the worker registers it for the sites
   * the user allowed, or injects it into the tab the user clicked (background/access.ts).
   */
  contentScript: 'extension/content/index.js',
} as const;

/** The packaged path of the model file named in the manifest. */
export function modelAsset(modelFile: string): string {
  return ASSETS.modelDir + modelFile + GZIP_SUFFIX;
}

/** performance.measure() name of the worker's model load, read by the end-to-end tests. */
export const MODEL_LOAD_MEASURE = 'unspin:model-load';
/** performance.measure() name of the claim index's fetch and build (after a cold worker's first answer). */
export const CLAIM_INDEX_MEASURE = 'unspin:claim-index';
/** performance.measure() name of loading the quick context indexes (sources, rewording). */
export const CONTEXT_LOAD_MEASURE = 'unspin:context-load';
/** performance.measure() name of the claim and source lookups of one page. */
export const CONTEXT_LOOKUP_MEASURE = 'unspin:context-lookup';
