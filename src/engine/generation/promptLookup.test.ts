// Prompt-lookup decoding must be invisible in the output: with drafts that are right, wrong or
// half right, with logits processors active, it gives plain greedy's tokens, events and stop
// reason, only with fewer decoder runs when drafts are right.
import { describe, expect, it } from 'vitest';
import type { GenerationOptions, TokenEvent } from '../types';
import type { DecodeResult, SpecialTokens } from './contract';
import { decode } from './decode';
import { findDrafts, PromptLookup } from './search';
import { ToyModel, VerifyingToyModel } from './testing/toy-model';

const EOS = 0;

interface Run {
  res: DecodeResult;
  events: Omit<TokenEvent, 'text'>[];
  model: ToyModel;
}

async function run(
  model: ToyModel,
  options: GenerationOptions,
  opts: { start?: number[]; source?: number[]; special?: SpecialTokens; signal?: AbortSignal } = {},
): Promise<Run> {
  const events: Omit<TokenEvent, 'text'>[] = [];
  const start = opts.start ?? [2];
  const res = await decode({
    model,
    start,
    countedStartLength: start.length,
    options,
    special: opts.special ?? { eosTokenIds: [EOS] },
    lookupSource: opts.source,
    signal: opts.signal,
    onToken: (e) => events.push(e),
  });
  return { res, events, model };
}

function expectSame(a: Run, b: Run): void {
  expect(a.res.sequences[0].ids).toEqual(b.res.sequences[0].ids);
  expect(a.res.stopReason).toBe(b.res.stopReason);
  expect(a.events).toEqual(b.events);
}

/** A deterministic shuffle. */
function shuffled<T>(xs: T[], seed: number): T[] {
  const a = xs.slice();
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe('findDrafts', () => {
  it('takes what follows the latest earlier occurrence of the longest matching tail n-gram', () => {
    // tail [7, 8]: occurs at source 1 (followed by 9, 4) and at source 5 (followed by 6): latest wins
    expect(findDrafts([1, 7, 8, 9, 4, 7, 8, 6, 5], [3, 7, 8], 3, 3)).toEqual([6, 5, 3]);
    // the trigram [1, 7, 8] beats the later bigram
    expect(findDrafts([1, 7, 8, 9, 4, 7, 8, 6, 5], [1, 7, 8], 2, 3)).toEqual([9, 4]);
    // matches in the generated ids count, and drafts stop at the end of the sequence
    expect(findDrafts([], [5, 6, 5], 4, 3)).toEqual([6, 5]);
    expect(findDrafts([1, 2, 3], [9], 3, 3)).toEqual([]);
    expect(findDrafts([4, 9, 9, 9], [9], 2, 1)).toEqual([9]);
  });

  it('the draft length adapts and drafting pauses after repeated misses', () => {
    const pl = new PromptLookup(6, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pl.propose([1], 100)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(pl.propose([1], 3)).toEqual([2, 3, 4]); // never beyond the room left
    pl.record(2, 6);
    expect(pl.propose([1], 100)).toHaveLength(5);
    pl.record(5, 5);
    expect(pl.propose([1], 100)).toHaveLength(6);
    for (let i = 0; i < 3; i++) pl.record(0, 1);
    for (let i = 0; i < 4; i++) expect(pl.propose([1], 100)).toEqual([]);
    expect(pl.propose([1], 100).length).toBeGreaterThan(0);
  });
});

describe('prompt-lookup decoding', () => {
  it('with right drafts (a plain greedy output as source) gives plain greedy with far fewer runs', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const mk = () => new VerifyingToyModel({ vocabSize: 300, seed, bias: { [EOS]: -100 } });
      const plain = await run(mk(), { max_new_tokens: 40, prompt_lookup_num_tokens: 0 });
      expect(plain.model.calls).toBe(40);
      expect(plain.res.stats).toEqual({ decoderRuns: 40, draftedTokens: 0, acceptedTokens: 0 });
      const source = [9, ...plain.res.sequences[0].ids, 11];
      const pl = await run(mk(), { max_new_tokens: 40, prompt_lookup_num_tokens: 8 }, { source });
      expectSame(pl, plain);
      const m = pl.model as VerifyingToyModel;
      expect(m.stepAllCalls).toBeGreaterThan(0);
      expect(m.runs).toBe(pl.res.stats!.decoderRuns);
      expect(m.runs).toBeLessThanOrEqual(12);
      expect(pl.res.stats!.acceptedTokens).toBeGreaterThanOrEqual(30);
      expect(pl.res.stats!.acceptedTokens + m.runs).toBe(40);
    }
  });

  it('with wrong or half-right drafts still gives plain greedy', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const V = 8 + (seed % 20);
      const mk = () => new VerifyingToyModel({ vocabSize: V, seed, bias: { [EOS]: -2 } });
      const plain = await run(mk(), { max_new_tokens: 30 });
      const out = plain.res.sequences[0].ids;
      const sources = [
        shuffled([...out, 1, 2, 3, 4, 5], seed), // right tokens, wrong order
        out.map((t, i) => (i % 2 ? (t + 1) % V : t)), // every other token wrong
        Array.from({ length: 50 }, (_, i) => (i * 7 + seed) % V),
      ];
      for (const source of sources) {
        const pl = await run(mk(), { max_new_tokens: 30, prompt_lookup_num_tokens: 1 + (seed % 7) }, { source });
        expectSame(pl, plain);
      }
    }
  });

  it('gives plain greedy with processors active (no-repeat n-gram, repetition penalty, min length, bad words, forced BOS/EOS)', async () => {
    const special: SpecialTokens = { eosTokenIds: [EOS, 1], forcedBosTokenId: 4, forcedEosTokenId: 1 };
    const option_sets: GenerationOptions[] = [
      { no_repeat_ngram_size: 3, max_new_tokens: 30 },
      { repetition_penalty: 1.4, max_new_tokens: 30 },
      { no_repeat_ngram_size: 2, repetition_penalty: 0.7, min_length: 20, max_length: 28 },
      { min_new_tokens: 12, bad_words_ids: [[5], [3, 6], [7, 7, 2]], max_new_tokens: 25 },
    ];
    let drafted = 0;
    let accepted = 0;
    for (let seed = 1; seed <= 30; seed++) {
      for (const o of option_sets) {
        const V = 10 + (seed % 5);
        const mk = () => new VerifyingToyModel({ vocabSize: V, seed, bias: { [EOS]: -0.5, 1: -0.5 } });
        const start = seed % 2 ? [2] : [2, 3, 4];
        const plain = await run(mk(), o, { start, special });
        const out = plain.res.sequences[0].ids;
        // The oracle source is plain greedy's own output; a shuffled one gives rejections too.
        for (const source of [[...start, ...out], shuffled(out, seed)]) {
          const pl = await run(mk(), { ...o, prompt_lookup_num_tokens: 5 }, { start, special, source });
          expectSame(pl, plain);
          drafted += pl.res.stats!.draftedTokens;
          accepted += pl.res.stats!.acceptedTokens;
        }
      }
    }
    // Both accepting and rejecting paths were exercised.
    expect(accepted).toBeGreaterThan(100);
    expect(drafted - accepted).toBeGreaterThan(100);
  });

  it('sums the same score as plain greedy with output_scores', async () => {
    const mk = () => new VerifyingToyModel({ vocabSize: 200, seed: 3, bias: { [EOS]: -100 } });
    const plain = await run(mk(), { max_new_tokens: 20, output_scores: true });
    const pl = await run(mk(), { max_new_tokens: 20, output_scores: true, prompt_lookup_num_tokens: 4 }, { source: plain.res.sequences[0].ids });
    expect(pl.res.stats!.acceptedTokens).toBeGreaterThan(10);
    expect(pl.res.sequences[0].score).toBeCloseTo(plain.res.sequences[0].score!, 4);
  });

  it('stops on EOS inside a verified run and never drafts past max_length', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const mk = () => new VerifyingToyModel({ vocabSize: 60, seed, bias: { [EOS]: 0.4 } });
      for (const max of [1, 2, 3, 7, 19]) {
        const plain = await run(mk(), { max_new_tokens: max });
        const pl = await run(mk(), { max_new_tokens: max, prompt_lookup_num_tokens: 10 }, { source: [7, ...plain.res.sequences[0].ids] });
        expectSame(pl, plain);
        const m = pl.model as VerifyingToyModel;
        // Fed positions never exceed the start plus max_length's room.
        expect(m.rows[0].length).toBeLessThanOrEqual(1 + max);
      }
    }
  });

  it('an abort during a verify run stops with the tokens before it, and no further runs', async () => {
    const mk = () => new VerifyingToyModel({ vocabSize: 300, seed: 4, bias: { [EOS]: -100 } });
    const plain = await run(mk(), { max_new_tokens: 40 });
    const model = mk();
    const ctl = new AbortController();
    let runsAtAbort = -1;
    model.onStepAll = (call) => {
      if (call === 2) {
        ctl.abort();
        runsAtAbort = model.runs;
      }
    };
    const pl = await run(model, { max_new_tokens: 40, prompt_lookup_num_tokens: 6 }, { source: plain.res.sequences[0].ids, signal: ctl.signal });
    expect(pl.res.stopReason).toBe('aborted');
    expect(model.runs).toBe(runsAtAbort);
    const got = pl.res.sequences[0].ids;
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(plain.res.sequences[0].ids.slice(0, got.length));
    expect(pl.events.flatMap((e) => e.ids)).toEqual(got);
  });

  it('an abort from onToken stops at that token even inside an accepted run', async () => {
    const mk = () => new VerifyingToyModel({ vocabSize: 300, seed: 6, bias: { [EOS]: -100 } });
    const plain = await run(mk(), { max_new_tokens: 30 });
    const ctl = new AbortController();
    const seen: number[] = [];
    const res = await decode({
      model: mk(),
      start: [2],
      countedStartLength: 1,
      options: { max_new_tokens: 30, prompt_lookup_num_tokens: 8 },
      special: { eosTokenIds: [EOS] },
      lookupSource: plain.res.sequences[0].ids,
      signal: ctl.signal,
      onToken: (e) => {
        seen.push(...e.ids);
        if (seen.length === 5) ctl.abort();
      },
    });
    expect(res.stopReason).toBe('aborted');
    expect(res.sequences[0].ids).toEqual(plain.res.sequences[0].ids.slice(0, 5));
  });

  it('costs a model that never copies only a few verify runs', async () => {
    const mk = () => new VerifyingToyModel({ vocabSize: 50, seed: 8, bias: { [EOS]: -100 } });
    const plain = await run(mk(), { max_new_tokens: 120 });
    // A source whose continuations are always wrong.
    const out = plain.res.sequences[0].ids;
    const source = out.flatMap((t) => [t, (t + 1) % 50]);
    const pl = await run(mk(), { max_new_tokens: 120, prompt_lookup_num_tokens: 5 }, { source });
    expectSame(pl, plain);
    const m = pl.model as VerifyingToyModel;
    expect(pl.res.stats!.acceptedTokens).toBeLessThan(10);
    // Pauses double (4, 8, 16, 32, ...): a handful of verifies over 120 tokens.
    expect(m.stepAllCalls).toBeLessThanOrEqual(20);
    expect(m.runs).toBeLessThanOrEqual(121);
  });

  it('is not used by beam search, sampling, or a model without stepAll', async () => {
    const toy = new ToyModel({ vocabSize: 40, seed: 2, bias: { [EOS]: -100 } });
    const plain = await run(toy, { max_new_tokens: 10, prompt_lookup_num_tokens: 4 }, { source: [1, 2, 3] });
    expect(plain.res.stats!.draftedTokens).toBe(0);
    const v = new VerifyingToyModel({ vocabSize: 40, seed: 2, bias: { [EOS]: -100 } });
    await run(v, { max_new_tokens: 10, do_sample: true, seed: 1 }, { source: plain.res.sequences[0].ids });
    expect(v.stepAllCalls).toBe(0);
    await expect(run(new VerifyingToyModel({ vocabSize: 40 }), { num_beams: 2, prompt_lookup_num_tokens: 3 })).rejects.toThrow(
      /prompt_lookup_num_tokens/,
    );
    // A model default with beams is just not used.
    const b = new VerifyingToyModel({ vocabSize: 40, seed: 2 });
    const res = await decode({
      model: b,
      start: [2],
      countedStartLength: 1,
      options: { num_beams: 2, max_new_tokens: 5 },
      defaults: { prompt_lookup_num_tokens: 3 },
      special: { eosTokenIds: [EOS] },
      lookupSource: [2, 3, 4],
    });
    expect(res.sequences[0].ids.length).toBeGreaterThan(0);
    expect(b.stepAllCalls).toBe(0);
  });
});
