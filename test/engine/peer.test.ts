// Peer compatibility: transformers.js (onnxruntime-node) loads the same fixture folders, and our
// greedy output must be identical token for token. It has no beam search, so greedy only, with the
// logits processors both implement.
import { AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer, env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type LoadedModel } from '../../src/engine';
import type { GenerationOptions } from '../../src/engine/types';
import { FIXTURES, fixture, ort } from '../support/engine';

env.allowRemoteModels = false;
env.localModelPath = `${FIXTURES}/`;

const INPUTS = [
  'Hello world. The results show a significant improvement over the baseline.',
  'Café naïve résumé — Ελληνικά κείμενα, 中文摘要 and emoji 😀🚀 in one paper.',
  'We propose a transformer model for summarizing long scientific documents with limited memory.',
];

const VARIANTS: [string, GenerationOptions][] = [
  ['plain', {}],
  ['repetition_penalty', { repetition_penalty: 2 }],
  ['no_repeat_ngram_size', { no_repeat_ngram_size: 1 }],
  ['min_length', { min_length: 18 }],
];

type Peer = { tokenizer: any; model: any };

async function peerIds(peer: Peer, prompt: string, opts: GenerationOptions, chat: boolean): Promise<number[]> {
  const enc = chat
    ? peer.tokenizer.apply_chat_template([{ role: 'user', content: prompt }], { add_generation_prompt: true, return_dict: true })
    : peer.tokenizer(prompt);
  const out = await peer.model.generate({ ...enc, ...opts, do_sample: false, num_beams: 1 });
  const row = (out.tolist() as bigint[][])[0].map(Number);
  // Seq2seq output starts with the decoder start token; decoder-only output starts with the prompt.
  return chat || peer.model.config.is_encoder_decoder !== true ? row.slice(enc.input_ids.dims[1]) : row.slice(1);
}

describe.each([
  ['tiny-bart', AutoModelForSeq2SeqLM],
  ['tiny-t5', AutoModelForSeq2SeqLM],
  ['tiny-qwen2', AutoModelForCausalLM],
] as const)('%s matches transformers.js', (name, Auto) => {
  let ours: LoadedModel;
  let peer: Peer;
  beforeAll(async () => {
    ours = await loadModel(fixture(name), { ort, backend: 'wasm', dtype: 'fp32' });
    peer = {
      tokenizer: await AutoTokenizer.from_pretrained(name),
      model: await (Auto as typeof AutoModelForSeq2SeqLM).from_pretrained(name, { dtype: 'fp32' }),
    };
  });
  afterAll(async () => {
    await ours?.dispose();
    await peer?.model.dispose();
  });

  it.each(VARIANTS)('greedy, %s', async (_label, extra) => {
    const outputs: string[] = [];
    for (const input of INPUTS) {
      const opts: GenerationOptions = { max_new_tokens: 24, ...extra };
      const result = await ours.generate(input, { ...opts, do_sample: false, num_beams: 1 });
      // For T5 the prefix ("summarize: ") is ours to add; the peer gets the same prefixed text.
      const chat = ours.kind === 'causal';
      const prompt = chat ? input : ours.promptText(input);
      const want = await peerIds(peer, prompt, opts, chat);
      expect(result.ids).toEqual(want);
      expect(result.text).toBe(peer.tokenizer.decode(want, { skip_special_tokens: true }));
      outputs.push(result.ids.join(','));
    }
    expect(new Set(outputs).size).toBeGreaterThan(1);
  });

  it('the processors change the output (so matching them means something)', async () => {
    const run = async (extra: GenerationOptions) => {
      const out: string[] = [];
      for (const input of INPUTS) {
        const r = await ours.generate(input, { max_new_tokens: 24, do_sample: false, num_beams: 1, ...extra });
        out.push(r.ids.join(','));
      }
      return out.join('|');
    };
    const plain = await run({ repetition_penalty: 1, no_repeat_ngram_size: 0 });
    expect(await run({ repetition_penalty: 2, no_repeat_ngram_size: 0 })).not.toBe(plain);
    expect(await run({ repetition_penalty: 1, no_repeat_ngram_size: 1 })).not.toBe(plain);
  });

  it('encodes inputs exactly like the peer tokenizer', () => {
    for (const input of INPUTS) {
      if (ours.kind === 'causal') {
        const text = peer.tokenizer.apply_chat_template([{ role: 'user', content: input }], {
          tokenize: false,
          add_generation_prompt: true,
        });
        expect(ours.promptText(input)).toBe(text);
        const ids = peer.tokenizer(text, { add_special_tokens: false }).input_ids.tolist()[0].length;
        expect(ours.countTokens(input)).toBe(ids);
      } else {
        const ids = peer.tokenizer(ours.promptText(input)).input_ids.tolist()[0].length;
        expect(ours.countTokens(input)).toBe(ids);
      }
    }
  });
});
