// KvCache.reorder: rows follow their parents, and entries whose rows are all copies of one row
// (the cross-attention cache after a 1 -> N beam expansion) are not gathered again.
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { KvCache } from './kvCache';
import type { OrtTensor } from './ort';

/** [rows, 1, len, 2] whose row r holds r * 10 + i. */
function rowsTensor(rows: number, len = 2, base = 0): OrtTensor {
  const per = len * 2;
  const d = new Float32Array(rows * per);
  for (let r = 0; r < rows; r++) for (let i = 0; i < per; i++) d[r * per + i] = base + r * 10 + i;
  return new ort.Tensor('float32', d, [rows, 1, len, 2]);
}

const SELF = 'past_key_values.0.decoder.key';
const CROSS = 'past_key_values.0.encoder.key';
const rowOf = async (t: OrtTensor, r: number) => {
  const d = (await t.getData()) as Float32Array;
  const per = d.length / t.dims[0];
  return [...d.subarray(r * per, (r + 1) * per)];
};

describe('KvCache.reorder', () => {
  it('gathers rows by parent, and leaves identical-row entries alone when the row count stays', async () => {
    const cache = new KvCache(ort);
    // First step: one row of each.
    cache.update({ 'present.0.decoder.key': rowsTensor(1), 'present.0.encoder.key': rowsTensor(1, 5, 100) }, [SELF, CROSS]);
    // 1 -> 3 expansion: every entry becomes three copies of row 0.
    await cache.reorder([0, 0, 0]);
    const cross = cache.feeds()[CROSS];
    expect(cross.dims).toEqual([3, 1, 5, 2]);
    for (const r of [0, 1, 2]) expect(await rowOf(cross, r)).toEqual(await rowOf(rowsTensor(1, 5, 100), 0));
    // The next step replaces the self-attention cache with distinct rows; the cross cache stays.
    cache.update({ 'present.0.decoder.key': rowsTensor(3, 3) }, [SELF]);
    for (const parents of [
      [2, 0, 1],
      [1, 1, 0],
      [0, 2, 2],
    ]) {
      const before = cache.feeds();
      const selfRows = await Promise.all(parents.map((p) => rowOf(before[SELF], p)));
      await cache.reorder(parents);
      const after = cache.feeds();
      // The cross-attention entry is the very same tensor: not copied.
      expect(after[CROSS]).toBe(cross);
      for (let r = 0; r < 3; r++) expect(await rowOf(after[SELF], r)).toEqual(selfRows[r]);
      cache.update({ 'present.0.decoder.key': after[SELF] }, [SELF]);
    }
    // A change of row count still gives the right shape (copies of the one row).
    await cache.reorder([0, 1]);
    expect(cache.feeds()[CROSS].dims).toEqual([2, 1, 5, 2]);
    expect(await rowOf(cache.feeds()[CROSS], 1)).toEqual(await rowOf(cross, 0));
    cache.dispose();
  });

  it('still gathers entries with distinct rows', async () => {
    const cache = new KvCache(ort);
    cache.update({ 'present.0.encoder.key': rowsTensor(3) }, [CROSS]);
    const t = cache.feeds()[CROSS];
    await cache.reorder([2, 2, 0]);
    const g = cache.feeds()[CROSS];
    expect(g).not.toBe(t);
    expect(await rowOf(g, 0)).toEqual(await rowOf(t, 2));
    expect(await rowOf(g, 2)).toEqual(await rowOf(t, 0));
    // All rows now come from parent 2: identical, so the next same-size reorder is skipped.
    await cache.reorder([2, 2, 2]);
    const h = cache.feeds()[CROSS];
    await cache.reorder([1, 0, 2]);
    expect(cache.feeds()[CROSS]).toBe(h);
  });
});
