// Generator.generateBatch: several inputs decoded together where the engine can (decoder-only,
// greedy, on a backbone with a batch runner), one by one otherwise. Rows are grouped so that a
// group's KV cache stays under KV_BATCH_BUDGET (memory follows the chunk size and the batch,
// never the paper), and the shared prompt prefix is kept between groups and calls.
import type { Backbone } from './backbone';
import type { SharedPrefix } from './batchedCausal';
import { allFinite, type FallbackHost } from './fallback';
import { batchGreedy, batchable, type BatchStepModel } from './generation/batchGreedy';
import type { SpecialTokens } from './generation/contract';
import { resolveOptions } from './generation/options';
import { release } from './tensors';
import type { TextTokenizer } from './tokenizer';
import type { BatchHooks, GenerateHooks, GenerationOptions, GenerationResult, ModelKind } from './types';

/** KV cache bytes one batch may hold (rows x positions x bytes per position). */
export const KV_BATCH_BUDGET = 384 * 2 ** 20;
/** Most rows in one batch: past this, a CPU step's cost grows with the rows anyway. */
export const MAX_BATCH_ROWS = 16;

export interface BatchHost {
  kind: ModelKind;
  tokenizer: TextTokenizer;
  special: SpecialTokens;
  vocabSize: number;
  host: FallbackHost;
  prepare(input: string): { start: number[]; truncated?: { inputTokens: number; keptTokens: number } };
  resolve(options: GenerationOptions, startLength: number): { options: GenerationOptions; defaults: GenerationOptions };
  single(input: string, options: GenerationOptions, hooks: GenerateHooks): Promise<GenerationResult>;
}

/** Last shared prefix per model host (its KV is a few MB: kept for the next call on the same paper). */
const prefixes = new WeakMap<FallbackHost, SharedPrefix>();

const now = () => performance.now();

export async function generateBatch(h: BatchHost, inputs: string[], options: GenerationOptions, hooks: BatchHooks = {}): Promise<GenerationResult[]> {
  const out: GenerationResult[] = new Array(inputs.length);
  const done = (i: number, r: GenerationResult) => {
    out[i] = r;
    hooks.onResult?.(i, r);
  };
  const sequential = async (idx: number[]) => {
    for (const i of idx) done(i, await h.single(inputs[i], options, { signal: hooks.signal }));
  };
  const bb = h.host.current();
  const rows = h.kind === 'causal' && inputs.length > 1 && hooks.batch !== false ? inputs.map((s) => h.prepare(s)) : undefined;
  if (!rows || !bb.canBatch) {
    await sequential(inputs.map((_, i) => i));
    return out;
  }
  const resolved = rows.map((r) => h.resolve(options, r.start.length));
  const key = (i: number) => JSON.stringify(resolved[i]);
  const opts = (i: number) => resolveOptions({ ...resolved[i], countedStartLength: rows[i].start.length, vocabSize: h.vocabSize });
  // Rows batch with the rows whose resolved options are the same (a context cap can differ per
  // prompt length); rows that do not decode greedily go one by one.
  const byKey = new Map<string, number[]>();
  const alone: number[] = [];
  rows.forEach((_, i) => {
    if (!batchable(opts(i))) return void alone.push(i);
    const k = key(i);
    byKey.set(k, [...(byKey.get(k) ?? []), i]);
  });
  for (const same of byKey.values()) {
    for (const group of groups(same, rows, opts(same[0]).maxLength, bb.kvBytesPerPosition)) {
      if (hooks.signal?.aborted) break;
      if (group.length === 1) {
        await sequential(group);
        continue;
      }
      try {
        await runGroup(h, bb, group, rows, resolved[group[0]], hooks, done);
      } catch (e) {
        // Whatever the batch could not do (a WebGPU failure, invalid logits), the single path can:
        // it falls back to WASM or to safer weights as it would for one input.
        if (hooks.signal?.aborted) break;
        await sequential(group.filter((i) => !out[i]));
        void e;
      }
    }
  }
  await sequential(alone);
  for (let i = 0; i < out.length; i++) out[i] ??= aborted(h, rows[i]?.truncated);
  return out;
}

/** Consecutive rows in groups whose cache (longest prompt + new tokens, per row) fits the budget. */
function groups(idx: number[], rows: { start: number[] }[], maxLength: number, bytesPerPosition: number): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  let longest = 0;
  for (const i of idx) {
    const len = Math.max(longest, rows[i].start.length);
    const positions = len + Math.max(0, maxLength - rows[i].start.length);
    if (cur.length && ((cur.length + 1) * positions * bytesPerPosition > KV_BATCH_BUDGET || cur.length >= MAX_BATCH_ROWS)) {
      out.push(cur);
      cur = [];
      longest = 0;
    }
    cur.push(i);
    longest = Math.max(longest, rows[i].start.length);
  }
  if (cur.length) out.push(cur);
  return out;
}

async function runGroup(
  h: BatchHost,
  bb: Backbone,
  group: number[],
  rows: { start: number[]; truncated?: { inputTokens: number; keptTokens: number } }[],
  resolved: { options: GenerationOptions; defaults: GenerationOptions },
  hooks: BatchHooks,
  done: (i: number, r: GenerationResult) => void,
): Promise<void> {
  const t0 = now();
  const runner = bb.startBatchRunner(h.special.padTokenId ?? h.special.eosTokenIds[0] ?? 0, prefixes.get(h.host));
  let prefillMs = 0;
  const checked: BatchStepModel = {
    vocabSize: h.vocabSize,
    prefill: async (p) => {
      const l = await runner.prefill(p);
      prefillMs = now() - t0;
      if (!allFinite(l)) throw new Error('batched prefill produced NaN/inf logits');
      return l;
    },
    step: async (t) => {
      const l = await runner.step(t);
      if (!allFinite(l)) throw new Error('batched step produced NaN/inf logits');
      return l;
    },
    keep: (r) => runner.keep(r),
  };
  try {
    await batchGreedy({
      model: checked,
      rows: group.map((i) => ({ start: rows[i].start })),
      options: resolved.options,
      defaults: resolved.defaults,
      special: h.special,
      signal: hooks.signal,
      onDone: (k, res) => {
        const i = group[k];
        const ids = res.sequences[0].ids;
        const totalMs = now() - t0;
        const r: GenerationResult = {
          ids,
          text: h.tokenizer.decode(ids, true),
          sequences: [{ ids, text: h.tokenizer.decode(ids, true) }],
          stopReason: res.stopReason,
          timings: {
            encodeMs: prefillMs,
            firstTokenMs: prefillMs,
            totalMs,
            newTokens: ids.length,
            tokensPerSecond: ids.length > 1 && totalMs > prefillMs ? ((ids.length - 1) * 1000) / (totalMs - prefillMs) : 0,
            decoderRuns: ids.length,
            batchRows: group.length,
            prefixTokensReused: runner.reusedPrefixTokens,
            prefixTokensShared: runner.sharedPrefixTokens,
          },
          backend: bb.runtime.backend,
        };
        if (rows[i].truncated) r.truncated = rows[i].truncated;
        done(i, r);
      },
    });
    const p = runner.prefix;
    const kept = prefixes.get(h.host);
    if (p && p.ids.length && p !== kept && (!kept || kept.session !== p.session || p.ids.length >= kept.ids.length)) {
      if (kept) for (const t of kept.entries.values()) release(t);
      prefixes.set(h.host, p);
    }
  } finally {
    runner.dispose();
  }
}

function aborted(h: BatchHost, truncated?: { inputTokens: number; keptTokens: number }): GenerationResult {
  const r: GenerationResult = {
    ids: [],
    text: '',
    sequences: [],
    stopReason: 'aborted',
    timings: { encodeMs: 0, firstTokenMs: 0, totalMs: 0, newTokens: 0, tokensPerSecond: 0 },
    backend: h.host.current().runtime.backend,
  };
  if (truncated) r.truncated = truncated;
  return r;
}
