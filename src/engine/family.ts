// Which family a config.json describes and what the model is for, from model_type, architectures and
// is_encoder_decoder, never from folder names. No imports: the model index (scripts/models/folders.ts,
// loaded by vite.config.ts) reads roles with it too.
type Json = Record<string, unknown>;

const BART_LIKE = new Set([
  'bart', 'mbart', 'pegasus', 'pegasus_x', 'marian', 'blenderbot', 'blenderbot-small', 'm2m_100', 'nllb-moe',
  'led', 'bigbird_pegasus', 'plbart', 'fsmt', 'mvp', 'trocr',
]);
const T5_LIKE = new Set(['t5', 'mt5', 'longt5', 'umt5', 'switch_transformers']);

function num(cfg: Json, ...keys: string[]): number | undefined {
  for (const k of keys) {
    const v = cfg[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}

export function detectFamily(cfg: Json): 'bart' | 't5' | 'causal' | undefined {
  const type = typeof cfg.model_type === 'string' ? cfg.model_type.toLowerCase() : '';
  if (BART_LIKE.has(type)) return 'bart';
  if (T5_LIKE.has(type)) return 't5';
  const arch = Array.isArray(cfg.architectures) ? cfg.architectures.join(' ') : '';
  if (/^(Bart|MBart|Pegasus|Marian|Blenderbot|M2M100|LED|PLBart)/.test(arch)) return 'bart';
  if (/^(T5|MT5|LongT5|UMT5)/.test(arch)) return 't5';
  if (cfg.is_encoder_decoder === true) {
    // Unknown encoder-decoder type: tell the two families apart by their config vocabulary.
    if (num(cfg, 'd_kv') !== undefined) return 't5';
    if (num(cfg, 'decoder_attention_heads') !== undefined) return 'bart';
    return undefined;
  }
  if (/ForCausalLM/.test(arch) || num(cfg, 'num_hidden_layers', 'n_layer') !== undefined) return 'causal';
  return undefined;
}

/** What a model folder is for: writing text (a summarizer's backbone) or embedding it (retrieval). */
export type ModelRole = 'generator' | 'embedder';

/** Encoder-only families: their outputs are hidden states (or masked-token logits), never a next token. */
const ENCODER_ONLY = new Set([
  'bert', 'roberta', 'xlm-roberta', 'distilbert', 'mpnet', 'electra', 'albert', 'camembert', 'deberta', 'deberta-v2',
  'nomic_bert', 'modernbert', 'jina_bert',
]);

/**
 * The role config.json implies: 'embedder' for encoder-only models (BERT-likes, or a bare
 * `<Name>Model` backbone with no head), 'generator' for the families the generator runs,
 * undefined when it says neither.
 */
export function modelRole(cfg: Json): ModelRole | undefined {
  const type = typeof cfg.model_type === 'string' ? cfg.model_type.toLowerCase() : '';
  const archs = Array.isArray(cfg.architectures) ? cfg.architectures.filter((a): a is string => typeof a === 'string') : [];
  if (cfg.is_encoder_decoder !== true) {
    if (ENCODER_ONLY.has(type)) return 'embedder';
    if (archs.length && archs.every((a) => /Model$/.test(a) && !/(LMHead|Seq2Seq|ForConditionalGeneration)/.test(a))) return 'embedder';
  }
  return detectFamily(cfg) ? 'generator' : undefined;
}
