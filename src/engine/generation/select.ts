// Selection primitives for the decoding hot loop. Nothing here sorts a whole vocabulary: a
// bounded heap keeps only the few best candidates, which is all any search needs.

export type Scores = Float32Array | Float64Array;

/**
 * Index of the first maximum. Strict `>` matches transformers.js `max()`, so ties go to the
 * lowest token id and greedy output agrees with the reference token for token.
 */
export function argmax(a: Scores): number {
  let best = a[0];
  let idx = 0;
  for (let i = 1; i < a.length; i++) {
    if (a[i] > best) {
      best = a[i];
      idx = i;
    }
  }
  return idx;
}

/** log(sum(exp(a))) computed against the maximum so large logits cannot overflow. */
export function logSumExp(a: Scores, scale = 1): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  if (m === -Infinity || Number.isNaN(m)) return m;
  if (m === Infinity) return Infinity;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.exp((a[i] - m) * scale);
  return m * scale + Math.log(sum);
}

/**
 * Keeps the `capacity` best (value, id) pairs seen. Better means larger value, then smaller id,
 * so results are deterministic under ties. Reusable: call reset() between uses.
 */
export class TopK {
  private values: Float64Array;
  private ids: Int32Array;
  private count = 0;

  constructor(private cap: number) {
    this.values = new Float64Array(Math.max(1, cap));
    this.ids = new Int32Array(Math.max(1, cap));
  }

  get size(): number {
    return this.count;
  }

  get capacity(): number {
    return this.cap;
  }

  /** Empties the heap; a new capacity grows the buffers only when needed. */
  reset(capacity = this.cap): void {
    if (capacity > this.values.length) {
      this.values = new Float64Array(capacity);
      this.ids = new Int32Array(capacity);
    }
    this.cap = capacity;
    this.count = 0;
  }

  /** Smallest value currently kept, or -Infinity while the heap is not full (a cheap pre-filter). */
  get threshold(): number {
    return this.count < this.cap ? -Infinity : this.values[0];
  }

  push(value: number, id: number): void {
    const v = this.values;
    const ids = this.ids;
    if (this.count < this.cap) {
      // sift up
      let i = this.count++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!worse(value, id, v[p], ids[p])) break;
        v[i] = v[p];
        ids[i] = ids[p];
        i = p;
      }
      v[i] = value;
      ids[i] = id;
      return;
    }
    if (this.cap === 0 || !worse(v[0], ids[0], value, id)) return;
    // replace the root (the worst kept) and sift down
    this.siftDown(value, id, this.count);
  }

  /** Writes the kept pairs best-first into the given arrays; returns how many. Empties the heap. */
  drainSorted(outValues: Float64Array | number[], outIds: Int32Array | number[]): number {
    const n = this.count;
    // Heap-pop the worst into the back of the output.
    for (let k = n - 1; k >= 0; k--) {
      outValues[k] = this.values[0];
      outIds[k] = this.ids[0];
      this.popRoot();
    }
    return n;
  }

  private popRoot(): void {
    const v = this.values;
    const ids = this.ids;
    const n = --this.count;
    if (n === 0) return;
    this.siftDown(v[n], ids[n], n);
  }

  /** Places (value, id) at the root of the first n slots and restores the heap order. */
  private siftDown(value: number, id: number, n: number): void {
    const v = this.values;
    const ids = this.ids;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && worse(v[r], ids[r], v[l], ids[l])) c = r;
      if (!worse(v[c], ids[c], value, id)) break;
      v[i] = v[c];
      ids[i] = ids[c];
      i = c;
    }
    v[i] = value;
    ids[i] = id;
  }
}

/** True when (va, ia) ranks below (vb, ib). */
function worse(va: number, ia: number, vb: number, ib: number): boolean {
  return va < vb || (va === vb && ia > ib);
}
