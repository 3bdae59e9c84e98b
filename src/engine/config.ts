// Interprets config.json / generation_config.json / tokenizer_config.json. The model family comes
// from config.json (model_type, architectures, is_encoder_decoder), never from folder names.
import { detectFamily, modelRole } from './family';
import { ModelFileError, type GenerationOptions } from './types';

export { modelRole, type ModelRole } from './family';

type Json = Record<string, unknown>;

export type Seq2SeqFamily = 'bart' | 't5';

export interface Seq2SeqSpec {
  kind: 'seq2seq';
  family: Seq2SeqFamily;
  modelType: string;
  decoderLayers: number;
  /** Heads of decoder self- and cross-attention (the past_key_values shapes). */
  decoderHeads: number;
  headDim: number;
  vocabSize?: number;
  decoderStartTokenId: number;
  /** Prepended to every input, e.g. "summarize: " for T5 (task_specific_params.summarization.prefix). */
  inputPrefix: string;
  maxPositions?: number;
}

export interface CausalSpec {
  kind: 'causal';
  modelType: string;
  layers: number;
  kvHeads: number;
  headDim: number;
  vocabSize?: number;
  maxPositions?: number;
}

export type ModelSpec = Seq2SeqSpec | CausalSpec;

const CONFIG = 'config.json';

/** Beyond this, tokenizer_config's model_max_length is HF's "no limit" sentinel (int(1e30)). */
const MAX_REAL_LENGTH = 10_000_000;

function num(cfg: Json, ...keys: string[]): number | undefined {
  for (const k of keys) {
    const v = cfg[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}

function requireNum(sourceId: string, cfg: Json, what: string, ...keys: string[]): number {
  const v = num(cfg, ...keys);
  if (v === undefined || v <= 0 || !Number.isInteger(v)) {
    throw new ModelFileError(sourceId, CONFIG, `missing or invalid ${what} (${keys.join(' / ')})`);
  }
  return v;
}

export function parseModelSpec(sourceId: string, cfg: Json, genCfg: Json | undefined): ModelSpec {
  const modelType = String(cfg.model_type ?? 'unknown');
  if (modelRole(cfg) === 'embedder') {
    // Its num_hidden_layers would otherwise pass it for a decoder-only LM with a head it lacks.
    const arch = Array.isArray(cfg.architectures) ? ` (${cfg.architectures.join(', ')})` : '';
    throw new ModelFileError(sourceId, CONFIG, `"${modelType}"${arch} is an encoder-only model that embeds text and cannot write it: load it with loadEmbedder`);
  }
  const family = detectFamily(cfg);
  if (!family) {
    throw new ModelFileError(
      sourceId,
      CONFIG,
      `unsupported model: model_type "${modelType}" is neither BART-like, T5-like nor a decoder-only LM`,
    );
  }
  const vocabSize = num(cfg, 'vocab_size');
  if (family === 'causal') {
    const layers = requireNum(sourceId, cfg, 'layer count', 'num_hidden_layers', 'n_layer', 'num_layers');
    const heads = requireNum(sourceId, cfg, 'attention head count', 'num_attention_heads', 'n_head');
    const kvHeads = num(cfg, 'num_key_value_heads') ?? heads;
    const hidden = num(cfg, 'hidden_size', 'n_embd', 'd_model');
    const headDim = num(cfg, 'head_dim') ?? (hidden !== undefined ? hidden / heads : undefined);
    if (headDim === undefined || !Number.isInteger(headDim)) {
      throw new ModelFileError(sourceId, CONFIG, 'cannot derive head_dim (hidden_size / num_attention_heads)');
    }
    return {
      kind: 'causal',
      modelType,
      layers,
      kvHeads,
      headDim,
      vocabSize,
      maxPositions: num(cfg, 'max_position_embeddings', 'n_positions', 'seq_length'),
    };
  }
  const gen = { ...cfg, ...(genCfg ?? {}) };
  let decoderLayers: number;
  let decoderHeads: number;
  let headDim: number;
  if (family === 't5') {
    decoderLayers = num(cfg, 'num_decoder_layers') ?? requireNum(sourceId, cfg, 'layer count', 'num_layers');
    decoderHeads = requireNum(sourceId, cfg, 'attention head count', 'num_heads');
    headDim = requireNum(sourceId, cfg, 'head size', 'd_kv');
  } else {
    decoderLayers = requireNum(sourceId, cfg, 'decoder layer count', 'decoder_layers', 'num_hidden_layers');
    decoderHeads = requireNum(sourceId, cfg, 'decoder head count', 'decoder_attention_heads', 'num_attention_heads');
    const dModel = requireNum(sourceId, cfg, 'model width', 'd_model', 'hidden_size');
    headDim = dModel / decoderHeads;
    if (!Number.isInteger(headDim)) {
      throw new ModelFileError(sourceId, CONFIG, `d_model ${dModel} is not divisible by ${decoderHeads} heads`);
    }
  }
  // T5 starts decoding from the pad token; BART-likes name their start token.
  const start = num(gen, 'decoder_start_token_id') ?? (family === 't5' ? num(gen, 'pad_token_id') : undefined);
  if (start === undefined) {
    throw new ModelFileError(sourceId, CONFIG, 'missing decoder_start_token_id (and no pad_token_id to start from)');
  }
  const tsp = (cfg.task_specific_params as Json | undefined)?.summarization as Json | undefined;
  return {
    kind: 'seq2seq',
    family,
    modelType,
    decoderLayers,
    decoderHeads,
    headDim,
    vocabSize,
    decoderStartTokenId: start,
    inputPrefix: typeof tsp?.prefix === 'string' ? tsp.prefix : '',
    maxPositions: num(cfg, 'max_position_embeddings', 'n_positions'),
  };
}

/** An encoder-only model's shape, as the embedder needs it (config.json). */
export interface EncoderSpec {
  modelType: string;
  /** Width of last_hidden_state, the embedding's dimension. */
  hiddenSize: number;
  maxPositions?: number;
}

export function parseEncoderSpec(sourceId: string, cfg: Json): EncoderSpec {
  if (modelRole(cfg) === 'generator') {
    throw new ModelFileError(sourceId, CONFIG, `"${String(cfg.model_type ?? 'unknown')}" is a text generator, not a sentence-embedding encoder`);
  }
  return {
    modelType: String(cfg.model_type ?? 'unknown'),
    hiddenSize: requireNum(sourceId, cfg, 'hidden size', 'hidden_size', 'd_model', 'dim'),
    maxPositions: num(cfg, 'max_position_embeddings'),
  };
}

/** Token ids the loop needs; generation_config.json wins over config.json as in Hugging Face. */
export function parseSpecialIds(cfg: Json, genCfg: Json | undefined) {
  const gen = { ...cfg, ...(genCfg ?? {}) };
  const ids = (v: unknown): number[] =>
    typeof v === 'number' ? [v] : Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
  return {
    eosTokenIds: ids(gen.eos_token_id),
    padTokenId: num(gen, 'pad_token_id'),
    bosTokenId: num(gen, 'bos_token_id'),
    forcedBosTokenId: num(gen, 'forced_bos_token_id'),
    forcedEosTokenId: num(gen, 'forced_eos_token_id'),
  };
}

const OPTION_KEYS: (keyof GenerationOptions)[] = [
  'max_length', 'max_new_tokens', 'min_length', 'min_new_tokens', 'do_sample', 'num_beams', 'length_penalty',
  'early_stopping', 'num_return_sequences', 'temperature', 'top_k', 'top_p', 'repetition_penalty',
  'no_repeat_ngram_size', 'bad_words_ids', 'prompt_lookup_num_tokens',
];

function pickOptions(src: Json | undefined): GenerationOptions {
  const out: Record<string, unknown> = {};
  if (!src) return out;
  for (const k of OPTION_KEYS) if (src[k] !== undefined && src[k] !== null) out[k] = src[k];
  return out as GenerationOptions;
}

/**
 * Generation defaults: config.json's legacy generation keys, then the summarization task params
 * (what the Hugging Face summarization pipeline applies), then generation_config.json.
 */
export function parseDefaults(cfg: Json, genCfg: Json | undefined, kind: 'seq2seq' | 'causal'): GenerationOptions {
  const tsp = kind === 'seq2seq' ? ((cfg.task_specific_params as Json | undefined)?.summarization as Json) : undefined;
  return { ...pickOptions(cfg), ...pickOptions(tsp), ...pickOptions(genCfg) };
}

/** The real input limit: model_max_length unless it is the "unlimited" sentinel, capped by positions. */
export function realMaxLength(tokenizerConfig: Json, maxPositions: number | undefined): number | undefined {
  const mml = num(tokenizerConfig, 'model_max_length');
  const fromTok = mml !== undefined && mml > 0 && mml < MAX_REAL_LENGTH ? mml : undefined;
  if (fromTok !== undefined && maxPositions !== undefined) return Math.min(fromTok, maxPositions);
  return fromTok ?? maxPositions;
}
