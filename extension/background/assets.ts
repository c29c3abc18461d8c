// Where the build puts the files the worker loads; vite.config.ts copies them to these paths.
export const ASSETS = {
  modelManifest: 'model/manifest.json',
  /** The manifest's `modelFile` is resolved next to it. */
  modelDir: 'model/',
  /** The one ONNX Runtime binary that `onnxruntime-web/wasm` loads. */
  ortWasm: 'ort/ort-wasm-simd-threaded.wasm',
} as const;
