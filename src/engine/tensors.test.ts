// Logits extraction: right positions, copies (not views of ORT's buffer), fp16 widened, and the
// float32 path done with one native slice per row instead of a per-element loop.
import * as ort from 'onnxruntime-web';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { halfToFloat, lastLogits, positionLogits } from './tensors';

/** [rows, seq, vocab] with element (r, p, v) = r * 100 + p * 10 + v. */
function logits(rows: number, seq: number, vocab: number): Float32Array {
  const d = new Float32Array(rows * seq * vocab);
  for (let r = 0; r < rows; r++) for (let p = 0; p < seq; p++) for (let v = 0; v < vocab; v++) d[(r * seq + p) * vocab + v] = r * 100 + p * 10 + v;
  return d;
}

function floatToHalf(x: number): number {
  // Exact for the small integers used here.
  const f = new Float32Array([x]);
  const b = new Uint32Array(f.buffer)[0];
  const sign = (b >>> 16) & 0x8000;
  const exp = ((b >>> 23) & 0xff) - 127 + 15;
  if ((b & 0x7fffffff) === 0) return sign;
  return sign | (exp << 10) | ((b >>> 13) & 0x3ff);
}

afterEach(() => vi.restoreAllMocks());

describe('lastLogits', () => {
  it('returns the last position of every row of [rows, seq, vocab] and of [rows, vocab]', async () => {
    const rows = await lastLogits(new ort.Tensor('float32', logits(2, 3, 4), [2, 3, 4]));
    expect(rows.map((r) => [...r])).toEqual([
      [20, 21, 22, 23],
      [120, 121, 122, 123],
    ]);
    const flat = await lastLogits(new ort.Tensor('float32', logits(2, 1, 3), [2, 3]));
    expect(flat.map((r) => [...r])).toEqual([
      [0, 1, 2],
      [100, 101, 102],
    ]);
  });

  it('copies float32 rows with one native slice each (no per-element conversion), never a view', async () => {
    const data = logits(3, 2, 5);
    const spy = vi.spyOn(Float32Array.prototype, 'slice');
    const rows = await lastLogits(new ort.Tensor('float32', data, [3, 2, 5]));
    expect(spy).toHaveBeenCalledTimes(3);
    data.fill(-1); // ORT may reuse its output buffer: the rows must not change
    expect([...rows[2]]).toEqual([210, 211, 212, 213, 214]);
    expect(rows[0].buffer).not.toBe(data.buffer);
  });

  it('widens float16 data exactly', async () => {
    const src = logits(2, 2, 3);
    const half = Uint16Array.from(src, floatToHalf);
    expect(halfToFloat(half[5])).toBe(src[5]);
    const rows = await lastLogits(new ort.Tensor('float16', half, [2, 2, 3]));
    expect(rows.map((r) => [...r])).toEqual([
      [10, 11, 12],
      [110, 111, 112],
    ]);
    expect(rows[0]).toBeInstanceOf(Float32Array);
  });
});

describe('positionLogits', () => {
  it('returns consecutive positions of every row, row-major', async () => {
    const rows = await positionLogits(new ort.Tensor('float32', logits(2, 4, 2), [2, 4, 2]), 1, 3);
    expect(rows.map((r) => [...r])).toEqual([
      [10, 11],
      [20, 21],
      [30, 31],
      [110, 111],
      [120, 121],
      [130, 131],
    ]);
    await expect(positionLogits(new ort.Tensor('float32', logits(1, 2, 2), [1, 2, 2]), 1, 2)).rejects.toThrow(RangeError);
  });
});
