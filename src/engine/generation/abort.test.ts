import { describe, expect, it } from 'vitest';
import type { GenerationOptions } from '../types';
import { decode } from './decode';
import { ToyModel } from './testing/toy-model';

const modes: Record<string, GenerationOptions> = {
  greedy: {},
  sample: { do_sample: true, seed: 3 },
  beam: { num_beams: 3 },
};

describe('abort', () => {
  for (const [name, mode] of Object.entries(modes)) {
    it(`${name}: an abort between steps makes no further step calls`, async () => {
      const model = new ToyModel({ vocabSize: 9, seed: 2, bias: { 0: -20 } });
      const ctl = new AbortController();
      let callsAtAbort = -1;
      model.onStep = (call) => {
        if (call === 4) {
          ctl.abort();
          callsAtAbort = call;
        }
      };
      const res = await decode({
        model,
        start: [1],
        countedStartLength: 1,
        options: { ...mode, max_new_tokens: 50 },
        special: { eosTokenIds: [0] },
        signal: ctl.signal,
      });
      expect(res.stopReason).toBe('aborted');
      // The step in flight when the signal fired is the last one.
      expect(model.calls - callsAtAbort).toBe(0);
      // Tokens of the steps completed before the abort are kept.
      expect(res.sequences[0].ids.length).toBe(3);
    });
  }

  it('an abort from onToken stops before the next step', async () => {
    const model = new ToyModel({ vocabSize: 9, seed: 2, bias: { 0: -20 } });
    const ctl = new AbortController();
    const res = await decode({
      model,
      start: [1],
      countedStartLength: 1,
      options: { max_new_tokens: 50 },
      special: { eosTokenIds: [0] },
      signal: ctl.signal,
      onToken: (e) => e.step === 5 && ctl.abort(),
    });
    expect(res).toMatchObject({ stopReason: 'aborted' });
    expect(res.sequences[0].ids).toHaveLength(5);
    expect(model.calls).toBe(5);
  });

  it('a runner that rejects on abort yields an aborted result, other errors propagate', async () => {
    const ctl = new AbortController();
    let calls = 0;
    const model = {
      vocabSize: 5,
      async step() {
        calls++;
        if (calls === 3) {
          ctl.abort();
          throw new DOMException('aborted', 'AbortError');
        }
        return [Float32Array.from([0, 1, 2, 3, 4])];
      },
    };
    const res = await decode({ model, start: [1], countedStartLength: 1, options: { max_new_tokens: 9 }, special: { eosTokenIds: [0] }, signal: ctl.signal });
    expect(res.stopReason).toBe('aborted');
    expect(res.sequences[0].ids).toEqual([4, 4]);
    const broken = { vocabSize: 5, step: async () => Promise.reject(new Error('GPU lost')) };
    await expect(decode({ model: broken, start: [1], countedStartLength: 1, options: {}, special: { eosTokenIds: [0] } })).rejects.toThrow('GPU lost');
  });

  it('an already aborted signal makes no step call', async () => {
    const model = new ToyModel({ vocabSize: 5 });
    const res = await decode({ model, start: [1], countedStartLength: 1, options: { num_beams: 2 }, special: { eosTokenIds: [0] }, signal: AbortSignal.abort() });
    expect(res).toEqual({ sequences: [{ ids: [], score: 0 }], stopReason: 'aborted' });
    expect(model.calls).toBe(0);
  });
});
