// The measurement loop both sides go through: load, one warm-up run, N timed runs, medians.
import { PeakMemory, type MemoryReader } from './memory';
import { bestOf, medianOf } from './stats';
import type { BenchEnv, RunSample, Side, SideResult } from './types';

/** Greedy with an exact token count: what both sides are asked to do. */
export function decodeSettings(newTokens: number) {
  return { do_sample: false, num_beams: 1, max_new_tokens: newTokens, min_new_tokens: newTokens } as const;
}

export interface Loaded {
  runtime: string;
  inputTokens: number;
  notes: string[];
  /** One greedy generate(); calls onToken after every new token (memory sampling). */
  generate(onToken: () => void): Promise<{ sample: RunSample; ids: number[]; backend: string }>;
  dispose(): Promise<void>;
}

export interface Contender {
  side: Side;
  env: BenchEnv;
  model: string;
  backend: 'wasm' | 'webgpu';
  load(): Promise<Loaded>;
}

export interface MeasureOptions {
  runs: number;
  readMemory: MemoryReader;
  /** Read after the runs (wasm memory only grows, so the end value is its peak). */
  wasmBytes?: () => number | undefined;
  onProgress?: (msg: string) => void;
}

export async function measure(c: Contender, o: MeasureOptions): Promise<SideResult> {
  const log = o.onProgress ?? (() => undefined);
  const mem = new PeakMemory(o.readMemory);
  mem.sample();
  log(`${c.side}: loading ${c.model} (${c.backend})`);
  const t0 = performance.now();
  const loaded = await c.load();
  const loadMs = performance.now() - t0;
  mem.sample();
  try {
    const tick = () => mem.sample();
    log(`${c.side}: warm-up`);
    const warm = await loaded.generate(tick);
    const runs: RunSample[] = [];
    let ids: number[] | undefined;
    let stable = true;
    let backend = warm.backend;
    for (let i = 0; i < o.runs; i++) {
      log(`${c.side}: run ${i + 1}/${o.runs}`);
      const r = await loaded.generate(tick);
      runs.push(r.sample);
      backend = r.backend;
      if (!ids) ids = r.ids;
      else if (r.ids.join() !== ids.join()) stable = false;
    }
    if (warm.ids.join() !== (ids ?? []).join()) stable = false;
    mem.sample();
    const wasm = o.wasmBytes?.();
    return {
      side: c.side,
      env: c.env,
      model: c.model,
      backend: c.backend,
      actualBackend: backend,
      runtime: loaded.runtime,
      loadMs,
      inputTokens: loaded.inputTokens,
      ids: ids ?? [],
      stable,
      warmup: warm.sample,
      runs,
      median: medianOf(runs),
      best: bestOf(runs),
      memory: { ...mem.figures, ...(wasm !== undefined ? { wasmBytes: wasm } : {}) },
      notes: loaded.notes,
    };
  } finally {
    await loaded.dispose();
  }
}
