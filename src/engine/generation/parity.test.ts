// Greedy decoding must agree token for token with transformers.js. The reference below is the
// transformers.js generate loop driven by ITS OWN processor builder (`_get_logits_processor`,
// the same order, boundaries and float32 arithmetic) and its argmax, over the same toy model.
import { GenerationConfig, PreTrainedModel, Tensor } from '@huggingface/transformers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GenerationOptions } from '../types';
import type { SpecialTokens } from './contract';
import { decode } from './decode';
import { ToyModel, VerifyingToyModel } from './testing/toy-model';

interface Case {
  vocab: number;
  seed: number;
  start: number[];
  options: GenerationOptions;
  special: SpecialTokens;
}

type Processor = (ids: bigint[][], logits: Tensor) => Tensor;
const buildProcessors = (PreTrainedModel.prototype as unknown as {
  _get_logits_processor(this: object, gc: GenerationConfig, inputLength: number, extra: null): Processor;
})._get_logits_processor;

function transformersJsGreedy(c: Case, model: ToyModel): number[] {
  const gc = new GenerationConfig({} as never) as unknown as Record<string, unknown>;
  Object.assign(gc, c.options, {
    eos_token_id: c.special.eosTokenIds,
    forced_bos_token_id: c.special.forcedBosTokenId ?? null,
    forced_eos_token_id: c.special.forcedEosTokenId ?? null,
  });
  if (gc.max_new_tokens != null) gc.max_length = c.start.length + (gc.max_new_tokens as number);
  const processors = buildProcessors.call({}, gc as unknown as GenerationConfig, c.start.length, null);
  const all = [c.start.map(BigInt)];
  const out: number[] = [];
  for (;;) {
    const logits = new Tensor('float32', model.logitsFor(all[0].map(Number)), [1, c.vocab]);
    const scores = processors(all, logits).data as Float32Array;
    let best = 0; // transformers.js max(): strict >, first index wins
    for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
    out.push(best);
    all[0].push(BigInt(best));
    if (all[0].length >= (gc.max_length as number) || c.special.eosTokenIds.includes(best)) return out;
  }
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    vocab: fc.integer({ min: 5, max: 12 }),
    seed: fc.integer({ min: 1, max: 1e6 }),
    startLen: fc.integer({ min: 1, max: 3 }),
    maxNew: fc.integer({ min: 1, max: 14 }),
    useMaxLength: fc.boolean(),
    minLength: fc.integer({ min: 0, max: 10 }),
    minNew: fc.integer({ min: 0, max: 8 }),
    rep: fc.constantFrom(1, 0.6, 1.3, 2),
    ngram: fc.integer({ min: 0, max: 3 }),
    bad: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
    twoEos: fc.boolean(),
    bos: fc.option(fc.nat(), { nil: undefined }),
    feos: fc.option(fc.nat(), { nil: undefined }),
  })
  .map((r) => {
    const v = r.vocab;
    const start = Array.from({ length: r.startLen }, (_, i) => (r.seed + 3 * i) % v);
    const maxLength = r.startLen + r.maxNew;
    const options: GenerationOptions = {
      ...(r.useMaxLength ? { max_length: maxLength } : { max_new_tokens: r.maxNew, max_length: 3 }),
      min_length: Math.min(r.minLength, maxLength),
      min_new_tokens: Math.min(r.minNew, r.maxNew),
      repetition_penalty: r.rep,
      no_repeat_ngram_size: r.ngram,
    };
    if (r.bad.length > 0) options.bad_words_ids = r.bad.map((w) => w.map((t) => t % v));
    return {
      vocab: v,
      seed: r.seed,
      start,
      options,
      special: {
        eosTokenIds: r.twoEos ? [0, 1] : [0],
        forcedBosTokenId: r.bos === undefined ? undefined : r.bos % v,
        forcedEosTokenId: r.feos === undefined ? undefined : r.feos % v,
      },
    };
  });

describe('greedy parity with transformers.js', () => {
  it('produces the same tokens for random option sets', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const mk = () => new ToyModel({ vocabSize: c.vocab, seed: c.seed, bias: { 0: 0.5 } });
        const want = transformersJsGreedy(c, mk());
        const got = await decode({ model: mk(), start: c.start, countedStartLength: c.start.length, options: c.options, special: c.special });
        expect(got.sequences[0].ids).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });
});

describe('greedy parity with transformers.js, prompt-lookup decoding on', () => {
  it('produces the same tokens with right, shuffled and unrelated draft sources', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 2 }), async (c, k, kind) => {
        const mk = () => new VerifyingToyModel({ vocabSize: c.vocab, seed: c.seed, bias: { 0: 0.5 } });
        const want = transformersJsGreedy(c, mk());
        const source =
          kind === 0 ? [...c.start, ...want] : kind === 1 ? [...want].reverse() : Array.from({ length: 30 }, (_, i) => (i * 5 + c.seed) % c.vocab);
        const got = await decode({
          model: mk(),
          start: c.start,
          countedStartLength: c.start.length,
          options: { ...c.options, prompt_lookup_num_tokens: k },
          special: c.special,
          lookupSource: source,
        });
        expect(got.sequences[0].ids).toEqual(want);
        accepted += got.stats!.acceptedTokens;
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(200);
  });
});
