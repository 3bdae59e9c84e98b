// The embedder's pieces that need no prepared model: pooling and normalisation, truncation that
// keeps the special tokens, the pooling config, and a BERT folder refused as a text generator.
import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/support/engine';
import { modelRole, parseEncoderSpec, parseModelSpec } from './config';
import { cosine, pool } from './embedder';
import { readJson } from './modelFolder';
import { TextTokenizer } from './tokenizer';
import { ModelFileError } from './types';

const MINILM_CONFIG = {
  architectures: ['BertModel'],
  model_type: 'bert',
  hidden_size: 384,
  num_hidden_layers: 6,
  num_attention_heads: 12,
  max_position_embeddings: 512,
  vocab_size: 30522,
};

describe('pool', () => {
  // Two rows of three positions, dim 2; row 1 has one padded position.
  const data = Float32Array.from([1, 0, 3, 0, 2, 6, 0, 2, 0, 4, 50, -50]);
  const mask = [1, 1, 1, 1, 1, 0];

  it('averages the kept positions, then scales to unit length', () => {
    // Row 0: mean of [1,0], [3,0], [2,6] is [2,2].
    const [a, b] = pool(data, 'float32', mask, 2, 3, 2, 'mean');
    expect(Array.from(a)).toEqual([Math.SQRT1_2, Math.SQRT1_2].map((x) => expect.closeTo(x, 6)));
    // The padded [50, -50] is ignored: mean of [0,2] and [0,4] is [0,3] -> [0,1].
    expect(Array.from(b)).toEqual([0, 1]);
  });

  it('takes the first position for cls pooling', () => {
    const [a, b] = pool(data, 'float32', mask, 2, 3, 2, 'cls');
    expect(Array.from(a)).toEqual([1, 0]);
    expect(Array.from(b)).toEqual([0, 1]);
  });

  it('reads float16 hidden states', () => {
    // 1.0 = 0x3c00, 2.0 = 0x4000
    const [v] = pool(Uint16Array.from([0x3c00, 0x4000]), 'float16', [1], 1, 1, 2, 'mean');
    expect(v[1] / v[0]).toBeCloseTo(2, 6);
    expect(Math.hypot(...v)).toBeCloseTo(1, 6);
  });

  it('leaves an all-zero row zero instead of NaN', () => {
    const [v] = pool(new Float32Array(4), 'float32', [1, 1], 1, 2, 2, 'mean');
    expect(Array.from(v)).toEqual([0, 0]);
  });
});

describe('cosine', () => {
  it('is 1 for the same direction, 0 for orthogonal or zero vectors', () => {
    expect(cosine(Float32Array.from([1, 2]), Float32Array.from([2, 4]))).toBeCloseTo(1, 6);
    expect(cosine(Float32Array.from([1, 0]), Float32Array.from([0, 3]))).toBe(0);
    expect(cosine(Float32Array.from([0, 0]), Float32Array.from([1, 1]))).toBe(0);
  });
});

describe('TextTokenizer.encodeWithin', () => {
  it('cuts the text, not the special tokens around it', async () => {
    const src = fixture('tiny-bart');
    const tok = new TextTokenizer(src.id, await readJson(src, 'tokenizer.json'), await readJson(src, 'tokenizer_config.json'));
    const text = 'the results show a significant improvement over the baseline on three datasets '.repeat(6);
    const full = tok.encode(text);
    const plain = tok.encode(text, false);
    expect(full.length).toBe(plain.length + 2);
    const cut = tok.encodeWithin(text, 10);
    expect(cut).toEqual([full[0], ...plain.slice(0, 8), full[full.length - 1]]);
    expect(tok.encodeWithin(text, 1000)).toEqual(full);
    expect(tok.encodeWithin('', 10)).toEqual(tok.encode(''));
  });
});

describe('modelRole', () => {
  it('tells an encoder-only embedder from the generators', async () => {
    expect(modelRole(MINILM_CONFIG)).toBe('embedder');
    expect(modelRole({ model_type: 'xlm-roberta', architectures: ['XLMRobertaModel'] })).toBe('embedder');
    for (const name of ['tiny-bart', 'tiny-t5', 'tiny-qwen2']) expect(modelRole(await readJson(fixture(name), 'config.json')), name).toBe('generator');
    expect(modelRole({ model_type: 'gpt2', architectures: ['GPT2LMHeadModel'], n_layer: 2 })).toBe('generator');
    // Marian's "MarianMTModel" ends in Model but is an encoder-decoder.
    expect(modelRole({ model_type: 'marian', architectures: ['MarianMTModel'], is_encoder_decoder: true })).toBe('generator');
    expect(modelRole({ model_type: 'whisper-ish' })).toBeUndefined();
  });

  it('refuses a BERT folder as a text generator, naming loadEmbedder', () => {
    expect(() => parseModelSpec('models/local/all-minilm-l6-v2', MINILM_CONFIG, undefined)).toThrow(ModelFileError);
    expect(() => parseModelSpec('m', MINILM_CONFIG, undefined)).toThrow(/encoder-only.*loadEmbedder/);
  });

  it('reads the encoder width and refuses a generator as an embedder', async () => {
    expect(parseEncoderSpec('m', MINILM_CONFIG)).toEqual({ modelType: 'bert', hiddenSize: 384, maxPositions: 512 });
    expect(() => parseEncoderSpec('m', { model_type: 'bert' })).toThrow(/hidden size/);
    const bart = await readJson(fixture('tiny-bart'), 'config.json');
    expect(() => parseEncoderSpec('m', bart)).toThrow(/text generator/);
  });
});
