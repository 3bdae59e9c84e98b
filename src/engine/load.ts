// loadModel: a model folder (any FileSource) -> a TextGenerator on the best available backend.
import { Backbone } from './backbone';
import { defaultGpu, planBackend, type GpuLike } from './backend';
import { ChatTemplate } from './chat';
import { parseDefaults, parseModelSpec, parseSpecialIds, realMaxLength, type ModelSpec } from './config';
import type { FallbackHost } from './fallback';
import type { Decode, SpecialTokens } from './generation/contract';
import { decode as defaultDecode } from './generation/decode';
import { Generator } from './generator';
import { listDtypes, readJson, readOptionalJson, resolveLayout } from './modelFolder';
import type { OrtModule } from './ort';
import { Runtime, describe, type FaultInjection, type RuntimeOptions } from './session';
import { TextTokenizer } from './tokenizer';
import type { Backend, BackendChoice, Dtype, DtypeRequest, FileProgress, FileSource, TextGenerator } from './types';

export interface LoadOptions {
  /** `onnxruntime-web/webgpu` in the worker, `onnxruntime-web` in Node. */
  ort: OrtModule;
  /** 'auto' (default): WebGPU when an adapter exists, else WASM. */
  backend?: BackendChoice;
  /** Which ONNX variant to load (or one per backend); default: the best present for the backend. */
  dtype?: DtypeRequest;
  onProgress?: (p: FileProgress) => void;
  signal?: AbortSignal;
  /** `navigator.gpu` by default; pass one explicitly from a worker or a test (null: none). */
  gpu?: GpuLike | null;
  /** Optional system message for chat-templated decoder-only models. */
  systemPrompt?: string;
  /** Overrides the seq2seq input prefix from config.json (T5's "summarize: "); '' disables it. */
  inputPrefix?: string;
  /** Caps the decoder-only context below max_position_embeddings (memory on small devices). */
  contextTokens?: number;
  /** Tokens of the decoder-only context kept free for the answer (default: max_new_tokens or 512). */
  answerTokens?: number;
  /** Per-backend ORT execution providers (tests map 'webgpu' onto wasm in Node). */
  executionProviders?: RuntimeOptions['executionProviders'];
  /** Makes one session.run() fail, to exercise the WebGPU -> WASM fallback (tests and e2e). */
  fault?: FaultInjection;
  /** The decoding algorithms; the engine's own by default. */
  decode?: Decode;
}

/** What loadModel returns: a TextGenerator plus what the UI may want to show. */
export interface LoadedModel extends TextGenerator {
  readonly dtype: Dtype;
  /** Why the backend/dtype differ from what was asked, and any fallback since. */
  readonly notes: readonly string[];
  readonly sourceId: string;
  /** The exact text the model receives for `input` (prefix or chat template applied). */
  promptText(input: string): string;
}

/** Without a real limit in the folder, seq2seq inputs are capped at the classic 512. */
const DEFAULT_INPUT_LIMIT = 512;
const DEFAULT_CONTEXT = 2048;
const DEFAULT_ANSWER_ROOM = 512;
/**
 * Decoder-only context used unless the caller asks for another: models declare 32k-128k positions,
 * but a prefill's attention and KV cache grow with it (Qwen2.5-0.5B's cache alone is ~100 MB per
 * 4k tokens in fp32) and a CPU prefills a few hundred tokens a second, so a paper is read in
 * 8k-token chunks: still 8x a BART window, and map-reduce covers the rest.
 */
const DEFAULT_CONTEXT_CAP = 8192;

/**
 * Prompt-lookup drafts per verify by default for decoder-only models on WASM: on SmolLM2-135M's
 * map passes over two real papers, 8 drafts were accepted 42% of the time, cut decoder runs by
 * 45% and decode time by 24-40% with the same tokens (bench/lookup.ts). Off on WebGPU: unmeasured
 * there, and a rejected draft reads the KV cache back from the GPU.
 */
export const WASM_PROMPT_LOOKUP_TOKENS = 8;

export async function loadModel(source: FileSource, opts: LoadOptions): Promise<LoadedModel> {
  const read = { signal: opts.signal, onProgress: opts.onProgress };
  const [config, genConfig, tokenizerJson, tokenizerConfig] = await Promise.all([
    readJson(source, 'config.json', read),
    readOptionalJson(source, 'generation_config.json', read),
    readJson(source, 'tokenizer.json', read),
    readJson(source, 'tokenizer_config.json', read),
  ]);
  const spec = parseModelSpec(source.id, config, genConfig);
  if (spec.kind === 'seq2seq' && opts.inputPrefix !== undefined) spec.inputPrefix = opts.inputPrefix;
  const tokenizer = new TextTokenizer(source.id, tokenizerJson, tokenizerConfig);
  const template = spec.kind === 'causal' ? tokenizer.chatTemplate : undefined;
  const chat = template ? new ChatTemplate(source.id, template, tokenizer) : undefined;

  const available = await listDtypes(source, spec.kind);
  if (!available.length) await resolveLayout(source, spec.kind, typeof opts.dtype === 'string' ? opts.dtype : 'fp32'); // throws, naming the file
  const gpu = opts.gpu === null ? undefined : (opts.gpu ?? defaultGpu());
  const plan = await planBackend(opts.backend ?? 'auto', opts.dtype, available, gpu);
  const notes = [...plan.notes];
  const layout = await resolveLayout(source, spec.kind, plan.dtype);

  const runtimeFor = (backend: Backend) =>
    new Runtime({
      ort: opts.ort,
      backend,
      source,
      executionProviders: opts.executionProviders,
      fault: opts.fault,
      onProgress: opts.onProgress,
      signal: opts.signal,
    });
  let backbone: Backbone;
  try {
    backbone = await Backbone.create(runtimeFor(plan.backend), spec, layout, plan.dtype);
  } catch (e) {
    if (plan.backend !== 'webgpu' || opts.signal?.aborted) throw e;
    // ORT can refuse a graph on WebGPU (unsupported op or dtype) that WASM runs fine.
    backbone = await Backbone.create(runtimeFor('wasm'), spec, layout, plan.dtype);
    notes.push(`WebGPU could not load the model (${describe(e)}); using WASM.`);
  }
  const host = new BackboneHost(
    backbone,
    // The planned dtype's layout is known; only a safer dtype needs its files looked up.
    async (backend, dtype) => Backbone.create(runtimeFor(backend), spec, dtype === plan.dtype ? layout : await resolveLayout(source, spec.kind, dtype), dtype),
    available,
    notes,
  );

  const defaults = parseDefaults(config, genConfig, spec.kind);
  // Prompt lookup where it measured faster (bench/lookup.ts, bench/NOTES.md): decoder-only on WASM.
  if (spec.kind === 'causal' && backbone.runtime.backend === 'wasm' && defaults.prompt_lookup_num_tokens === undefined) {
    defaults.prompt_lookup_num_tokens = WASM_PROMPT_LOOKUP_TOKENS;
  }
  const ids = parseSpecialIds(config, genConfig);
  const eos = ids.eosTokenIds.length ? ids.eosTokenIds : tokenIds(tokenizer, 'eos_token');
  const special: SpecialTokens = {
    eosTokenIds: eos,
    padTokenId: ids.padTokenId,
    forcedBosTokenId: spec.kind === 'seq2seq' ? ids.forcedBosTokenId : undefined,
    forcedEosTokenId: spec.kind === 'seq2seq' ? ids.forcedEosTokenId : undefined,
  };
  const limits = inputLimits(spec, tokenizerConfig, opts, defaults.max_new_tokens);
  const vocabSize = spec.vocabSize ?? tokenizer.vocabSize;
  spec.vocabSize = vocabSize;

  const generator = new Generator({
    spec,
    tokenizer,
    chat,
    systemPrompt: opts.systemPrompt,
    special,
    defaults,
    maxInputTokens: limits.maxInputTokens,
    contextTokens: limits.contextTokens,
    vocabSize,
    host,
    decode: opts.decode ?? defaultDecode,
  });
  // dtype follows the host: a NaN guard may have moved the model to safer weights.
  return Object.defineProperties(generator, {
    dtype: { get: () => host.current().dtype, enumerable: true },
    notes: { value: notes, enumerable: true },
    sourceId: { value: source.id, enumerable: true },
  }) as Generator & LoadedModel;
}

/**
 * Where to go when a dtype's weights give NaN/inf logits: float32 first, then the integer
 * variants whose activations stay float32 (q8 only on WASM: WebGPU has no MatMulInteger kernel).
 */
const SAFER: Record<Backend, Dtype[]> = { wasm: ['fp32', 'q8', 'q4'], webgpu: ['fp32', 'q4'] };

function tokenIds(tokenizer: TextTokenizer, name: string): number[] {
  const t = tokenizer.specialToken(name);
  const id = t === undefined ? undefined : tokenizer.tokenId(t);
  return id === undefined ? [] : [id];
}

function inputLimits(
  spec: ModelSpec,
  tokenizerConfig: Record<string, unknown>,
  opts: LoadOptions,
  maxNewTokens: number | undefined,
): { maxInputTokens: number; contextTokens?: number } {
  const real = realMaxLength(tokenizerConfig, spec.maxPositions);
  if (spec.kind === 'seq2seq') {
    return { maxInputTokens: real ?? DEFAULT_INPUT_LIMIT, contextTokens: spec.maxPositions };
  }
  const context = Math.min(real ?? DEFAULT_CONTEXT, opts.contextTokens ?? DEFAULT_CONTEXT_CAP);
  const answer = Math.min(opts.answerTokens ?? maxNewTokens ?? DEFAULT_ANSWER_ROOM, Math.floor(context / 2));
  return { maxInputTokens: context - answer, contextTokens: context };
}

/** Owns the current backbone: swaps in a WASM one when WebGPU fails, a safer dtype when one overflows. */
class BackboneHost implements FallbackHost {
  private pending?: Promise<Backbone>;
  private readonly failedDtypes = new Set<Dtype>();

  constructor(
    private bb: Backbone,
    private readonly make: (backend: Backend, dtype: Dtype) => Promise<Backbone>,
    private readonly available: readonly Dtype[],
    private readonly notes: string[],
  ) {}

  async saferDtype(reason: string): Promise<Backbone | undefined> {
    const old = this.bb;
    this.failedDtypes.add(old.dtype);
    const to = SAFER[old.runtime.backend].find((d) => this.available.includes(d) && !this.failedDtypes.has(d));
    if (!to) return undefined;
    this.bb = await this.make(old.runtime.backend, to);
    this.notes.push(`Switched to the ${to} weights: ${reason}.`);
    await old.dispose();
    return this.bb;
  }

  current(): Backbone {
    return this.bb;
  }

  fallBack(reason: string): Promise<Backbone> {
    if (this.bb.runtime.backend === 'wasm') return Promise.resolve(this.bb);
    this.pending ??= this.make('wasm', this.bb.dtype).then(async (wasm) => {
      const old = this.bb;
      this.bb = wasm;
      this.notes.push(`Switched to WASM after a WebGPU failure: ${reason}`);
      await old.dispose();
      return wasm;
    });
    return this.pending;
  }

  async dispose(): Promise<void> {
    await this.bb.dispose();
  }
}
