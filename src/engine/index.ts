// Public API of the engine: load a model folder, generate text (or embed it). Everything else is internal.
export { loadModel, type LoadOptions, type LoadedModel } from './load';
export { loadEmbedder, cosine, type EmbedderOptions, type LoadedEmbedder, type Pooling } from './embedder';
export { planBackend, type BackendPlan, type GpuLike } from './backend';
export { DTYPE_SUFFIX, listDtypes, resolveLayout, type OnnxLayout } from './modelFolder';
export { StreamingDetokenizer } from './detokenizer';
export { InjectedFault, type FaultInjection } from './session';
export type { OrtModule } from './ort';
export { GenerationOptionError } from './generation/contract';
export { validateJson } from './generation/json';
export * from './types';
