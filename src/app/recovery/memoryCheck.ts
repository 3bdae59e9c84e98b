// Will this device cope with this model? A rough estimate from the model's download size, checked
// against what the browser tells about memory and storage, so a likely out-of-memory crash is
// announced before the long download rather than discovered after it.
import { t } from '../i18n';
import { formatCount, formatFixed } from '../i18n/format';

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
  return bytes >= GiB ? `${formatFixed(bytes / GiB, 1)} GB` : `${formatCount(Math.round(bytes / 1024 ** 2))} MB`;
}

/** Plain-words warnings (most serious first); empty when nothing suggests trouble. */
export function memoryWarnings(modelBytes: number, backend: 'webgpu' | 'wasm' | 'auto', facts: DeviceFacts): string[] {
  if (!(modelBytes > 0)) return [];
  const need = estimatePeakBytes(modelBytes);
  const out: string[] = [];
  if (backend !== 'webgpu' && need > WASM_LIMIT_BYTES) {
    out.push(t('notices.memWasm', { need: size(need) }));
  }
  // A tab rarely gets more than about half of the device's memory.
  if (facts.deviceMemoryGiB !== null && need > facts.deviceMemoryGiB * GiB * 0.5) {
    out.push(t('notices.memDevice', { need: size(need), device: facts.deviceMemoryGiB }));
  }
  if (facts.jsHeapLimitBytes !== null && modelBytes > facts.jsHeapLimitBytes * 0.8) {
    out.push(t('notices.memHeap', { size: size(modelBytes), limit: size(facts.jsHeapLimitBytes) }));
  }
  if (facts.storageFreeBytes !== null && modelBytes > facts.storageFreeBytes) {
    out.push(t('notices.memStorage', { free: size(facts.storageFreeBytes), size: size(modelBytes) }));
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
