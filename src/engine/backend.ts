// Picks the backend and dtype: WebGPU when an adapter exists (and, for float16 models, when it has
// shader-f16), otherwise WASM, always with a reason the UI can show.
import { isHalfDtype } from './modelFolder';
import type { Backend, BackendChoice, Dtype, DtypeRequest } from './types';

/** The part of `navigator.gpu` we use; injectable so Node tests can pretend to have a GPU. */
export interface GpuLike {
  requestAdapter(): Promise<{ features: { has(feature: string): boolean } } | null>;
}

export interface BackendPlan {
  backend: Backend;
  dtype: Dtype;
  /** Why the plan differs from what was asked, e.g. "WebGPU unavailable: ...". */
  notes: string[];
}

/** Preference when the caller names no dtype: small and fast first, per backend. */
const PREFERRED: Record<Backend, Dtype[]> = {
  webgpu: ['q4f16', 'fp16', 'q4', 'fp32', 'q8', 'int8', 'uint8', 'bnb4'],
  wasm: ['q8', 'int8', 'uint8', 'q4', 'fp32', 'bnb4', 'fp16', 'q4f16'],
};

/**
 * Dynamically quantized dtypes: their MatMulInteger/DynamicQuantizeLinear nodes have no WebGPU
 * kernels, so ORT would run them on the CPU with GPU<->CPU copies (slower than WASM, and wrong
 * output has been reported for such graphs). They run on WASM instead.
 */
const CPU_ONLY: ReadonlySet<Dtype> = new Set(['q8', 'int8', 'uint8']);

/** What a float16 dtype becomes when the GPU cannot run float16 shaders. */
const WITHOUT_F16: Partial<Record<Dtype, Dtype[]>> = { q4f16: ['q4', 'fp32', 'q8'], fp16: ['fp32', 'q4', 'q8'] };

export function defaultGpu(): GpuLike | undefined {
  const nav = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator;
  return nav?.gpu;
}

async function probe(gpu: GpuLike | undefined): Promise<{ ok: true; f16: boolean } | { ok: false; why: string }> {
  if (!gpu) return { ok: false, why: 'this browser has no WebGPU (navigator.gpu is missing)' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { ok: false, why: 'no WebGPU adapter is available' };
    return { ok: true, f16: adapter.features.has('shader-f16') };
  } catch (e) {
    return { ok: false, why: `requesting a WebGPU adapter failed (${(e as Error).message})` };
  }
}

/**
 * `request` is one dtype, or one per backend (a catalogue's measured defaults): the entry of the
 * backend chosen applies.
 */
export async function planBackend(
  choice: BackendChoice,
  request: DtypeRequest | undefined,
  available: Dtype[],
  gpu: GpuLike | undefined,
): Promise<BackendPlan> {
  const notes: string[] = [];
  if (!available.length) throw new Error('the model folder holds no complete ONNX export');
  let backend: Backend = 'wasm';
  let f16 = false;
  if (choice !== 'wasm') {
    const p = await probe(gpu);
    if (p.ok) {
      backend = 'webgpu';
      f16 = p.f16;
    } else {
      notes.push(`Using WASM: ${p.why}.`);
    }
  }
  const requested = typeof request === 'object' ? request[backend] : request;
  let dtype = requested && available.includes(requested) ? requested : undefined;
  if (requested && !dtype) notes.push(`dtype "${requested}" is not in the folder (present: ${available.join(', ')}).`);
  dtype ??= PREFERRED[backend].find((d) => available.includes(d) && (backend !== 'webgpu' || f16 || !isHalfDtype(d)));
  dtype ??= PREFERRED[backend].find((d) => available.includes(d))!;
  if (backend === 'webgpu' && isHalfDtype(dtype) && !f16) {
    const alt = (WITHOUT_F16[dtype] ?? []).find((d) => available.includes(d));
    if (alt) {
      notes.push(`The GPU lacks shader-f16, so the ${dtype} model cannot run on WebGPU; using ${alt} instead.`);
      dtype = alt;
    } else {
      notes.push(`The GPU lacks shader-f16 and no float32 variant is present, so the ${dtype} model runs on WASM.`);
      backend = 'wasm';
    }
  }
  if (backend === 'webgpu' && CPU_ONLY.has(dtype)) {
    notes.push(`The ${dtype} weights run on WASM: WebGPU has no kernels for their integer matrix products (MatMulInteger); choose fp32, fp16 or q4 weights for the GPU.`);
    backend = 'wasm';
  }
  return { backend, dtype, notes };
}
