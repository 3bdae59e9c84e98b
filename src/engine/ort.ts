// onnxruntime-web is injected rather than imported so the worker can hand in the
// `onnxruntime-web/webgpu` build and Node tests the plain (Node/wasm) build. Only types come from here.
import type * as OrtNamespace from 'onnxruntime-web';

export type OrtModule = typeof OrtNamespace;
export type OrtTensor = OrtNamespace.Tensor;
export type OrtSession = OrtNamespace.InferenceSession;
export type OrtSessionOptions = OrtNamespace.InferenceSession.SessionOptions;
export type OrtFeeds = Record<string, OrtTensor>;
export type OrtValueMetadata = OrtNamespace.InferenceSession.ValueMetadata;
