// Contracts shared by the engine, the pipeline and the worker. Kept free of DOM and
// onnxruntime imports so every layer (and Node tests) can depend on them.

/** Progress of one file read (download or disk). `total` is unknown when the server sends no length. */
export interface FileProgress {
  path: string;
  loaded: number;
  total?: number;
  /** True when the bytes came from the local model cache rather than the network. */
  cached?: boolean;
}

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (p: FileProgress) => void;
}

/**
 * One model folder, wherever it lives (same-origin `models/<id>/`, a hub URL, files the user
 * picked, a directory in Node tests). Paths are relative to the folder root, e.g.
 * `config.json` or `onnx/encoder_model_quantized.onnx`.
 */
export interface FileSource {
  /** Shown to users and put into error messages, e.g. `models/tiny-bart` or a URL. */
  readonly id: string;
  /** Resolves with the whole file; rejects with a ModelFileError naming the path when missing/broken. */
  read(path: string, opts?: ReadOptions): Promise<Uint8Array>;
  /** True when the file exists; used to discover the layout and the dtypes present. */
  has(path: string): Promise<boolean>;
}

/** Error that always names the file (and the source) it is about. */
export class ModelFileError extends Error {
  constructor(
    readonly sourceId: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${sourceId}/${path}: ${problem}`);
    this.name = 'ModelFileError';
  }
}

export type Backend = 'webgpu' | 'wasm';
export type BackendChoice = Backend | 'auto';
/** dtype suffixes of transformers.js / Optimum exports: fp32 has none, q8 is `_quantized`. */
export type Dtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4' | 'q4f16' | 'bnb4';

/** One dtype, or one per backend (measured defaults differ: no float16 on WASM, no q8 on WebGPU). */
export type DtypeRequest = Dtype | Partial<Record<Backend, Dtype>>;

/** Decoding options, named as in Hugging Face `generation_config.json` so its defaults drop in. */
export interface GenerationOptions {
  max_length?: number;
  max_new_tokens?: number;
  min_length?: number;
  min_new_tokens?: number;
  do_sample?: boolean;
  num_beams?: number;
  length_penalty?: number;
  early_stopping?: boolean | 'never';
  num_return_sequences?: number;
  temperature?: number;
  top_k?: number;
  top_p?: number;
  seed?: number;
  repetition_penalty?: number;
  no_repeat_ngram_size?: number;
  /** Token-id sequences that must never be produced. */
  bad_words_ids?: number[][];
  /** Plain-text form of bad words, tokenized by the engine. */
  bad_words?: string[];
  /**
   * Prompt-lookup decoding (greedy only): up to this many draft tokens copied from the input are
   * checked in one decoder run; the output is the same as plain greedy. 0 turns it off.
   */
  prompt_lookup_num_tokens?: number;
  /**
   * Greedy only: also compute each sequence's score (sum of log-probabilities), which costs a
   * full-vocabulary log-sum-exp per token. Beam search and sampling always report scores.
   */
  output_scores?: boolean;
}

/** One decoding step's output for the best (or only) hypothesis. */
export interface TokenEvent {
  /** New token ids appended in this step. */
  ids: number[];
  /** Text newly complete after this step; never a partial UTF-8 character. May be ''. */
  text: string;
  /** 1-based count of generated tokens so far. */
  step: number;
}

export interface GenerationTimings {
  /** Encoder (seq2seq) or prefill (decoder-only) time. */
  encodeMs: number;
  /** From the call to the first generated token. */
  firstTokenMs: number;
  totalMs: number;
  newTokens: number;
  /** Decode rate after the first token. */
  tokensPerSecond: number;
  /** Decoding-loop steps (step()/stepAll() calls, the first included); a long prompt fed in pieces or a fallback rebuild makes more session runs. */
  decoderRuns?: number;
  /** Prompt-lookup decoding: draft tokens proposed and checked. */
  draftedTokens?: number;
  /** Prompt-lookup decoding: draft tokens the model agreed with (each saved a decoder run). */
  acceptedTokens?: number;
  /** Constrained decoding (jsonSchema): time spent computing and applying token masks, all steps together. */
  constraintMs?: number;
  /** generateBatch: rows decoded together with this one (1 or absent: alone). */
  batchRows?: number;
  /** generateBatch: prompt tokens whose KV came from a kept shared prefix instead of a run. */
  prefixTokensReused?: number;
  /** generateBatch: prompt tokens the batch's rows share, computed once and copied into each row. */
  prefixTokensShared?: number;
}

export interface GeneratedSequence {
  ids: number[];
  text: string;
  /** Beam score or sum of log-probs; greedy reports it only with `output_scores`. */
  score?: number;
}

export interface GenerationResult {
  ids: number[];
  text: string;
  /** All returned sequences (num_return_sequences), best first. */
  sequences: GeneratedSequence[];
  stopReason: 'eos' | 'length' | 'aborted';
  timings: GenerationTimings;
  backend: Backend;
  /** Set when WebGPU failed mid-run and the engine continued on WASM. */
  fellBack?: { from: Backend; reason: string };
  /**
   * Set when the input exceeded maxInputTokens and was cut to fit (the pipeline chunks before
   * calling, so this is a safety net, not a way to summarize long text).
   */
  truncated?: { inputTokens: number; keptTokens: number };
}

/**
 * The JSON Schema subset constrained decoding understands: objects with known properties,
 * arrays (min/maxItems), strings (maxLength, enum), numbers, integers, booleans, null, and
 * `anyOf` / a list of types for nullable fields.
 */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null' | ('string' | 'number' | 'integer' | 'boolean' | 'null')[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  enum?: (string | number | boolean | null)[];
  anyOf?: JsonSchema[];
  description?: string;
}

export interface GenerateHooks {
  signal?: AbortSignal;
  onToken?: (ev: TokenEvent) => void;
  /**
   * Constrained decoding: at every step only tokens that keep the output a valid prefix of a
   * document matching this schema may be chosen, and a run cut short by max tokens is closed,
   * so `text` always parses and validates. Greedy and sampling only.
   */
  jsonSchema?: JsonSchema;
}

/** generateBatch hooks: no per-token streaming, a result per input as soon as it is final. */
export interface BatchHooks {
  signal?: AbortSignal;
  onResult?: (index: number, result: GenerationResult) => void;
  /** false: decode one by one even where batching is possible (benchmarks, comparisons). */
  batch?: boolean;
}

/** A sentence-embedding model (e.g. all-MiniLM-L6-v2): mean-pooled, L2-normalised vectors. */
export interface TextEmbedder {
  readonly backend: Backend;
  readonly dimensions: number;
  /** Longest input in tokens; longer texts are truncated. */
  readonly maxInputTokens: number;
  embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

export type ModelKind = 'seq2seq' | 'causal';

/** What the pipeline and worker need from a loaded model; the engine's model classes implement it. */
export interface TextGenerator {
  readonly kind: ModelKind;
  readonly backend: Backend;
  /** Maximum number of input tokens the model accepts (encoder input or prompt budget). */
  readonly maxInputTokens: number;
  countTokens(text: string): number;
  /** Defaults read from generation_config.json. */
  readonly defaults: GenerationOptions;
  generate(input: string, options: GenerationOptions, hooks?: GenerateHooks): Promise<GenerationResult>;
  /**
   * Optional: several independent inputs, same options, results in input order. Engines batch
   * them where they can (same tokens as one by one); callers fall back to generate() without it.
   */
  generateBatch?(inputs: string[], options: GenerationOptions, hooks?: BatchHooks): Promise<GenerationResult[]>;
  dispose(): Promise<void>;
}
