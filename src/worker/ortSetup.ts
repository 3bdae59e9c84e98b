// Loads and configures the onnxruntime-web WebGPU build for this worker, once.
import { wasmThreads } from './runtimeFacts';

type OrtWebgpu = typeof import('onnxruntime-web/webgpu');

let loaded: Promise<OrtWebgpu> | null = null;

export function loadOrt(): Promise<OrtWebgpu> {
  loaded ??= import('onnxruntime-web/webgpu').then((ort) => {
    ort.env.wasm.numThreads = wasmThreads();
    // Production: ORT's pthread workers must load ORT's own .mjs from a static folder; loading it
    // through the bundled worker chunk makes multi-threaded WASM hang. The dev server serves ORT
    // from node_modules itself, and setting wasmPaths there breaks it.
    if (import.meta.env.PROD) {
      ort.env.wasm.wasmPaths = new URL(`${import.meta.env.BASE_URL}ort/`, self.location.origin).href;
    }
    return ort;
  });
  return loaded;
}
