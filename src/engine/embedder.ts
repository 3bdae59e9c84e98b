// loadEmbedder: a sentence-embedding model folder (a sentence-transformers model in the
// transformers.js layout, e.g. all-MiniLM-L6-v2) -> a TextEmbedder. The graph gives one hidden state
// per token; pooling (mean over the attention mask, or [CLS]) and L2 normalisation happen here, as
// sentence-transformers and transformers.js do them.
import { defaultGpu, planBackend, type GpuLike } from './backend';
import { parseEncoderSpec, realMaxLength, type EncoderSpec } from './config';
import { validateEncoder } from './graph';
import { listDtypes, readJson, readOptionalJson, resolveLayout, type EncoderLayout } from './modelFolder';
import type { OrtModule, OrtTensor } from './ort';
import { Runtime, describe, type FaultInjection, type ModelSession, type RuntimeOptions } from './session';
import { halfToFloat, int64Fill, int64Tensor } from './tensors';
import { TextTokenizer } from './tokenizer';
import { ModelFileError, type Backend, type BackendChoice, type Dtype, type DtypeRequest, type FileProgress, type FileSource, type TextEmbedder } from './types';

export interface EmbedderOptions {
  /** `onnxruntime-web/webgpu` in the worker, `onnxruntime-web` in Node. */
  ort: OrtModule;
  /** 'auto' (default): WebGPU when an adapter exists, else WASM. */
  backend?: BackendChoice;
  /** Which ONNX variant (or one per backend); default: the best present for the backend (q8 on WASM). */
  dtype?: DtypeRequest;
  signal?: AbortSignal;
  onProgress?: (p: FileProgress) => void;
  /** `navigator.gpu` by default; pass one explicitly from a worker or a test (null: none). */
  gpu?: GpuLike | null;
  /** Texts per session run (padded to the longest of them); default 16. */
  batchSize?: number;
  /** Caps the input below the model's own limit (max_seq_length). */
  maxInputTokens?: number;
  /** Per-backend ORT execution providers (tests map 'webgpu' onto wasm in Node). */
  executionProviders?: RuntimeOptions['executionProviders'];
  /** Makes one session.run() fail, to exercise the WebGPU -> WASM fallback (tests). */
  fault?: FaultInjection;
}

export type Pooling = 'mean' | 'cls';

/** What loadEmbedder returns: a TextEmbedder plus what the UI and tests may want to know. */
export interface LoadedEmbedder extends TextEmbedder {
  readonly dtype: Dtype;
  /** Why the backend/dtype differ from what was asked, and any fallback since. */
  readonly notes: readonly string[];
  readonly sourceId: string;
  readonly pooling: Pooling;
  /** The token ids the model reads for `text`: special tokens added, cut to maxInputTokens. */
  tokenize(text: string): number[];
}

/** Without a limit in the folder, BERT's classic 512 positions. */
const DEFAULT_INPUT_LIMIT = 512;
const DEFAULT_BATCH = 16;

export async function loadEmbedder(source: FileSource, opts: EmbedderOptions): Promise<LoadedEmbedder> {
  const read = { signal: opts.signal, onProgress: opts.onProgress };
  const [config, tokenizerJson, tokenizerConfig, pooling, stConfig] = await Promise.all([
    readJson(source, 'config.json', read),
    readJson(source, 'tokenizer.json', read),
    readJson(source, 'tokenizer_config.json', read),
    readOptionalJson(source, '1_Pooling/config.json', read),
    readOptionalJson(source, 'sentence_bert_config.json', read),
  ]);
  const spec = parseEncoderSpec(source.id, config);
  const tokenizer = new TextTokenizer(source.id, tokenizerJson, tokenizerConfig);
  const mode = poolingMode(source.id, pooling, spec);
  const stLimit = typeof stConfig?.max_seq_length === 'number' && stConfig.max_seq_length > 0 ? stConfig.max_seq_length : undefined;
  const modelLimit = Math.min(stLimit ?? Infinity, realMaxLength(tokenizerConfig, spec.maxPositions) ?? DEFAULT_INPUT_LIMIT);
  const maxInputTokens = Math.max(2, Math.min(modelLimit, opts.maxInputTokens ?? Infinity));
  const padId = tokenizer.tokenId(tokenizer.specialToken('pad_token') ?? '') ?? (typeof config.pad_token_id === 'number' ? config.pad_token_id : 0);

  const available = await listDtypes(source, 'encoder');
  if (!available.length) await resolveLayout(source, 'encoder', typeof opts.dtype === 'string' ? opts.dtype : 'fp32'); // throws, naming the file
  const gpu = opts.gpu === null ? undefined : (opts.gpu ?? defaultGpu());
  const plan = await planBackend(opts.backend ?? 'auto', opts.dtype, available, gpu);
  const notes = [...plan.notes];
  const layout = await resolveLayout(source, 'encoder', plan.dtype);
  const open = (backend: Backend) =>
    openEncoder(
      new Runtime({ ort: opts.ort, backend, source, executionProviders: opts.executionProviders, fault: opts.fault, onProgress: opts.onProgress, signal: opts.signal }),
      layout,
      spec,
    );
  let session: ModelSession;
  let backend = plan.backend;
  try {
    session = await open(backend);
  } catch (e) {
    if (backend !== 'webgpu' || opts.signal?.aborted) throw e;
    // ORT can refuse a graph on WebGPU (unsupported op or dtype) that WASM runs fine.
    session = await open((backend = 'wasm'));
    notes.push(`WebGPU could not load the embedding model (${describe(e)}); using WASM.`);
  }

  return new Embedder({
    ort: opts.ort,
    tokenizer,
    spec,
    pooling: mode,
    maxInputTokens,
    padId,
    batchSize: Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_BATCH)),
    dtype: plan.dtype,
    notes,
    sourceId: source.id,
    session,
    backend,
    reopen: () => open('wasm'),
  });
}

async function openEncoder(runtime: Runtime, layout: EncoderLayout, spec: EncoderSpec): Promise<ModelSession> {
  const s = await runtime.create(layout.model);
  try {
    validateEncoder(runtime.opts.source.id, s, spec);
  } catch (e) {
    await s.dispose().catch(() => undefined);
    throw e;
  }
  return s;
}

/** sentence-transformers' 1_Pooling/config.json; a folder without one is pooled by the mean. */
function poolingMode(sourceId: string, cfg: Record<string, unknown> | undefined, spec: EncoderSpec): Pooling {
  if (!cfg) return 'mean';
  const dim = cfg.word_embedding_dimension;
  if (typeof dim === 'number' && dim !== spec.hiddenSize) {
    throw new ModelFileError(sourceId, '1_Pooling/config.json', `word_embedding_dimension ${dim} differs from config.json hidden_size ${spec.hiddenSize}`);
  }
  const on = Object.entries(cfg).filter(([k, v]) => k.startsWith('pooling_mode_') && v === true).map(([k]) => k.slice('pooling_mode_'.length));
  if (on.length === 1 && on[0] === 'mean_tokens') return 'mean';
  if (on.length === 1 && on[0] === 'cls_token') return 'cls';
  throw new ModelFileError(sourceId, '1_Pooling/config.json', `unsupported pooling (${on.join(' + ') || 'none'}): only mean_tokens or cls_token`);
}

interface EmbedderParts {
  ort: OrtModule;
  tokenizer: TextTokenizer;
  spec: EncoderSpec;
  pooling: Pooling;
  maxInputTokens: number;
  padId: number;
  batchSize: number;
  dtype: Dtype;
  notes: string[];
  sourceId: string;
  session: ModelSession;
  backend: Backend;
  /** The same graph on WASM, after WebGPU failed a run. */
  reopen: () => Promise<ModelSession>;
}

class Embedder implements LoadedEmbedder {
  readonly dimensions: number;
  readonly maxInputTokens: number;
  readonly dtype: Dtype;
  readonly notes: string[];
  readonly sourceId: string;
  readonly pooling: Pooling;
  private session: ModelSession;
  private current: Backend;
  private disposed = false;

  constructor(private readonly p: EmbedderParts) {
    this.dimensions = p.spec.hiddenSize;
    this.maxInputTokens = p.maxInputTokens;
    this.dtype = p.dtype;
    this.notes = p.notes;
    this.sourceId = p.sourceId;
    this.pooling = p.pooling;
    this.session = p.session;
    this.current = p.backend;
  }

  get backend(): Backend {
    return this.current;
  }

  tokenize(text: string): number[] {
    return this.p.tokenizer.encodeWithin(text, this.maxInputTokens);
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    if (this.disposed) throw new Error(`${this.sourceId}: the embedding model was disposed`);
    const ids = texts.map((t) => this.tokenize(t));
    // Texts of similar length share a batch, so little of each run is padding.
    const order = ids.map((_, i) => i).sort((a, b) => ids[a].length - ids[b].length);
    const out = new Array<Float32Array>(texts.length);
    for (let start = 0; start < order.length; start += this.p.batchSize) {
      signal?.throwIfAborted();
      const rows = order.slice(start, start + this.p.batchSize);
      const vectors = await this.runBatch(rows.map((r) => ids[r]), signal);
      rows.forEach((r, i) => (out[r] = vectors[i]));
    }
    return out;
  }

  private async runBatch(rows: number[][], signal?: AbortSignal): Promise<Float32Array[]> {
    const { ort } = this.p;
    const n = rows.length;
    const len = Math.max(...rows.map((r) => r.length));
    const idData = new Array<number>(n * len).fill(this.p.padId);
    const maskData = new Array<number>(n * len).fill(0);
    rows.forEach((r, i) => {
      for (let j = 0; j < r.length; j++) {
        idData[i * len + j] = r[j];
        maskData[i * len + j] = 1;
      }
    });
    const feeds = {
      input_ids: int64Tensor(ort, idData, [n, len]),
      attention_mask: int64Tensor(ort, maskData, [n, len]),
      token_type_ids: int64Fill(ort, 0, [n, len]),
    };
    let out: Record<string, OrtTensor>;
    try {
      out = await this.session.run(feeds, ['last_hidden_state']);
    } catch (e) {
      if (this.current !== 'webgpu' || signal?.aborted) throw e;
      // Move to WASM for good and answer this batch there, as the generator does mid-run.
      const wasm = await this.p.reopen();
      const old = this.session;
      this.session = wasm;
      this.current = 'wasm';
      this.notes.push(`Switched the embedding model to WASM after a WebGPU failure: ${describe(e)}`);
      await old.dispose().catch(() => undefined);
      out = await this.session.run(feeds, ['last_hidden_state']);
    }
    const hidden = out.last_hidden_state;
    try {
      return pool(await hidden.getData(), hidden.type, maskData, n, len, this.dimensions, this.pooling);
    } finally {
      if (hidden.location === 'gpu-buffer') hidden.dispose();
    }
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.session.dispose();
  }
}

/**
 * One L2-normalised vector per row of a [rows, len, dim] hidden state: the mean over the
 * positions the mask keeps (sentence-transformers' mean pooling) or the first position ([CLS]).
 */
export function pool(data: unknown, type: string, mask: readonly number[], rows: number, len: number, dim: number, mode: Pooling): Float32Array[] {
  const value = floatReader(data, type);
  const out: Float32Array[] = [];
  for (let r = 0; r < rows; r++) {
    const v = new Float32Array(dim);
    // Sums in float64: 256 positions of float32 lose digits the parity test would notice.
    const acc = new Float64Array(dim);
    let count = 0;
    for (let p = 0; p < (mode === 'cls' ? 1 : len); p++) {
      if (!mask[r * len + p]) continue;
      count++;
      const base = (r * len + p) * dim;
      for (let d = 0; d < dim; d++) acc[d] += value(base + d);
    }
    let norm = 0;
    for (let d = 0; d < dim; d++) {
      acc[d] /= Math.max(count, 1);
      norm += acc[d] * acc[d];
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dim; d++) v[d] = acc[d] / norm;
    out.push(v);
  }
  return out;
}

function floatReader(data: unknown, type: string): (i: number) => number {
  if (type === 'float32' && data instanceof Float32Array) return (i) => data[i];
  if (type === 'float16' && data instanceof Uint16Array) return (i) => halfToFloat(data[i]);
  // A runtime with native Float16Array hands those out for float16.
  if (ArrayBuffer.isView(data) && !(data instanceof DataView)) {
    const a = data as unknown as ArrayLike<number>;
    return (i) => Number(a[i]);
  }
  throw new Error(`last_hidden_state: unexpected ${type} data`);
}

/** Cosine similarity of two vectors (the dot product when both are L2-normalised, as the embedder's are). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
