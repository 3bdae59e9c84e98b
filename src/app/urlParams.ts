// Query parameters: `?model=<folder under models/>` loads that folder (how tests reach the
// fixtures), `?backend=auto|webgpu|wasm`, `?context=N` (a decoder-only model's context in tokens),
// and the test hooks `?failWebgpuAtStep=N`, `?deltaMs=N`.
import type { BackendChoice } from '../engine/types';

export interface UrlOptions {
  model: string | null;
  backend: BackendChoice;
  failWebgpuAtStep?: number;
  /** Batching of streamed text in ms (`?deltaMs=0` shows every token; tests use it on fast models). */
  deltaMs?: number;
  /** Decoder-only context cap in tokens (256..131072); low-memory devices, and map-reduce tests on short papers. */
  contextTokens?: number;
}

export function parseUrlOptions(search: string): UrlOptions {
  const q = new URLSearchParams(search);
  const rawModel = q.get('model');
  // A folder path under models/: plain segments only, so it cannot climb out of the folder.
  const model = rawModel && /^[\w.-]+(\/[\w.-]+)*$/.test(rawModel) && !rawModel.split('/').some((s) => s === '..' || s === '.') ? rawModel : null;
  const b = q.get('backend');
  const backend: BackendChoice = b === 'webgpu' || b === 'wasm' ? b : 'auto';
  const fail = Number(q.get('failWebgpuAtStep'));
  const delta = q.get('deltaMs');
  const deltaMs = delta !== null && /^\d{1,4}$/.test(delta) ? Number(delta) : undefined;
  const ctx = Number(q.get('context'));
  const contextTokens = Number.isInteger(ctx) && ctx >= 256 && ctx <= 131072 ? ctx : undefined;
  return { model, backend, failWebgpuAtStep: Number.isInteger(fail) && fail > 0 ? fail : undefined, deltaMs, contextTokens };
}
