// The whole-paper benchmark, one side: a real paper summarized end to end by the pipeline
// (map-reduce, then key points and a TL;DR) on a TextGenerator, timed and counted. Both sides
// get the same pipeline, chunks, prompts and token limits; only the generator differs (ours:
// the engine with its batching and shared prefix; the peer: transformers.js generate() one pass
// at a time, src/bench/peerGenerator.ts).
import { WrappedGenerator } from '../engine/wrappedGenerator';
import { fnv1a } from '../pipeline/hash';
import type { BatchHooks, GenerateHooks, GenerationOptions, GenerationResult, TextGenerator } from '../engine/types';
import { PassCache, summarizePaper, type Paper, type SummaryLength, type SummaryStyle } from '../pipeline';

export const WHOLE_STYLES: SummaryStyle[] = ['key_points', 'tldr'];
export const WHOLE_LENGTH: SummaryLength = 'short';
/**
 * Decoder-only context both sides run the pipeline with: 512-token chunks (1024 minus the
 * 512-token answer room). The engine's own default (8192: 7.7k-token chunks) would give a
 * 10k-word paper two chunks, and transformers.js's one-run prefill of a 7.7k-token prompt needs
 * 9 heads x 7.7k x 7.7k attention scores per layer, past what a wasm32 heap holds.
 */
export const WHOLE_CONTEXT = 1024;

export interface WholePaperRun {
  side: string;
  env: 'node' | 'browser';
  model: string;
  dtype: string;
  backend: string;
  runtime: string;
  loadMs: number;
  /** Summarizing only (both styles), model loaded. */
  wallMs: number;
  /** New tokens over every pass. */
  tokens: number;
  tokensPerSecond: number;
  passes: number;
  /**
   * FNV-1a of the distinct map-stage prompts in first-use order: equal on both sides = same chunks
   * and prompts (a side that reuses a pass sends its prompt once).
   */
  mapPromptsHash: string;
  /** Distinct map-stage prompts. */
  mapPasses: number;
  /** Wall time per style, in the order run. */
  styleMs: Record<string, number>;
  /** Passes taken from an earlier summary of the paper (PassCache) instead of the model. */
  passesReused: number;
  summaries: Record<string, string>;
  /** Largest batch a pass ran in, prompt tokens taken from a kept prefix. */
  maxBatchRows: number;
  prefixTokensReused: number;
  /** Longest prompt prefix a batch's rows shared (computed once per batch). */
  prefixTokensShared: number;
  draftedTokens: number;
  acceptedTokens: number;
  wasmPeakBytes?: number;
  jsHeapPeakBytes?: number;
  rssPeakBytes?: number;
  notes: string[];
}

const MAP_MARK = /Summarize the following part of a scientific paper/;

/** Wraps a generator to count passes and tokens; keeps generateBatch only where the inner has it. */
export class CountingGenerator extends WrappedGenerator {
  passes = 0;
  tokens = 0;
  private readonly seen = new Set<string>();
  /** Distinct map-stage prompts, in first-use order. */
  mapPrompts: string[] = [];
  maxBatchRows = 1;
  prefixTokensReused = 0;
  prefixTokensShared = 0;
  drafted = 0;
  accepted = 0;
  readonly generateBatch?: (inputs: string[], options: GenerationOptions, hooks?: BatchHooks) => Promise<GenerationResult[]>;

  constructor(
    inner: TextGenerator,
    private readonly extra: GenerationOptions = {},
    batch = true,
  ) {
    super(inner);
    const b = batch ? inner.generateBatch?.bind(inner) : undefined;
    if (b) {
      this.generateBatch = async (inputs, options, hooks) => {
        inputs.forEach((i) => this.note(i));
        const rs = await b(inputs, { ...options, ...this.extra }, hooks);
        rs.forEach((r) => this.count(r));
        return rs;
      };
    }
  }

  private note(input: string): void {
    if (!MAP_MARK.test(input) || this.seen.has(input)) return;
    this.seen.add(input);
    this.mapPrompts.push(input);
  }

  private count(r: GenerationResult): void {
    this.passes++;
    this.tokens += r.timings.newTokens;
    this.maxBatchRows = Math.max(this.maxBatchRows, r.timings.batchRows ?? 1);
    this.prefixTokensReused += r.timings.prefixTokensReused ?? 0;
    this.prefixTokensShared = Math.max(this.prefixTokensShared, r.timings.prefixTokensShared ?? 0);
    this.drafted += r.timings.draftedTokens ?? 0;
    this.accepted += r.timings.acceptedTokens ?? 0;
  }

  async generate(input: string, options: GenerationOptions, hooks?: GenerateHooks): Promise<GenerationResult> {
    this.note(input);
    const r = await this.inner.generate(input, { ...options, ...this.extra }, hooks);
    this.count(r);
    return r;
  }

}

export interface WholeOptions {
  styles?: SummaryStyle[];
  length?: SummaryLength;
  /** Options added to every pass (e.g. prompt_lookup_num_tokens for ours). */
  extra?: GenerationOptions;
  /** false: ours one pass at a time (the engine's batching off), for lever measurements. */
  batch?: boolean;
  /** true: later styles reuse the paper's map and reduce passes, as the app does (ours only). */
  reusePasses?: boolean;
  log?: (m: string) => void;
}

/** Summarizes `paper` in every style on `gen`; fills the timing and counting fields of a run. */
export async function summarizeWhole(gen: TextGenerator, paper: Paper, o: WholeOptions = {}) {
  const counted = new CountingGenerator(gen, o.extra, o.batch ?? true);
  const passCache = o.reusePasses ? new PassCache() : undefined;
  const summaries: Record<string, string> = {};
  const styleMs: Record<string, number> = {};
  const t0 = performance.now();
  for (const style of o.styles ?? WHOLE_STYLES) {
    const ts = performance.now();
    const out = await summarizePaper(paper, { style, length: o.length ?? WHOLE_LENGTH }, { generator: counted, mapReduce: { passCache } });
    summaries[style] = out.text;
    styleMs[style] = performance.now() - ts;
    o.log?.(`${style}: ${(styleMs[style] / 1000).toFixed(1)} s, ${counted.passes} passes so far${passCache ? `, ${passCache.hits} reused` : ''}`);
  }
  const wallMs = performance.now() - t0;
  return {
    wallMs,
    tokens: counted.tokens,
    tokensPerSecond: wallMs > 0 ? (counted.tokens * 1000) / wallMs : 0,
    passes: counted.passes,
    mapPromptsHash: fnv1a(counted.mapPrompts.join('\u0000')).toString(16).padStart(8, '0'),
    mapPasses: counted.mapPrompts.length,
    summaries,
    styleMs,
    passesReused: passCache?.hits ?? 0,
    maxBatchRows: counted.maxBatchRows,
    prefixTokensReused: counted.prefixTokensReused,
    prefixTokensShared: counted.prefixTokensShared,
    draftedTokens: counted.drafted,
    acceptedTokens: counted.accepted,
  };
}
