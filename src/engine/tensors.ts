// Small tensor helpers over an injected ORT module. Everything here works for CPU tensors and,
// through getData(), for tensors that live on the GPU.
import type { OrtModule, OrtTensor } from './ort';

export type FloatType = 'float32' | 'float16';

export function int64Tensor(ort: OrtModule, values: ArrayLike<number>, dims: number[]): OrtTensor {
  const data = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = BigInt(values[i]);
  return new ort.Tensor('int64', data, dims);
}

export function int64Fill(ort: OrtModule, value: number, dims: number[]): OrtTensor {
  return new ort.Tensor('int64', new BigInt64Array(product(dims)).fill(BigInt(value)), dims);
}

export function boolScalar(ort: OrtModule, value: boolean): OrtTensor {
  return new ort.Tensor('bool', new Uint8Array([value ? 1 : 0]), [1]);
}

/** A zero-filled float tensor (used for the empty past of the first decoder step). */
export function floatZeros(ort: OrtModule, type: FloatType, dims: number[]): OrtTensor {
  const n = product(dims);
  return type === 'float16'
    ? new ort.Tensor('float16', new Uint16Array(n), dims)
    : new ort.Tensor('float32', new Float32Array(n), dims);
}

export function product(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

type RowArray = Float32Array | Uint16Array | BigInt64Array | Int32Array | Uint8Array;

/**
 * Rows of `t` picked by `rows` (dim 0 is the row/batch dim): the cache reorder of beam search and
 * the 1 -> N row expansion. Returns `t` itself when the selection is the identity.
 */
export async function gatherRows(ort: OrtModule, t: OrtTensor, rows: readonly number[]): Promise<OrtTensor> {
  const n = t.dims[0];
  if (rows.length === n && rows.every((r, i) => r === i)) return t;
  const src = (await t.getData()) as RowArray;
  const rowSize = n === 0 ? 0 : src.length / n;
  const out = new (src.constructor as new (length: number) => RowArray)(rowSize * rows.length);
  rows.forEach((r, i) => {
    if (r < 0 || r >= n) throw new RangeError(`row ${r} out of range 0..${n - 1}`);
    (out as Float32Array).set((src as Float32Array).subarray(r * rowSize, (r + 1) * rowSize), i * rowSize);
  });
  return new ort.Tensor(t.type as 'float32', out as Float32Array, [rows.length, ...t.dims.slice(1)]);
}

/** Logits of the last position of every row of a [rows, seq, vocab] (or [rows, vocab]) output. */
export async function lastLogits(t: OrtTensor): Promise<Float32Array[]> {
  const dims = t.dims;
  const seq = dims.length === 3 ? dims[1] : 1;
  return positionLogits(t, seq - 1, 1);
}

/**
 * Logits of `count` consecutive positions from `from` of every row of a [rows, seq, vocab] (or
 * [rows, vocab]) output, row-major: row r position p is element r * count + p. float32 data is
 * copied with one native slice per position (no per-element conversion); float16 is widened.
 */
export async function positionLogits(t: OrtTensor, from: number, count: number): Promise<Float32Array[]> {
  const dims = t.dims;
  const rows = dims[0];
  const vocab = dims[dims.length - 1];
  const seq = dims.length === 3 ? dims[1] : 1;
  if (from < 0 || count < 0 || from + count > seq) throw new RangeError(`positions ${from}..${from + count - 1} outside 0..${seq - 1}`);
  const data = await t.getData();
  const out: Float32Array[] = [];
  for (let r = 0; r < rows; r++) {
    for (let p = from; p < from + count; p++) {
      const start = (r * seq + p) * vocab;
      out.push(toFloat32(data as ArrayLike<number>, start, vocab, t.type));
    }
  }
  return out;
}

function toFloat32(data: ArrayLike<number>, start: number, len: number, type: string): Float32Array {
  // A copy, never a view: ORT may reuse the output buffer, and callers keep the rows.
  if (data instanceof Float32Array) return data.slice(start, start + len);
  const out = new Float32Array(len);
  if (type === 'float16' && data instanceof Uint16Array) {
    for (let i = 0; i < len; i++) out[i] = halfToFloat(data[start + i]);
  } else {
    for (let i = 0; i < len; i++) out[i] = Number(data[start + i]);
  }
  return out;
}

/** IEEE 754 binary16 bits to a number (ORT hands float16 data out as Uint16Array). */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

/** Releases a tensor's data (frees the GPU buffer for 'gpu-buffer' tensors); safe to call twice. */
export function release(t: OrtTensor | undefined): void {
  if (!t) return;
  try {
    if (t.location === 'gpu-buffer') t.dispose();
  } catch {
    // Already disposed: nothing left to free.
  }
}
