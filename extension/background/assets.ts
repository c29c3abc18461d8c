// Names the build, the worker and the tests share. vite.config.ts copies the files to these paths.
export const ASSETS = {
  modelManifest: 'model/manifest.json',
  /** The manifest's `modelFile` is resolved next to it. */
  modelDir: 'model/',
  /** The one ONNX Runtime binary that `onnxruntime-web/wasm` loads. */
  ortWasm: 'ort/ort-wasm-simd-threaded.wasm',
} as const;

/** performance.measure() name of the worker's model load, read by the end-to-end tests. */
export const MODEL_LOAD_MEASURE = 'unspin:model-load';
