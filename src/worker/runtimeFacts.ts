// What the worker can use on this machine: WASM threads and whether WebGPU has an adapter.
import type { RuntimeFacts } from './controller';

/** More threads than this buys little for small seq2seq models and starves the UI thread. */
export const MAX_WASM_THREADS = 4;

export function wasmThreads(): number {
  // Without cross-origin isolation there is no SharedArrayBuffer, so ORT can only use one thread.
  if (!self.crossOriginIsolated) return 1;
  const cores = self.navigator.hardwareConcurrency || 1;
  return Math.max(1, Math.min(MAX_WASM_THREADS, cores));
}

export async function probeRuntime(): Promise<RuntimeFacts> {
  let webgpuAvailable = false;
  const gpu = (self.navigator as WorkerNavigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (gpu) {
    try {
      webgpuAvailable = (await gpu.requestAdapter()) != null;
    } catch {
      webgpuAvailable = false;
    }
  }
  return { threads: wasmThreads(), crossOriginIsolated: self.crossOriginIsolated, webgpuAvailable };
}
