// The typed message protocol between the UI thread and the PaperLens worker. Both sides import
// this file, so it must stay free of DOM, React and onnxruntime imports.
import type { Backend, BackendChoice, DtypeRequest, GenerationOptions, GenerationTimings } from '../engine/types';
import type { During } from './plainErrors';
import type { Paper, ProgressStep, SummaryLength, SummaryStyle } from '../pipeline/types';
import type { Answer, Turn } from '../pipeline/ask/types';
import type { PaperFacts } from '../pipeline/facts/types';

/** Where the worker should read a model folder from. */
export type ModelLocation =
  /** Same-origin folder `models/<path>/` (fixtures, models fetched with `npm run fetch-model`). */
  | { kind: 'same-origin'; path: string }
  /** A hub repository URL (downloaded with progress and cached). */
  | { kind: 'url'; url: string }
  /** Files the user picked; paths relative to the model folder root. */
  | { kind: 'files'; files: { path: string; file: File }[] };

export interface LoadModelRequest {
  type: 'load-model';
  id: number;
  /** Catalogue id or the `?model=` folder; shown to users and put in exports. */
  modelId: string;
  location: ModelLocation;
  backend: BackendChoice;
  /** Weights variant to load, or one per backend (the catalogue's choice); default: the best present for the backend. */
  dtype?: DtypeRequest;
  /** Test hook: make the WebGPU run fail at this decoding step so the WASM fallback is exercised. */
  failWebgpuAtStep?: number;
  /** Caps a decoder-only model's context (`?context=N`): smaller chunks, so map-reduce runs on short papers too. */
  contextTokens?: number;
}

export interface UnloadModelRequest {
  type: 'unload-model';
  id: number;
}

export interface IngestRequest {
  type: 'ingest';
  id: number;
  /** File bytes are transferred (not copied); text is sent as is. */
  input:
    | { kind: 'file'; name: string; bytes: ArrayBuffer }
    | { kind: 'text'; text: string; name?: string }
    /** A dropped folder or several files: one paper (a LaTeX project is read from its main file). */
    | { kind: 'files'; name: string; files: { path: string; bytes: ArrayBuffer }[] };
}

export interface SummarizeRequest {
  type: 'summarize';
  id: number;
  paper: Paper;
  style: SummaryStyle;
  length: SummaryLength;
  sectionIndexes: number[];
  /** Only used when a model is loaded; the extractive summarizer ignores it. */
  generation: GenerationOptions;
  /** Instruction models: the summary's language when it should differ from the paper's. */
  outputLanguage?: 'en' | 'zh';
  /** Force the extractive summarizer even when a model is loaded. */
  extractive?: boolean;
  /** How long streamed text is batched before it is posted (default 32 ms; 0: every token). */
  deltaIntervalMs?: number;
}

/** A question about the paper; answered from its passages, by the loaded instruction model if any. */
export interface AskRequest {
  type: 'ask';
  id: number;
  paper: Paper;
  question: string;
  /** The conversation so far (oldest first): follow-ups are read with it. */
  history: Turn[];
  /** Decoding settings for the answer (the model's catalogue defaults). */
  generation: GenerationOptions;
  /** Quote passages even when a model is loaded. */
  extractive?: boolean;
  /** A sentence-embedding folder for hybrid retrieval (loaded once, then kept); absent: BM25 only. */
  embedder?: ModelLocation;
  deltaIntervalMs?: number;
}

/** The facts card: rules always; with `useModel` and an instruction model, also JSON under a schema. */
export interface ExtractRequest {
  type: 'extract';
  id: number;
  paper: Paper;
  useModel: boolean;
  generation?: GenerationOptions;
}

/** Cancels the request with this id (a model download, a summary, an answer, an extraction). Partial output is kept. */
export interface CancelRequest {
  type: 'cancel';
  id: number;
  target: number;
}

export type WorkerRequest = LoadModelRequest | UnloadModelRequest | IngestRequest | SummarizeRequest | AskRequest | ExtractRequest | CancelRequest;

export interface RuntimeStatus {
  /** Backend of the loaded model; null when no model is loaded (extractive only). */
  backend: Backend | null;
  /** WASM threads ORT was configured with. */
  threads: number;
  crossOriginIsolated: boolean;
  webgpuAvailable: boolean;
  /** Whether the WebGPU adapter has shader-f16 (needed by fp16/q4f16 on WebGPU); null: not known. */
  webgpuShaderF16?: boolean | null;
  modelId: string | null;
  /** Weights variant in use (fp32, q8, ...) when the model says. */
  dtype: string | null;
  /** Set once a WebGPU run failed mid-summary and the model moved to WASM (sticky until unload). */
  fellBack: { from: Backend; reason: string } | null;
  /** Why the model was loaded on WASM although WebGPU was allowed (no adapter, unsupported graph). */
  webgpuSkipped: string | null;
  /** Input budget of the loaded model in tokens. */
  maxInputTokens: number | null;
  /** seq2seq or causal (decoder-only); prompt-lookup drafts are offered for causal models only. */
  modelKind: 'seq2seq' | 'causal' | null;
  /** Defaults from the model's generation_config.json. */
  modelDefaults: GenerationOptions | null;
}

export interface FileDownloadProgress {
  path: string;
  loaded: number;
  total?: number;
}

export type LoadStage = 'download' | 'session' | 'ready';

export interface SummaryStats {
  timings: GenerationTimings | null;
  /** Wall time of the whole summary, including map-reduce and extraction. */
  totalMs: number;
  /** First visible text after the request (ms). */
  firstDeltaMs: number | null;
}

export type WorkerEvent =
  | { type: 'status'; status: RuntimeStatus }
  | { type: 'load-progress'; id: number; stage: LoadStage; files: FileDownloadProgress[]; loaded: number; total: number | null }
  | { type: 'loaded'; id: number; status: RuntimeStatus }
  | { type: 'ingested'; id: number; paper: Paper }
  | { type: 'summary-progress'; id: number; stage: 'extract' | 'map' | 'reduce' | 'final'; done: number; total: number; label: string; step?: ProgressStep; n?: number }
  /** Text appended to the visible summary; several tokens are batched into one delta. */
  | { type: 'summary-delta'; id: number; text: string; tokens: number }
  /** The visible summary restarts (e.g. map-reduce moving to the final pass). */
  | { type: 'summary-reset'; id: number }
  | {
      type: 'summary-done';
      id: number;
      text: string;
      kind: 'extractive' | 'abstractive';
      partial: boolean;
      backend: Backend | null;
      fellBack: { from: Backend; reason: string } | null;
      stats: SummaryStats;
    }
  | { type: 'ask-progress'; id: number; step: 'index' | 'retrieve' | 'write'; done: number; total: number }
  | { type: 'ask-delta'; id: number; text: string }
  | { type: 'ask-done'; id: number; answer: Answer; backend: Backend | null; totalMs: number }
  | { type: 'extract-progress'; id: number; step: 'rules' | 'model'; done: number; total: number }
  | { type: 'facts-done'; id: number; facts: PaperFacts; partial: boolean; totalMs: number }
  /** A request failed; `message` is in plain words, `detail` holds the technical error. */
  | { type: 'error'; id: number; request: WorkerRequest['type']; message: string; detail?: string; key?: string; params?: Record<string, string>; during?: During }
  | { type: 'cancelled'; id: number };

/** Every request gets exactly one of these final events. */
export function isFinalEvent(ev: WorkerEvent): boolean {
  return (
    ev.type === 'loaded' ||
    ev.type === 'ingested' ||
    ev.type === 'summary-done' ||
    ev.type === 'ask-done' ||
    ev.type === 'facts-done' ||
    ev.type === 'error' ||
    ev.type === 'cancelled'
  );
}
