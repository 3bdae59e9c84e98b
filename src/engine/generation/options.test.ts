import { describe, expect, it } from 'vitest';
import type { GenerationOptions } from '../types';
import { GenerationOptionError } from './contract';
import { decode } from './decode';
import { resolveOptions } from './options';
import { ToyModel } from './testing/toy-model';

const resolve = (options: GenerationOptions, counted = 1, defaults?: GenerationOptions) =>
  resolveOptions({ options, defaults, countedStartLength: counted, vocabSize: 10 });

function expectOptionError(fn: () => unknown, option: string) {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(GenerationOptionError);
  expect((err as GenerationOptionError).option).toBe(option);
  expect((err as Error).message).toContain(`"${option}"`);
}

describe('option validation', () => {
  const bad: [string, GenerationOptions][] = [
    ['prompt_lookup_num_tokens', { prompt_lookup_num_tokens: -1 }],
    ['prompt_lookup_num_tokens', { prompt_lookup_num_tokens: 1.5 }],
    ['prompt_lookup_num_tokens', { prompt_lookup_num_tokens: 65 }],
    ['prompt_lookup_num_tokens', { prompt_lookup_num_tokens: 3, num_beams: 2 }],
    ['prompt_lookup_num_tokens', { prompt_lookup_num_tokens: 3, do_sample: true }],
    ['output_scores', { output_scores: 'yes' as unknown as boolean }],
    ['max_length', { max_length: 0 }],
    ['max_length', { max_length: -3 }],
    ['max_length', { max_length: 2.5 }],
    ['max_length', { max_length: Number.NaN }],
    ['max_new_tokens', { max_new_tokens: 0 }],
    ['max_new_tokens', { max_new_tokens: -1 }],
    ['max_new_tokens', { max_new_tokens: Number.NaN }],
    ['min_length', { min_length: -1 }],
    ['min_length', { min_length: 30, max_length: 20 }],
    ['min_new_tokens', { min_new_tokens: 11, max_new_tokens: 10 }],
    ['min_new_tokens', { min_new_tokens: 1.5 }],
    ['num_beams', { num_beams: 0 }],
    ['num_beams', { num_beams: 2.5 }],
    ['num_beams', { num_beams: Number.NaN }],
    ['num_return_sequences', { num_return_sequences: 3, num_beams: 2 }],
    ['num_return_sequences', { num_return_sequences: 0 }],
    ['temperature', { do_sample: true, temperature: 0 }],
    ['temperature', { temperature: -1 }],
    ['temperature', { temperature: Number.NaN }],
    ['top_p', { top_p: 0 }],
    ['top_p', { top_p: 1.5 }],
    ['top_p', { top_p: Number.NaN }],
    ['top_k', { top_k: -1 }],
    ['top_k', { top_k: 2.5 }],
    ['repetition_penalty', { repetition_penalty: 0 }],
    ['repetition_penalty', { repetition_penalty: -1 }],
    ['repetition_penalty', { repetition_penalty: Number.POSITIVE_INFINITY }],
    ['no_repeat_ngram_size', { no_repeat_ngram_size: -1 }],
    ['length_penalty', { length_penalty: Number.NaN }],
    ['early_stopping', { early_stopping: 'sometimes' as never }],
    ['do_sample', { do_sample: 'yes' as never }],
    ['seed', { seed: 1.5 }],
    ['bad_words_ids', { bad_words_ids: [[]] }],
    ['bad_words_ids', { bad_words_ids: [[99]] }],
    ['bad_words_ids', { bad_words_ids: [1] as never }],
    ['bad_words', { bad_words: ['hello'] }],
    ['num_beams', { do_sample: true, num_beams: 3 }],
    ['maxTokens', { maxTokens: 5 } as never],
  ];
  for (const [option, opts] of bad) {
    it(`rejects ${JSON.stringify(opts, (_k, v) => (Number.isNaN(v) ? 'NaN' : v))} naming ${option}`, () => {
      expectOptionError(() => resolve(opts), option);
    });
  }

  it('rejects unknown names in the defaults too', () => {
    expectOptionError(() => resolve({}, 1, { decoder_start_token_id: 2 } as never), 'decoder_start_token_id');
  });

  it('rejects a max_length that leaves no room after a long counted start', () => {
    expectOptionError(() => resolve({ max_length: 20 }, 25), 'max_length');
    expect(resolve({ max_new_tokens: 5 }, 25).maxLength).toBe(30);
  });

  it('applies HF length semantics and defaults', () => {
    expect(resolve({}).maxLength).toBe(20);
    expect(resolve({ max_length: 50, max_new_tokens: 7 }, 3).maxLength).toBe(10);
    expect(resolve({ max_new_tokens: 7 }, 3, { max_length: 142, min_length: 56 })).toMatchObject({
      maxLength: 10,
      minLength: 56, // a model default above the caller's max is not an error (HF: stops at max)
    });
    const r = resolve({ top_k: 0, max_new_tokens: undefined, seed: null as never });
    expect(r).toMatchObject({ topK: 0, topP: 1, temperature: 1, numBeams: 1, doSample: false, repetitionPenalty: 1 });
    expect(resolve({ num_beams: 1 }, 1, { num_beams: 4, length_penalty: 2 })).toMatchObject({ numBeams: 1, lengthPenalty: 2 });
  });

  it('decode() reports bad options before calling the model', async () => {
    const model = new ToyModel({ vocabSize: 6 });
    await expect(
      decode({ model, start: [1], countedStartLength: 1, options: { top_p: 2 }, special: { eosTokenIds: [0] } }),
    ).rejects.toThrow(GenerationOptionError);
    await expect(
      decode({ model, start: [1], countedStartLength: 1, options: {}, special: { eosTokenIds: [9] } }),
    ).rejects.toThrow(/eos_token_id/);
    expect(model.calls).toBe(0);
  });
});

describe('prompt_lookup_num_tokens', () => {
  it('resolves for greedy only; a model default is dropped for beams and sampling', () => {
    expect(resolve({ prompt_lookup_num_tokens: 5 }).promptLookupNumTokens).toBe(5);
    expect(resolve({ prompt_lookup_num_tokens: 0 }).promptLookupNumTokens).toBe(0);
    expect(resolve({ num_beams: 3 }, 1, { prompt_lookup_num_tokens: 5 }).promptLookupNumTokens).toBe(0);
    expect(resolve({ do_sample: true }, 1, { prompt_lookup_num_tokens: 5 }).promptLookupNumTokens).toBe(0);
    expect(resolve({}).outputScores).toBe(false);
  });
});
