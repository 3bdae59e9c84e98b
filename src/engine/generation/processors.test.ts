import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GenerationOptions } from '../types';
import type { SpecialTokens } from './contract';
import { decode } from './decode';
import { resolveOptions } from './options';
import { LogitsProcessors } from './processors';
import { ToyModel } from './testing/toy-model';

const EOS = 0;
type Mode = 'greedy' | 'beam' | 'sample';
const modeOptions: Record<Mode, GenerationOptions> = {
  greedy: {},
  beam: { num_beams: 3, num_return_sequences: 3 },
  sample: { do_sample: true, top_k: 0 },
};

async function generateAll(model: ToyModel, start: number[], options: GenerationOptions, special: SpecialTokens = { eosTokenIds: [EOS] }) {
  const res = await decode({ model, start, countedStartLength: start.length, options, special });
  return res.sequences.map((s) => s.ids);
}

function ngramsRepeat(seq: number[], n: number, from: number): boolean {
  // An n-gram ending at a generated position (index >= from) that occurred earlier.
  for (let end = Math.max(from, n - 1); end < seq.length; end++) {
    const g = seq.slice(end - n + 1, end + 1).join(',');
    for (let e = n - 1; e < end; e++) if (seq.slice(e - n + 1, e + 1).join(',') === g) return true;
  }
  return false;
}

function contains(seq: number[], word: number[], from: number): boolean {
  for (let end = Math.max(from, word.length - 1); end < seq.length; end++) {
    if (word.every((t, k) => seq[end - word.length + 1 + k] === t)) return true;
  }
  return false;
}

const modeArb = fc.constantFrom<Mode>('greedy', 'beam', 'sample');

describe('logits processors in decoding', () => {
  it('no_repeat_ngram_size never lets an n-gram repeat', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 3 }), modeArb, async (seed, n, mode) => {
        // Vocabulary large enough that banning can never exhaust it within 10 tokens.
        const model = new ToyModel({ vocabSize: 16, seed, scale: 2, bias: { [EOS]: -4, 5: 3 } });
        const start = [5, 5];
        for (const ids of await generateAll(model, start, { ...modeOptions[mode], max_new_tokens: 10, no_repeat_ngram_size: n, seed })) {
          expect(ngramsRepeat([...start, ...ids], n, start.length)).toBe(false);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('multi-token and single-token bad words never appear', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1e6 }),
        fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        modeArb,
        async (seed, bad, mode) => {
          const model = new ToyModel({ vocabSize: 8, seed, scale: 2, bias: { [EOS]: -3, 1: 1, 2: 1 } });
          const start = [3];
          const options = { ...modeOptions[mode], max_new_tokens: 10, bad_words_ids: bad, seed };
          for (const ids of await generateAll(model, start, options)) {
            for (const w of bad) expect(contains([...start, ...ids], w, start.length)).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('min_length and min_new_tokens keep every EOS id out until reached; max is respected', async () => {
    for (const mode of ['greedy', 'beam', 'sample'] as Mode[]) {
      for (let seed = 1; seed <= 15; seed++) {
        // EOS ids 0 and 1 dominate, so without the rule generation would end at once.
        const mk = () => new ToyModel({ vocabSize: 7, seed, bias: { 0: 20, 1: 20 } });
        const special = { eosTokenIds: [0, 1] };
        const base = { ...modeOptions[mode], seed, max_new_tokens: 9 };
        for (const ids of await generateAll(mk(), [4, 4], { ...base, min_length: 7 }, special)) {
          // min_length counts the 2 start tokens: EOS allowed from the 6th generated token on.
          expect(ids.slice(0, 5).some((t) => t <= 1)).toBe(false);
          expect(ids.length).toBeGreaterThanOrEqual(6);
          expect(ids.length).toBeLessThanOrEqual(9);
        }
        for (const ids of await generateAll(mk(), [4, 4], { ...base, min_new_tokens: 4 }, special)) {
          expect(ids.slice(0, 4).some((t) => t <= 1)).toBe(false);
          expect(ids.length).toBe(5); // EOS wins as soon as it is allowed
        }
        if (mode !== 'beam') {
          // Control: without a minimum the dominant EOS ends generation at once.
          const free = await generateAll(mk(), [4, 4], base, special);
          expect(free[0]).toHaveLength(1);
        }
      }
    }
  });

  it('forces BOS after a lone start token (only then) and EOS at the last position', async () => {
    for (const mode of ['greedy', 'beam', 'sample'] as Mode[]) {
      for (let seed = 1; seed <= 10; seed++) {
        const mk = () => new ToyModel({ vocabSize: 8, seed, bias: { [EOS]: -5, 6: -5, 7: -5 } });
        const special = { eosTokenIds: [EOS], forcedBosTokenId: 6, forcedEosTokenId: 7 };
        const opts = { ...modeOptions[mode], seed, max_new_tokens: 5 };
        for (const ids of await generateAll(mk(), [2], opts, special)) {
          expect(ids[0]).toBe(6);
          expect(ids).toHaveLength(5);
          expect(ids[4]).toBe(7);
        }
        // As in transformers.js, a longer start (e.g. a prompt) is never given a forced BOS.
        for (const ids of await generateAll(mk(), [2, 3], opts, special)) expect(ids[0]).not.toBe(6);
      }
    }
  });
});

describe('LogitsProcessors.apply', () => {
  const make = (o: GenerationOptions, special: SpecialTokens = { eosTokenIds: [0] }) =>
    new LogitsProcessors(resolveOptions({ options: o, countedStartLength: 1, vocabSize: 6 }), special, 6, 1);

  it('repetition penalty divides positive and multiplies negative scores, once per distinct id', () => {
    const scores = Float32Array.from([1, 2, -2, 4, 0.5, -1]);
    make({ repetition_penalty: 2 }).apply([1, 2, 2, 2, 5], 4, scores);
    expect(Array.from(scores)).toEqual([1, 1, -4, 4, 0.5, -2]);
    const reward = Float32Array.from([1, 2, -2, 4, 0.5, -1]);
    make({ repetition_penalty: 0.5 }).apply([1, 2], 1, reward);
    expect(Array.from(reward)).toEqual([1, 4, -1, 4, 0.5, -1]);
  });

  it('repetition penalty moves greedy choices away from seen tokens', async () => {
    // Token 3 (in the start) narrowly beats token 4 everywhere.
    const logits = () => [-9, -1, -1, 2.0, 1.8, -1];
    const run = (p: number) =>
      decode({
        model: new ToyModel({ vocabSize: 6, logits }),
        start: [3],
        countedStartLength: 1,
        options: { max_new_tokens: 3, repetition_penalty: p },
        special: { eosTokenIds: [0] },
      });
    expect((await run(1)).sequences[0].ids).toEqual([3, 3, 3]);
    // Penalised, 3 drops to 2/1.2 = 1.67 < 1.8, so 4 is chosen; then both are penalised
    // (1.67 vs 1.5) and 3 comes back.
    expect((await run(1.2)).sequences[0].ids).toEqual([4, 3, 3]);
    // A reward (< 1) keeps the seen token.
    expect((await run(0.8)).sequences[0].ids).toEqual([3, 3, 3]);
  });

  it('no-repeat n-grams ban exactly the completions of the current (n-1)-gram', () => {
    const scores = new Float32Array(6);
    make({ no_repeat_ngram_size: 3 }).apply([1, 2, 3, 1, 2, 4, 1, 2], 7, scores);
    expect(Array.from(scores)).toEqual([0, 0, 0, -Infinity, -Infinity, 0]);
  });
});
