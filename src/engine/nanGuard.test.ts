// The NaN/inf guard: logits that are not finite (a float16 overflow) make the step run again on a
// safer dtype's backbone, whose cache is rebuilt from the history, or fail with a message that
// names the dtype; a NaN never reaches argmax or the beam scores.
import { describe, expect, it } from 'vitest';
import type { Backbone, Runner } from './backbone';
import { NonFiniteLogitsError, ResilientStepModel, allFinite, type FallbackHost } from './fallback';

const VOCAB = 4;

/** A backbone whose runners answer `logit(call)` at token r+1 of row r and record what they were fed. */
function fakeBackbone(dtype: string, logit: number | ((call: number) => number), fed: number[][][] = []): Backbone {
  let calls = 0;
  const runner: Runner = {
    vocabSize: VOCAB,
    canVerify: true,
    step: async (tokens) => {
      fed.push(tokens);
      const v = typeof logit === 'number' ? logit : logit(++calls);
      return tokens.map((_, r) => Float32Array.from({ length: VOCAB }, (_, i) => (i === r + 1 ? v : 0)));
    },
    stepAll: async () => [],
    rollback: async () => {},
    dispose: () => {},
  };
  return { dtype, runtime: { backend: 'wasm' }, startRunner: async () => runner, dispose: async () => {} } as unknown as Backbone;
}

describe('allFinite', () => {
  it('finds NaN and both infinities anywhere in any row', () => {
    expect(allFinite([new Float32Array([1, -2, 3e38])])).toBe(true);
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(allFinite([new Float32Array([0, 1]), new Float32Array([2, bad, 3])])).toBe(false);
    }
  });
});

describe('ResilientStepModel with non-finite logits', () => {
  it('moves to the safer dtype, replays the history there and returns its finite logits', async () => {
    const safeFed: number[][][] = [];
    const half = fakeBackbone('fp16', (call) => (call === 2 ? NaN : 1)); // the second step overflows
    const safe = fakeBackbone('fp32', 5, safeFed);
    let current = half;
    const reasons: string[] = [];
    const host: FallbackHost = {
      current: () => current,
      fallBack: async () => current,
      saferDtype: async (why) => {
        reasons.push(why);
        return (current = safe);
      },
    };
    const m = await ResilientStepModel.start(host, [], VOCAB);
    expect(allFinite(await m.step([[7, 8, 9]], null))).toBe(true);
    const second = await m.step([[1]], [0]);
    expect(Array.from(second[0])).toEqual([0, 5, 0, 0]);
    expect(reasons).toEqual(['the fp16 weights produced NaN/inf logits']);
    // The safer backbone got the history first, then the step that overflowed.
    expect(safeFed).toEqual([[[7, 8, 9]], [[1]]]);
    expect(Array.from((await m.step([[2]], [0]))[0])).toEqual([0, 5, 0, 0]);
    expect(safeFed.at(-1)).toEqual([[2]]);
  });

  it('fails with a message naming the dtype when there is nothing safer', async () => {
    const nan = fakeBackbone('q4f16', NaN);
    const host: FallbackHost = { current: () => nan, fallBack: async () => nan, saferDtype: async () => undefined };
    const m = await ResilientStepModel.start(host, [], VOCAB);
    const err = await m.step([[1, 2]], null).catch((e) => e);
    expect(err).toBeInstanceOf(NonFiniteLogitsError);
    expect(err.message).toMatch(/q4f16 weights produced invalid numbers.*fp32 or q8/);
  });

  it('fails when the safer weights overflow too, naming those', async () => {
    const a = fakeBackbone('fp16', Infinity);
    const b = fakeBackbone('fp32', NaN);
    let current = a;
    const host: FallbackHost = { current: () => current, fallBack: async () => current, saferDtype: async () => (current = b) };
    const m = await ResilientStepModel.start(host, [], VOCAB);
    await expect(m.step([[1]], null)).rejects.toThrow(/The fp32 weights produced invalid numbers/);
  });
});
