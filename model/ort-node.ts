// ONNX Runtime for Node scripts and tests: the same wasm build the extension ships, single-threaded
// and without the worker proxy.
import * as ort from 'onnxruntime-web';
import { loadClassifier, type Classifier } from './runtime';

ort.env.wasm.numThreads = 1;
ort.env.wasm.proxy = false;

export function loadNodeClassifier(modelBytes: Uint8Array): Promise<Classifier> {
  return loadClassifier(ort, modelBytes);
}
