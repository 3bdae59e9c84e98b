// One side of the whole-paper benchmark in either host (page or Node): load, summarize the paper
// in every style while sampling memory, report a WholePaperRun.
import type { TextGenerator } from '../engine/types';
import type { Paper } from '../pipeline';
import { PeakMemory, type MemoryReader } from './memory';
import { summarizeWhole, type WholeOptions, type WholePaperRun } from './wholePaper';

export interface WholeSideOptions extends WholeOptions {
  side: string;
  env: 'node' | 'browser';
  model: string;
  dtype: string;
  paper: Paper;
  load: () => Promise<TextGenerator & { runtime: string; notes?: readonly string[] }>;
  readMemory: MemoryReader;
  wasmBytes: () => number | undefined;
}

export async function runWholeSide(o: WholeSideOptions): Promise<WholePaperRun & { maxInputTokens: number }> {
  const peak = new PeakMemory(o.readMemory);
  const timer = setInterval(() => peak.sample(), 250);
  try {
    const t0 = performance.now();
    const gen = await o.load();
    const loadMs = performance.now() - t0;
    o.log?.(`${o.side}: loaded in ${(loadMs / 1000).toFixed(1)} s (${gen.runtime}), prompt budget ${gen.maxInputTokens} tokens`);
    try {
      const r = await summarizeWhole(gen, o.paper, o);
      peak.sample();
      const m = peak.figures;
      return {
        side: o.side,
        env: o.env,
        model: o.model,
        dtype: o.dtype,
        backend: gen.backend,
        runtime: gen.runtime,
        loadMs,
        ...r,
        maxInputTokens: gen.maxInputTokens,
        wasmPeakBytes: o.wasmBytes(),
        jsHeapPeakBytes: m.jsHeapPeakBytes,
        rssPeakBytes: m.rssPeakBytes,
        notes: [...(gen.notes ?? [])],
      };
    } finally {
      await gen.dispose();
    }
  } finally {
    clearInterval(timer);
  }
}
