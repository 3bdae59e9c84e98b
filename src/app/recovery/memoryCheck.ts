// Will this device cope with this model? A rough estimate from the model's download size, checked
// against what the browser tells about memory and storage, so a likely out-of-memory crash is
// announced before the long download rather than discovered after it.

export interface DeviceFacts {
  /** navigator.deviceMemory: GiB, rounded down to a power of two and capped (Chromium: 8). */
  deviceMemoryGiB: number | null;
  /** performance.memory.jsHeapSizeLimit (Chromium only). */
  jsHeapLimitBytes: number | null;
  /** Storage quota left for this site, from navigator.storage.estimate(). */
  storageFreeBytes: number | null;
}

const GiB = 1024 ** 3;
/** WebAssembly (wasm32) cannot address more than 4 GiB, whatever the device has. */
export const WASM_LIMIT_BYTES = 4 * GiB;

/**
 * Peak memory while a model loads and runs: the downloaded bytes are held in JS while ORT copies
 * them into its own memory (x2), plus activations and the KV cache (+20%) and the runtime itself.
 */
export function estimatePeakBytes(modelBytes: number): number {
  return Math.round(modelBytes * 2.2 + 300 * 1024 ** 2);
}

function size(bytes: number): string {
  return bytes >= GiB ? `${(bytes / GiB).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

/** Plain-words warnings (most serious first); empty when nothing suggests trouble. */
export function memoryWarnings(modelBytes: number, backend: 'webgpu' | 'wasm' | 'auto', facts: DeviceFacts): string[] {
  if (!(modelBytes > 0)) return [];
  const need = estimatePeakBytes(modelBytes);
  const out: string[] = [];
  if (backend !== 'webgpu' && need > WASM_LIMIT_BYTES) {
    out.push(`This model needs about ${size(need)} while it loads, more than the 4 GB WebAssembly can use: without WebGPU it will fail. Pick a smaller model.`);
  }
  // A tab rarely gets more than about half of the device's memory.
  if (facts.deviceMemoryGiB !== null && need > facts.deviceMemoryGiB * GiB * 0.5) {
    out.push(`This model needs about ${size(need)} of memory and this device reports ${facts.deviceMemoryGiB} GB: the tab may run out of memory. A smaller model is safer.`);
  }
  if (facts.jsHeapLimitBytes !== null && modelBytes > facts.jsHeapLimitBytes * 0.8) {
    out.push(`The model files (${size(modelBytes)}) are close to the browser's memory limit for this page (${size(facts.jsHeapLimitBytes)}); loading may fail.`);
  }
  if (facts.storageFreeBytes !== null && modelBytes > facts.storageFreeBytes) {
    out.push(`There is not enough free browser storage (${size(facts.storageFreeBytes)}) to keep this model (${size(modelBytes)}): it will work now but be downloaded again next time.`);
  }
  return out;
}

/** Reads what this browser reveals; missing facts are null (Firefox and Safari reveal little). */
export async function deviceFacts(): Promise<DeviceFacts> {
  const nav = navigator as Navigator & { deviceMemory?: number };
  const perf = performance as Performance & { memory?: { jsHeapSizeLimit?: number } };
  let storageFreeBytes: number | null = null;
  try {
    const e = await navigator.storage?.estimate?.();
    if (e?.quota !== undefined) storageFreeBytes = Math.max(0, e.quota - (e.usage ?? 0));
  } catch {
    // Some private modes refuse the estimate; then storage is simply unknown.
  }
  return {
    deviceMemoryGiB: typeof nav.deviceMemory === 'number' ? nav.deviceMemory : null,
    jsHeapLimitBytes: typeof perf.memory?.jsHeapSizeLimit === 'number' ? perf.memory.jsHeapSizeLimit : null,
    storageFreeBytes,
  };
}
