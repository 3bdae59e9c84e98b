// Result shapes of the speed benchmark, shared by the in-browser page (src/bench) and the Node
// runner (bench/). Plain data only, so a report is one JSON.stringify away.

/** Who produced a figure: our engine, transformers.js, or a reference loop. */
export type Side = 'ours' | 'peer';
export type BenchEnv = 'browser' | 'node';

/** One timed generate() call. */
export interface RunSample {
  /** Encoder (seq2seq) or prompt prefill (decoder-only) time. */
  encodeMs: number;
  /** From the generate() call to the first new token. */
  firstTokenMs: number;
  /** New tokens after the first, per second of wall time after the first. */
  tokensPerSecond: number;
  totalMs: number;
  newTokens: number;
  /** Time inside ORT session.run() during this call; totalMs minus this is the engine's own work. */
  sessionMs?: number;
  sessionRuns?: number;
  /** Ours: decoder runs and prompt-lookup drafts (see bench/NOTES.md, prompt-lookup decoding). */
  decoderRuns?: number;
  draftedTokens?: number;
  acceptedTokens?: number;
}

export interface MemoryFigures {
  /** Highest JS heap seen (performance.memory in Chromium, heapUsed in Node). */
  jsHeapPeakBytes?: number;
  /** Size of the WebAssembly memories ORT created (they only grow, so this is their peak). */
  wasmBytes?: number;
  /** Node only: highest resident set size (includes onnxruntime-node's native memory). */
  rssPeakBytes?: number;
}

/** Everything measured for one side on one model and backend. */
export interface SideResult {
  side: Side;
  env: BenchEnv;
  /** Model folder id, e.g. `bench/distilbart-cnn-6-6-random`. */
  model: string;
  /** Backend asked for; `actualBackend` is what ran (ours may fall back). */
  backend: 'wasm' | 'webgpu';
  actualBackend: string;
  /** e.g. `PaperLens engine on onnxruntime-web 1.30.0 (wasm, 2 threads)`. */
  runtime: string;
  loadMs: number;
  /** Prompt length in tokens as the model sees it. */
  inputTokens: number;
  /** Generated ids of the first timed run (greedy, so every run gives the same). */
  ids: number[];
  /** True when every timed run produced `ids`. */
  stable: boolean;
  warmup: RunSample;
  runs: RunSample[];
  median: Pick<RunSample, 'encodeMs' | 'firstTokenMs' | 'tokensPerSecond' | 'totalMs'>;
  /** Best of the timed runs (fastest encode and TTFT, highest tok/s): less sensitive to a busy machine. */
  best: Pick<RunSample, 'encodeMs' | 'firstTokenMs' | 'tokensPerSecond' | 'totalMs'>;
  memory: MemoryFigures;
  notes: string[];
}

/** The decoding settings both sides use: greedy and an exact token count. */
export interface BenchSettings {
  newTokens: number;
  runs: number;
  text: string;
  /** Our side's prompt_lookup_num_tokens, when not 0. */
  promptLookup?: number;
}

/** Ours against the peer on one model and backend. */
export interface Comparison {
  model: string;
  backend: 'wasm' | 'webgpu';
  env: BenchEnv;
  ours: SideResult;
  peer: SideResult;
  sameTokens: boolean;
  /** ours / peer decode tokens per second (> 1: ours is faster). */
  decodeRatio: number;
  /** ours / peer time to first token (< 1: ours is faster). */
  ttftRatio: number;
  /** ours / peer encoder or prefill time. */
  encodeRatio: number;
  /** The same three ratios over best-of-N figures. */
  bestRatios: { decode: number; ttft: number; encode: number };
  problems: string[];
}

export interface BenchReport {
  createdAt: string;
  machine: Record<string, string | number | boolean | undefined>;
  settings: BenchSettings;
  versions: Record<string, string>;
  comparisons: Comparison[];
  /** Jobs that produced no result at all (crash, timeout), one line each. */
  failures?: string[];
  /** Extra lines to print, e.g. "WebGPU here is SwiftShader: wiring only, not speed". */
  caveats: string[];
  /** Whole-paper comparisons (bench/wholeRun.ts). */
  whole?: unknown[];
}

/** What the page leaves on window.__bench for the Node runner (bench/browser.ts) to read. */
export interface BenchState {
  state: 'idle' | 'running' | 'done' | 'error';
  results: SideResult[];
  comparisons: Comparison[];
  error?: string;
  log: string[];
  /** Whole-paper mode (`?whole=1`): the side's run (src/bench/wholePage.ts). */
  whole?: unknown;
}

declare global {
  interface Window {
    __bench: BenchState;
  }
}
