// loadModel + generate as the pipeline uses them: streaming, abort, limits, defaults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type LoadedModel } from '../../src/engine';
import type { TokenEvent } from '../../src/engine/types';
import { fixture, ort } from '../support/engine';

const TEXT = 'Café naïve résumé — Ελληνικά, 中文摘要 and emoji 😀🚀. We propose a model for long documents.';

describe.each(['tiny-bart', 'tiny-t5', 'tiny-qwen2', 'tiny-bart-split'])('%s', (name) => {
  let m: LoadedModel;
  beforeAll(async () => {
    m = await loadModel(fixture(name), { ort, backend: 'wasm', dtype: 'fp32' });
  });
  afterAll(() => m?.dispose());

  it.each([
    ['greedy', { num_beams: 1, do_sample: false }],
    ['beam search', { num_beams: 3, do_sample: false }],
    ['sampling', { do_sample: true, top_k: 20, seed: 7, num_beams: 1 }],
  ] as const)('streams deltas that concatenate to the final text (%s)', async (_l, opts) => {
    const events: TokenEvent[] = [];
    const r = await m.generate(TEXT, { max_new_tokens: 20, ...opts }, { onToken: (e) => events.push(e) });
    expect(r.ids.length).toBeGreaterThan(0);
    expect(events.map((e) => e.text).join('')).toBe(r.text);
    expect(events.flatMap((e) => e.ids)).toEqual(r.ids);
    expect(r.text.length).toBeGreaterThan(0);
    expect(r.sequences[0].ids).toEqual(r.ids);
    expect(r.backend).toBe('wasm');
    expect(r.fellBack).toBeUndefined();
    expect(r.timings.newTokens).toBe(r.ids.length);
    expect(r.timings.totalMs).toBeGreaterThanOrEqual(r.timings.firstTokenMs);
  });

  it('stops within one step of an abort', async () => {
    const ctrl = new AbortController();
    let steps = 0;
    const r = await m.generate(
      TEXT,
      { max_new_tokens: 30, min_new_tokens: 30, num_beams: 1, do_sample: false },
      {
        signal: ctrl.signal,
        onToken: (e) => {
          steps = e.step;
          if (e.step === 3) ctrl.abort();
        },
      },
    );
    expect(r.stopReason).toBe('aborted');
    expect(steps).toBe(3);
    expect(r.ids.length).toBe(3);
  });

  it('returns at once, aborted, when the signal is already aborted', async () => {
    const r = await m.generate(TEXT, { max_new_tokens: 10 }, { signal: AbortSignal.abort() });
    expect(r.stopReason).toBe('aborted');
    expect(r.ids).toEqual([]);
  });

  it('truncates inputs over maxInputTokens and says so', async () => {
    const long = 'The method improves summarization quality on long papers. '.repeat(400);
    const short = await m.generate(TEXT, { max_new_tokens: 4, min_length: 0 });
    expect(short.truncated).toBeUndefined();
    if (m.kind === 'causal') {
      // The decoder-only budget is huge (32k context); a tight cap needs a reload.
      const capped = await loadModel(fixture(name), { ort, backend: 'wasm', contextTokens: 256, answerTokens: 32 });
      expect(capped.maxInputTokens).toBe(224);
      expect(capped.countTokens(long)).toBeGreaterThan(capped.maxInputTokens);
      const r = await capped.generate(long, { max_new_tokens: 4 });
      expect(r.truncated?.inputTokens).toBe(capped.countTokens(long));
      expect(r.truncated!.keptTokens).toBeLessThanOrEqual(224);
      expect(r.truncated!.keptTokens).toBeGreaterThan(200);
      await capped.dispose();
    } else {
      expect(m.countTokens(long)).toBeGreaterThan(m.maxInputTokens);
      const r = await m.generate(long, { max_new_tokens: 4, min_length: 0 });
      expect(r.truncated).toEqual({ inputTokens: m.countTokens(long), keptTokens: m.maxInputTokens });
    }
  });
});

describe('model metadata', () => {
  it('reads limits and defaults from the folder', async () => {
    const bart = await loadModel(fixture('tiny-bart'), { ort, backend: 'wasm' });
    const t5 = await loadModel(fixture('tiny-t5'), { ort, backend: 'wasm' });
    const qwen = await loadModel(fixture('tiny-qwen2'), { ort, backend: 'wasm' });
    try {
      expect(bart.kind).toBe('seq2seq');
      expect(bart.maxInputTokens).toBe(1024); // model_max_length and max_position_embeddings agree
      expect(bart.defaults).toMatchObject({ num_beams: 4, no_repeat_ngram_size: 3, min_length: 8, max_length: 64 });
      expect(t5.maxInputTokens).toBe(512);
      expect(t5.promptText('abc')).toBe('summarize: abc');
      expect(t5.countTokens('abc')).toBeGreaterThan(t5.countTokens(''));
      expect(qwen.kind).toBe('causal');
      // tokenizer_config says 131072 and the model has 32768 positions, but the engine reads
      // 8192-token chunks unless asked for more; 32 kept for the answer.
      expect(qwen.maxInputTokens).toBe(8192 - 32);
      expect(qwen.defaults).toMatchObject({ max_new_tokens: 32, do_sample: false });
      expect(qwen.promptText('hi')).toContain('<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n');
      // The fixture folders hold fp32 only (plus bart's q8): wasm prefers q8 when present.
      expect(bart.dtype).toBe('q8');
      expect(t5.dtype).toBe('fp32');
    } finally {
      await Promise.all([bart.dispose(), t5.dispose(), qwen.dispose()]);
    }
  });

  it('puts the system prompt into the chat template', async () => {
    const qwen = await loadModel(fixture('tiny-qwen2'), { ort, backend: 'wasm', systemPrompt: 'You summarize papers.' });
    try {
      const p = qwen.promptText('hi');
      expect(p.startsWith('<|im_start|>system\nYou summarize papers.<|im_end|>\n<|im_start|>user\nhi')).toBe(true);
      expect(p).not.toContain('You are Qwen');
    } finally {
      await qwen.dispose();
    }
  });

  it('stops a decoder-only model on any eos id of generation_config', async () => {
    const qwen = await loadModel(fixture('tiny-qwen2'), { ort, backend: 'wasm' });
    try {
      // Leave exactly one eos id allowed (everything else banned): generation must stop on it.
      for (const eos of [1420, 1418]) {
        const banned = Array.from({ length: 1421 }, (_, i) => [i]).filter(([i]) => i !== eos);
        const r = await qwen.generate('hi', { max_new_tokens: 10, num_beams: 1, do_sample: false, bad_words_ids: banned });
        expect(r.stopReason).toBe('eos');
        expect(r.ids).toEqual([eos]);
      }
    } finally {
      await qwen.dispose();
    }
  });
});

describe('user options over model defaults', () => {
  // tiny-bart's generation_config: min_length 8, max_length 64, num_beams 4 (as bart-large-cnn's 56/142/4).
  let m: LoadedModel;
  beforeAll(async () => {
    m = await loadModel(fixture('tiny-bart'), { ort, backend: 'wasm', dtype: 'fp32' });
  });
  afterAll(() => m?.dispose());

  it('a short max_new_tokens overrides a longer default min_length instead of failing', async () => {
    const r = await m.generate(TEXT, { max_new_tokens: 4 });
    expect(r.ids.length).toBe(4);
    // forced_eos_token_id (2) puts </s> at the last allowed position, as in HF.
    expect(r.ids[3]).toBe(2);
  });

  it('a user min_length above the user max is still an error naming the option', async () => {
    await expect(m.generate(TEXT, { max_new_tokens: 4, min_length: 20 })).rejects.toThrow(/min_length/);
  });

  it('asking for sampling does not inherit the default beams', async () => {
    const a = await m.generate(TEXT, { do_sample: true, seed: 3, max_new_tokens: 6 });
    const b = await m.generate(TEXT, { do_sample: true, seed: 3, max_new_tokens: 6, num_beams: 1 });
    expect(a.ids).toEqual(b.ids);
  });
});
