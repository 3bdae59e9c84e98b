import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TokenEvent } from '../types';
import { decode } from './decode';
import { ToyModel } from './testing/toy-model';

const EOS = 0;

/** Independent greedy: argmax of the toy table, first index on ties. */
function referenceGreedy(model: ToyModel, start: number[], maxNew: number): number[] {
  const seq = start.slice();
  const out: number[] = [];
  for (let i = 0; i < maxNew; i++) {
    const l = model.logitsFor(seq);
    let best = 0;
    for (let t = 1; t < l.length; t++) if (l[t] > l[best]) best = t;
    out.push(best);
    seq.push(best);
    if (best === EOS) break;
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('greedy decoding', () => {
  it('computes no full-vocabulary log-sum-exp (no score) unless output_scores is set', async () => {
    const run = (output_scores?: boolean) =>
      decode({
        model: new ToyModel({ vocabSize: 50, seed: 5, bias: { [EOS]: -100 } }),
        start: [2],
        countedStartLength: 1,
        options: { max_new_tokens: 6, output_scores },
        special: { eosTokenIds: [EOS] },
      });
    const exp = vi.spyOn(Math, 'exp');
    const plain = await run();
    expect(exp).not.toHaveBeenCalled();
    expect(plain.sequences[0]).not.toHaveProperty('score');
    const withScores = await run(true);
    expect(exp.mock.calls.length).toBeGreaterThanOrEqual(6 * 50);
    expect(withScores.sequences[0].ids).toEqual(plain.sequences[0].ids);
    expect(withScores.sequences[0].score).toBeLessThan(0);
  });


  it('matches an independent argmax loop and streams every token', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const model = new ToyModel({ vocabSize: 7, seed, bias: { [EOS]: -1 } });
      const events: Omit<TokenEvent, 'text'>[] = [];
      const res = await decode({
        model,
        start: [2],
        countedStartLength: 1,
        options: { max_new_tokens: 12, output_scores: true },
        special: { eosTokenIds: [EOS] },
        onToken: (e) => events.push(e),
      });
      const want = referenceGreedy(new ToyModel({ vocabSize: 7, seed, bias: { [EOS]: -1 } }), [2], 12);
      expect(res.sequences[0].ids).toEqual(want);
      expect(res.stopReason).toBe(want.at(-1) === EOS ? 'eos' : 'length');
      expect(events.flatMap((e) => e.ids)).toEqual(want);
      expect(events.map((e) => e.step)).toEqual(want.map((_, i) => i + 1));
      expect(res.sequences[0].score).toBeCloseTo(model.logProb([2], want), 4);
      // one step per generated token, one row each
      expect(model.calls).toBe(want.length);
    }
  });

  it('counts max_length from the counted start tokens; max_new_tokens wins', async () => {
    const model = () => new ToyModel({ vocabSize: 6, seed: 3, bias: { [EOS]: -100 } });
    const run = (options: object, counted: number) =>
      decode({ model: model(), start: [1, 2, 3], countedStartLength: counted, options, special: { eosTokenIds: [EOS] } });
    expect((await run({ max_length: 8 }, 3)).sequences[0].ids).toHaveLength(5);
    expect((await run({ max_length: 8 }, 1)).sequences[0].ids).toHaveLength(7);
    expect((await run({ max_length: 8, max_new_tokens: 2 }, 3)).sequences[0].ids).toHaveLength(2);
    const r = await run({ max_length: 8 }, 3);
    expect(r.stopReason).toBe('length');
  });

  it('uses generation_config defaults under the caller options', async () => {
    const mk = () => new ToyModel({ vocabSize: 6, seed: 4, bias: { [EOS]: -100 } });
    const res = await decode({
      model: mk(),
      start: [1],
      countedStartLength: 1,
      defaults: { max_length: 5, num_beams: 1 },
      options: {},
      special: { eosTokenIds: [EOS] },
    });
    expect(res.sequences[0].ids).toHaveLength(4);
    const res2 = await decode({
      model: mk(),
      start: [1],
      countedStartLength: 1,
      defaults: { max_length: 5 },
      options: { max_length: 3 },
      special: { eosTokenIds: [EOS] },
    });
    expect(res2.sequences[0].ids).toHaveLength(2);
  });
});
