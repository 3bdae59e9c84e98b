// DensePassageIndex over a fake embedder (a bag of letters, not normalised), so ranking, batching,
// progress, cancellation and the checks run without a model; test/reference/embedding-parity.test.ts
// runs it on the real all-MiniLM-L6-v2.
import { describe, expect, it } from 'vitest';
import type { TextEmbedder } from '../../engine/types';
import { DensePassageIndex } from './dense';

/** Counts of a, b, c in the text: "aab" -> [2, 1, 0]. Records the batches it was given. */
function letters(): TextEmbedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    backend: 'wasm',
    dimensions: 3,
    maxInputTokens: 256,
    calls,
    async embed(texts: string[], signal?: AbortSignal) {
      signal?.throwIfAborted();
      calls.push(texts);
      return texts.map((t) => Float32Array.from(['a', 'b', 'c'].map((ch) => [...t].filter((x) => x === ch).length)));
    },
    async dispose() {},
  };
}

const PASSAGES = [
  { id: 10, text: 'aaaa' },
  { id: 11, text: 'bbbb' },
  { id: 12, text: 'ab' },
  { id: 13, text: 'cc' },
  { id: 14, text: 'aaaaaaab' },
];

describe('DensePassageIndex', () => {
  it('ranks by cosine, whatever the vectors\' lengths, best first with the passages\' ids', async () => {
    const index = await DensePassageIndex.build(PASSAGES, letters());
    expect(index.size).toBe(5);
    const hits = await index.search('a', 3);
    expect(hits.map((h) => h.id)).toEqual([10, 14, 12]);
    expect(hits[0].score).toBeCloseTo(1, 6);
    expect(hits[2].score).toBeCloseTo(Math.SQRT1_2, 6);
    expect((await index.search('c', 1))[0]).toEqual({ id: 13, score: expect.closeTo(1, 6) });
  });

  it('breaks ties by the lower id and returns at most k (all when k is larger)', async () => {
    const index = await DensePassageIndex.build([{ id: 5, text: 'ab' }, { id: 2, text: 'ba' }, { id: 9, text: 'c' }], letters());
    expect((await index.search('ab', 10)).map((h) => h.id)).toEqual([2, 5, 9]);
    expect(await index.search('ab', 0)).toEqual([]);
  });

  it('embeds in batches and reports progress after each', async () => {
    const fake = letters();
    const progress: [number, number][] = [];
    await DensePassageIndex.build(PASSAGES, fake, { batchSize: 2, onProgress: (d, t) => progress.push([d, t]) });
    expect(fake.calls).toEqual([['aaaa', 'bbbb'], ['ab', 'cc'], ['aaaaaaab']]);
    expect(progress).toEqual([[0, 5], [2, 5], [4, 5], [5, 5]]);
  });

  it('stops when aborted between batches', async () => {
    const ctl = new AbortController();
    const fake = letters();
    const build = DensePassageIndex.build(PASSAGES, fake, { batchSize: 2, signal: ctl.signal, onProgress: (d) => d === 2 && ctl.abort(new Error('cancelled')) });
    await expect(build).rejects.toThrow('cancelled');
    expect(fake.calls.length).toBe(1);
  });

  it('scores a zero vector 0 against everything instead of NaN', async () => {
    const index = await DensePassageIndex.build([{ id: 0, text: 'zzz' }, { id: 1, text: 'a' }], letters());
    const hits = await index.search('a', 2);
    expect(hits).toEqual([{ id: 1, score: expect.closeTo(1, 6) }, { id: 0, score: 0 }]);
    expect(index.searchVector(new Float32Array(3), 1)[0].score).toBe(0);
  });

  it('refuses duplicate ids and vectors of the wrong size', async () => {
    await expect(DensePassageIndex.build([{ id: 1, text: 'a' }, { id: 1, text: 'b' }], letters())).rejects.toThrow(/id 1 occurs twice/);
    const wrong = { ...letters(), embed: async (t: string[]) => t.map(() => new Float32Array(2)) };
    await expect(DensePassageIndex.build([{ id: 1, text: 'a' }], wrong)).rejects.toThrow(/2 values, expected 3/);
  });

  it('is empty over no passages', async () => {
    const index = await DensePassageIndex.build([], letters());
    expect(await index.search('a', 5)).toEqual([]);
  });
});
