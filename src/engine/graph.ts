// Checks that an ONNX graph has the inputs/outputs its family needs and agrees with config.json
// (layer count, vocabulary, head shapes where the graph states them), before anything runs.
import type { CausalSpec, EncoderSpec, Seq2SeqSpec } from './config';
import { cacheLayerIndexes, causalPastNames, presentName, seq2seqPastNames } from './kvCache';
import type { ModelSession } from './session';
import { ModelFileError } from './types';

type Role = 'encoder' | 'merged-decoder' | 'decoder' | 'decoder-with-past' | 'causal';

function fail(sourceId: string, s: ModelSession, problem: string): never {
  throw new ModelFileError(sourceId, s.path, problem);
}

function requireNames(sourceId: string, s: ModelSession, kind: 'input' | 'output', names: string[], why: string): void {
  const have = kind === 'input' ? s.inputNames : s.outputNames;
  const missing = names.filter((n) => !have.includes(n));
  if (missing.length) {
    const shown = missing.slice(0, 4).join(', ') + (missing.length > 4 ? `, ... (${missing.length} in all)` : '');
    fail(sourceId, s, `graph ${kind}s lack ${shown}: not ${why} (${kind}s are ${have.join(', ') || 'none'})`);
  }
}

function checkLayerCount(sourceId: string, s: ModelSession, names: readonly string[], layers: number, key: string): void {
  const idx = cacheLayerIndexes(names);
  if (idx.size && idx.size !== layers) {
    fail(sourceId, s, `graph has ${idx.size} layers of past_key_values/present but config.json ${key} is ${layers}`);
  }
}

function staticDims(s: ModelSession, name: string, kind: 'input' | 'output'): (number | string)[] | undefined {
  const m = kind === 'input' ? s.inputMeta(name) : s.outputMeta(name);
  return m && m.isTensor ? [...m.shape] : undefined;
}

function checkVocab(sourceId: string, s: ModelSession, vocab: number | undefined): void {
  const dims = staticDims(s, 'logits', 'output');
  const last = dims?.[dims.length - 1];
  if (vocab !== undefined && typeof last === 'number' && last !== vocab) {
    fail(sourceId, s, `logits have ${last} entries per token but config.json vocab_size is ${vocab}`);
  }
}

function checkHeadShapes(sourceId: string, s: ModelSession, names: string[], heads: number, headDim: number, keys: string) {
  for (const n of names) {
    const dims = staticDims(s, n, 'input');
    if (!dims || dims.length !== 4) continue;
    const [, h, , d] = dims;
    if ((typeof h === 'number' && h !== heads) || (typeof d === 'number' && d !== headDim)) {
      fail(sourceId, s, `${n} has shape [${dims.join(', ')}] but config.json (${keys}) gives ${heads} heads of size ${headDim}`);
    }
  }
}

export function validateSeq2Seq(sourceId: string, s: ModelSession, role: Role, spec: Seq2SeqSpec): void {
  const family = `a ${spec.family === 't5' ? 'T5' : 'BART'}-like ${role} graph`;
  if (role === 'encoder') {
    requireNames(sourceId, s, 'input', ['input_ids'], family);
    requireNames(sourceId, s, 'output', ['last_hidden_state'], family);
    return;
  }
  const layerKey = spec.family === 't5' ? 'num_decoder_layers' : 'decoder_layers';
  checkLayerCount(sourceId, s, [...s.inputNames, ...s.outputNames], spec.decoderLayers, layerKey);
  requireNames(sourceId, s, 'input', ['input_ids'], family);
  requireNames(sourceId, s, 'output', ['logits'], family);
  if (role !== 'decoder-with-past') requireNames(sourceId, s, 'input', ['encoder_hidden_states'], family);
  const both = seq2seqPastNames(spec.decoderLayers, 'both');
  const self = seq2seqPastNames(spec.decoderLayers, 'decoder');
  if (role === 'merged-decoder') {
    requireNames(sourceId, s, 'input', ['use_cache_branch', ...both], family);
    requireNames(sourceId, s, 'output', both.map(presentName), family);
  } else if (role === 'decoder') {
    requireNames(sourceId, s, 'output', both.map(presentName), family);
  } else {
    requireNames(sourceId, s, 'input', both, family);
    requireNames(sourceId, s, 'output', self.map(presentName), family);
  }
  checkVocab(sourceId, s, spec.vocabSize);
  const keys = spec.family === 't5' ? 'num_heads, d_kv' : 'decoder_attention_heads, d_model';
  checkHeadShapes(sourceId, s, both.filter((n) => s.hasInput(n)), spec.decoderHeads, spec.headDim, keys);
}

export function validateCausal(sourceId: string, s: ModelSession, spec: CausalSpec): void {
  const family = 'a decoder-only LM graph with KV cache';
  checkLayerCount(sourceId, s, [...s.inputNames, ...s.outputNames], spec.layers, 'num_hidden_layers');
  const past = causalPastNames(spec.layers);
  requireNames(sourceId, s, 'input', ['input_ids', 'attention_mask', ...past], family);
  requireNames(sourceId, s, 'output', ['logits', ...past.map(presentName)], family);
  checkVocab(sourceId, s, spec.vocabSize);
  checkHeadShapes(sourceId, s, past, spec.kvHeads, spec.headDim, 'num_key_value_heads, head_dim');
}

/** A sentence-embedding encoder: token ids and mask in, one hidden state per token out. */
export function validateEncoder(sourceId: string, s: ModelSession, spec: EncoderSpec): void {
  const family = 'an encoder graph (feature-extraction export)';
  requireNames(sourceId, s, 'input', ['input_ids', 'attention_mask'], family);
  requireNames(sourceId, s, 'output', ['last_hidden_state'], family);
  const dims = staticDims(s, 'last_hidden_state', 'output');
  const width = dims?.[dims.length - 1];
  if (typeof width === 'number' && width !== spec.hiddenSize) {
    fail(sourceId, s, `last_hidden_state has ${width} values per token but config.json hidden_size is ${spec.hiddenSize}`);
  }
}
