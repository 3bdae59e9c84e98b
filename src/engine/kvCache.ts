// The KV cache between decoder steps: past_key_values.* tensors named as in Optimum exports,
// reordered by row for beam search, with GPU-resident tensors released as soon as they are replaced.
import type { OrtModule, OrtTensor } from './ort';
import { floatZeros, gatherRows, release, type FloatType } from './tensors';

/** Cache entry names of one layer: seq2seq has self ("decoder") and cross ("encoder") attention. */
export function seq2seqPastNames(layers: number, which: 'decoder' | 'encoder' | 'both'): string[] {
  const parts = which === 'both' ? ['decoder', 'encoder'] : [which];
  const out: string[] = [];
  for (let i = 0; i < layers; i++) {
    for (const p of parts) out.push(`past_key_values.${i}.${p}.key`, `past_key_values.${i}.${p}.value`);
  }
  return out;
}

export function causalPastNames(layers: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < layers; i++) out.push(`past_key_values.${i}.key`, `past_key_values.${i}.value`);
  return out;
}

export function presentName(pastName: string): string {
  return pastName.replace(/^past_key_values\./, 'present.');
}

/** Layer indexes named by past_key_values.N.* inputs (or present.N.* outputs) of a graph. */
export function cacheLayerIndexes(names: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const n of names) {
    const m = /^(?:past_key_values|present)\.(\d+)\./.exec(n);
    if (m) out.add(Number(m[1]));
  }
  return out;
}

export class KvCache {
  private entries = new Map<string, OrtTensor>();
  /** Entries known to hold one row repeated (every row a copy of row 0). */
  private uniform = new Set<string>();
  /** Sequence length the self-attention cache holds. */
  length = 0;

  constructor(private readonly ort: OrtModule) {}

  get rows(): number {
    const first = this.entries.values().next().value;
    return first ? first.dims[0] : 0;
  }

  get isEmpty(): boolean {
    return this.entries.size === 0;
  }

  /** Zero-length past ([rows, heads, 0, headDim]) for the first step of a graph that needs one. */
  fillEmpty(names: readonly string[], rows: number, heads: number, headDim: number, type: FloatType): void {
    for (const n of names) {
      this.entries.set(n, floatZeros(this.ort, type, [rows, heads, 0, headDim]));
      this.uniform.add(n);
    }
  }

  feeds(): Record<string, OrtTensor> {
    return Object.fromEntries(this.entries);
  }

  /** Takes present.* outputs for `names` as the next past, releasing what they replace. */
  update(outputs: Record<string, OrtTensor>, names: readonly string[]): void {
    for (const n of names) {
      const t = outputs[presentName(n)];
      if (!t) throw new Error(`graph produced no ${presentName(n)}`);
      const old = this.entries.get(n);
      if (old !== t) release(old);
      this.entries.set(n, t);
      if (t.dims[0] === 1) this.uniform.add(n);
      else this.uniform.delete(n);
    }
  }

  /**
   * Row r of the new cache continues row parents[r] of the old one (beam search, 1 -> N expansion).
   * Entries whose rows are all copies of one row (every entry after a 1 -> N expansion until the
   * next step replaces it; the seq2seq cross-attention cache for good, since it is never
   * replaced) are left alone when the row count does not change: any reorder of identical rows
   * is the same tensor. That saves copying (on WebGPU: downloading and re-uploading) the whole
   * cross-attention cache on every beam step.
   */
  async reorder(parents: readonly number[]): Promise<void> {
    const next = new Map<string, OrtTensor>();
    const sameParent = parents.every((p) => p === parents[0]);
    for (const [n, t] of this.entries) {
      const n0 = t.dims[0];
      if (this.uniform.has(n) && parents.length === n0) {
        next.set(n, t);
        continue;
      }
      // Identical rows: any parent gives the same row, row 0 is always in range.
      const g = await gatherRows(this.ort, t, this.uniform.has(n) ? parents.map(() => 0) : parents);
      if (g !== t) release(t);
      next.set(n, g);
      if (this.uniform.has(n) || n0 === 1 || sameParent) this.uniform.add(n);
    }
    this.entries = next;
  }

  /**
   * Drops the last `positions` sequence positions of the `names` entries ([rows, heads, seq, dim]):
   * rejected prompt-lookup drafts. GPU-resident entries are read back and re-uploaded on the next
   * run, which only rejections pay for.
   */
  async truncate(names: readonly string[], positions: number): Promise<void> {
    if (!Number.isInteger(positions) || positions < 0 || positions > this.length) {
      throw new RangeError(`cannot drop ${positions} of ${this.length} cached positions`);
    }
    if (positions === 0) return;
    for (const n of names) {
      const t = this.entries.get(n);
      if (!t) throw new Error(`no cache entry ${n}`);
      const [rows, heads, seq, dim] = t.dims;
      const keep = seq - positions;
      const src = (await t.getData()) as Float32Array;
      const out = new (src.constructor as new (length: number) => Float32Array)(rows * heads * keep * dim);
      for (let b = 0; b < rows * heads; b++) out.set(src.subarray(b * seq * dim, (b * seq + keep) * dim), b * keep * dim);
      release(t);
      this.entries.set(n, new this.ort.Tensor(t.type as 'float32', out, [rows, heads, keep, dim]));
    }
    this.length -= positions;
  }

  dispose(): void {
    for (const t of this.entries.values()) release(t);
    this.entries.clear();
    this.uniform.clear();
    this.length = 0;
  }
}
