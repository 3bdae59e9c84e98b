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
  let webgpuShaderF16: boolean | null = null;
  const gpu = (self.navigator as WorkerNavigator & { gpu?: { requestAdapter(): Promise<{ features?: { has(f: string): boolean } } | null> } }).gpu;
  if (gpu) {
    try {
      const adapter = await gpu.requestAdapter();
      webgpuAvailable = adapter != null;
      // The same adapter the engine plans with; it swaps fp16/q4f16 for another dtype without this.
      if (adapter?.features) webgpuShaderF16 = adapter.features.has('shader-f16');
    } catch {
      webgpuAvailable = false;
    }
  }
  return { threads: wasmThreads(), crossOriginIsolated: self.crossOriginIsolated, webgpuAvailable, webgpuShaderF16 };
}
