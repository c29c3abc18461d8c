// Writes NetworkWeights as an ONNX model that computes exactly forwardScores (model/network.ts)
// for a padded batch. Run it with model/runtime.ts.
//
// Inputs:  ids      int32   [batch, length]         feature ids, padded with 0
//          pooling  float32 [batch, slots, length]  pooling weight of feature l in its own slot's
//                                                   row (poolingWeights in model/features.ts), else 0
// Output:  scores   float32 [batch, outputs]        sigmoid probabilities
//
// pooling x gathered rows is one batched MatMul giving every slot's pooled embedding at once;
// padding and a text with no features contribute zeros, as in the reference.
import onnxProto, { type onnx } from 'onnx-proto';
import type { NetworkWeights } from './network';
import { INPUT_IDS, INPUT_POOLING, OUTPUT_SCORES } from './runtime';

// onnx-proto is CommonJS: Node's ESM loader only exposes its values through the default export.
const { ModelProto, TensorProto, AttributeProto } = onnxProto.onnx;
const DataType = TensorProto.DataType;
const AttributeType = AttributeProto.AttributeType;

// IR version 8 with opset 17: both well inside what onnxruntime-web 1.30 loads.
const IR_VERSION = 8;
const OPSET = 17;

type Dim = number | string;

function valueInfo(name: string, elemType: number, dims: Dim[]): onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

/** Little-endian bytes regardless of the host's byte order. */
function float32Bytes(values: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
  return bytes;
}

function int64Bytes(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return bytes;
}

function tensor(name: string, dataType: number, dims: number[], rawData: Uint8Array): onnx.ITensorProto {
  return { name, dataType, dims, rawData };
}

function node(opType: string, inputs: string[], outputs: string[], attribute: onnx.IAttributeProto[] = []): onnx.INodeProto {
  return { opType, name: outputs[0], input: inputs, output: outputs, attribute };
}

function intAttr(name: string, i: number): onnx.IAttributeProto {
  return { name, type: AttributeType.INT, i };
}

function checkLength(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${what} has ${actual} values, expected ${expected}`);
}

/** Serialised ONNX ModelProto; the same weights always give the same bytes. */
export function exportOnnx(weights: NetworkWeights, docString?: string): Uint8Array {
  const { buckets, dim, slots, hidden, outputs } = weights.shape;
  const pooledWidth = slots * dim;
  const headIn = hidden > 0 ? hidden : pooledWidth;
  checkLength('embedding', weights.embedding.length, buckets * dim);
  checkLength('w1', weights.w1.length, hidden > 0 ? pooledWidth * hidden : 0);
  checkLength('b1', weights.b1.length, hidden);
  checkLength('w2', weights.w2.length, headIn * outputs);
  checkLength('b2', weights.b2.length, outputs);

  const embeddingBytes = new Uint8Array(weights.embedding.buffer, weights.embedding.byteOffset, weights.embedding.byteLength);
  const initializer: onnx.ITensorProto[] = [
    tensor('embedding', DataType.INT8, [buckets, dim], embeddingBytes),
    tensor('embedding_scale', DataType.FLOAT, [], float32Bytes([weights.embeddingScale])),
    // Reshape's 0 copies the batch dimension.
    tensor('pooled_shape', DataType.INT64, [2], int64Bytes([0, pooledWidth])),
  ];
  const nodes: onnx.INodeProto[] = [
    node('Gather', ['embedding', INPUT_IDS], ['rows_int8'], [intAttr('axis', 0)]),
    node('Cast', ['rows_int8'], ['rows'], [intAttr('to', DataType.FLOAT)]),
    node('MatMul', [INPUT_POOLING, 'rows'], ['slot_sums']),
    node('Reshape', ['slot_sums', 'pooled_shape'], ['pooled_unscaled']),
    node('Mul', ['pooled_unscaled', 'embedding_scale'], ['pooled']),
  ];

  let representation = 'pooled';
  if (hidden > 0) {
    initializer.push(
      tensor('w1', DataType.FLOAT, [pooledWidth, hidden], float32Bytes(weights.w1)),
      tensor('b1', DataType.FLOAT, [hidden], float32Bytes(weights.b1)),
    );
    nodes.push(
      node('MatMul', ['pooled', 'w1'], ['hidden_matmul']),
      node('Add', ['hidden_matmul', 'b1'], ['hidden_linear']),
      node('Relu', ['hidden_linear'], ['hidden']),
    );
    representation = 'hidden';
  }
  initializer.push(
    tensor('w2', DataType.FLOAT, [headIn, outputs], float32Bytes(weights.w2)),
    tensor('b2', DataType.FLOAT, [outputs], float32Bytes(weights.b2)),
  );
  nodes.push(
    node('MatMul', [representation, 'w2'], ['logits_matmul']),
    node('Add', ['logits_matmul', 'b2'], ['logits']),
    node('Sigmoid', ['logits'], [OUTPUT_SCORES]),
  );

  const model: onnx.IModelProto = {
    irVersion: IR_VERSION,
    producerName: 'unspin',
    opsetImport: [{ domain: '', version: OPSET }],
    docString: docString ?? '',
    graph: {
      name: 'unspin_classifier',
      node: nodes,
      initializer,
      input: [
        valueInfo(INPUT_IDS, DataType.INT32, ['batch', 'length']),
        valueInfo(INPUT_POOLING, DataType.FLOAT, ['batch', slots, 'length']),
      ],
      output: [valueInfo(OUTPUT_SCORES, DataType.FLOAT, ['batch', outputs])],
    },
  };
  // protobufjs hands back a Node Buffer in Node; callers get a plain Uint8Array everywhere.
  return new Uint8Array(ModelProto.encode(model).finish());
}

function initializerBytes(tensors: onnx.ITensorProto[], name: string): Uint8Array {
  const found = tensors.find((t) => t.name === name);
  if (!found?.rawData) throw new Error(`ONNX model has no initializer ${name}`);
  return found.rawData;
}

function float32Values(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float32Array.from({ length: bytes.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

/** Reads the weights back out of an exported model: lets tests check ONNX Runtime against forwardScores on the committed model. */
export function importOnnxWeights(bytes: Uint8Array): NetworkWeights {
  const graph = ModelProto.decode(bytes).graph;
  if (!graph) throw new Error('ONNX model has no graph');
  const tensors = graph.initializer ?? [];
  const embeddingTensor = tensors.find((t) => t.name === 'embedding');
  const [buckets, dim] = (embeddingTensor?.dims ?? []).map(Number);
  const pooling = graph.input?.find((i) => i.name === INPUT_POOLING);
  const slots = Number(pooling?.type?.tensorType?.shape?.dim?.[1]?.dimValue);
  const hasHidden = tensors.some((t) => t.name === 'w1');
  const b2 = float32Values(initializerBytes(tensors, 'b2'));
  const b1 = hasHidden ? float32Values(initializerBytes(tensors, 'b1')) : new Float32Array(0);
  const embedding = initializerBytes(tensors, 'embedding');
  return {
    shape: { buckets, dim, slots, hidden: b1.length, outputs: b2.length },
    embedding: new Int8Array(embedding.buffer.slice(embedding.byteOffset, embedding.byteOffset + embedding.byteLength)),
    embeddingScale: float32Values(initializerBytes(tensors, 'embedding_scale'))[0],
    w1: hasHidden ? float32Values(initializerBytes(tensors, 'w1')) : new Float32Array(0),
    b1,
    w2: float32Values(initializerBytes(tensors, 'w2')),
    b2,
  };
}
