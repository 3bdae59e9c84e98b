// The worker's per-summary timings: decoder runs and prompt-lookup counters are summed over the
// generate() calls of a summary (map-reduce makes several), and absent when no call reports them.
import { describe, expect, it } from 'vitest';
import type { GenerationResult, GenerationTimings, TextGenerator } from '../engine/types';
import { ObservedGenerator } from './observedGenerator';

function fake(timings: Partial<GenerationTimings>[]): TextGenerator {
  let i = 0;
  return {
    kind: 'seq2seq',
    backend: 'wasm',
    maxInputTokens: 512,
    defaults: {},
    countTokens: (t: string) => t.length,
    async generate(): Promise<GenerationResult> {
      const t = timings[i++];
      return { ids: [1], text: 'x', sequences: [], stopReason: 'eos', backend: 'wasm', timings: { encodeMs: 1, firstTokenMs: 1, totalMs: 2, newTokens: 1, tokensPerSecond: 1, ...t } } as GenerationResult;
    },
    async dispose() {},
  } as unknown as TextGenerator;
}

describe('ObservedGenerator.timings', () => {
  it('sums decoderRuns, draftedTokens and acceptedTokens over the calls', async () => {
    const g = new ObservedGenerator(fake([{ decoderRuns: 10, draftedTokens: 8, acceptedTokens: 5 }, { decoderRuns: 4, draftedTokens: 2, acceptedTokens: 0 }]));
    g.reset(0);
    await g.generate('a', {});
    await g.generate('b', {});
    expect(g.timings(100)).toMatchObject({ decoderRuns: 14, draftedTokens: 10, acceptedTokens: 5 });
  });

  it('leaves them out when no call reports them', async () => {
    const g = new ObservedGenerator(fake([{}]));
    g.reset(0);
    await g.generate('a', {});
    const t = g.timings(100)!;
    expect('draftedTokens' in t || 'acceptedTokens' in t || 'decoderRuns' in t).toBe(false);
  });
});
