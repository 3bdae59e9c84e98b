// Multinomial sampling with HF Python's warpers in HF order: temperature, top-k, top-p.
// (transformers.js only applies temperature and top-k; greedy parity does not depend on this.)
// Top-k/top-p never sort the vocabulary: a bounded heap picks the few candidates needed.
import type { ResolvedOptions } from './options';
import type { Rng } from './rng';
import { TopK } from './select';

export interface Sampled {
  token: number;
  /** Log-probability of the token under the distribution actually sampled from. */
  logProb: number;
}

const FIRST_TOP_P_BATCH = 64;
/** Log-probability buckets for the whole-vocabulary nucleus: 1024 buckets of 1/32 nat. */
const BUCKETS = 1024;
const BUCKET_SCALE = 32;

export class Sampler {
  private readonly heap = new TopK(FIRST_TOP_P_BATCH);
  private candValues = new Float64Array(FIRST_TOP_P_BATCH);
  private candIds = new Int32Array(FIRST_TOP_P_BATCH);
  private readonly invT: number;
  private readonly bucketMass = new Float64Array(BUCKETS);
  private crossing: number[] = [];

  constructor(
    private readonly opts: Pick<ResolvedOptions, 'temperature' | 'topK' | 'topP'>,
    private readonly vocabSize: number,
    private readonly rng: Rng,
  ) {
    this.invT = 1 / opts.temperature;
  }

  sample(logits: Float32Array): Sampled {
    const V = this.vocabSize;
    const { topK, topP } = this.opts;
    if ((topK === 0 || topK >= V) && topP >= 1) return this.sampleAll(logits);
    if (topK > 0 && topK < V) {
      const n = this.collect(logits, topK);
      // top-k renormalises over the kept tokens; top-p then works on that distribution.
      const lse = logSumExpOf(this.candValues, n);
      return this.pickNucleus(n, lse);
    }
    return this.sampleNucleusOfAll(logits);
  }

  /** Top `k` finite temperature-scaled logits into candValues/candIds, best first. */
  private collect(logits: Float32Array, k: number): number {
    const heap = this.heap;
    heap.reset(k);
    if (this.candValues.length < k) {
      this.candValues = new Float64Array(k);
      this.candIds = new Int32Array(k);
    }
    for (let i = 0; i < logits.length; i++) {
      const v = logits[i];
      if (v > -Infinity && v >= heap.threshold) heap.push(v, i);
    }
    const n = heap.drainSorted(this.candValues, this.candIds);
    if (n === 0) throw new Error('Every token is masked: nothing left to sample');
    // Temperature is a positive scale, so it does not change the order: apply it after selection.
    for (let i = 0; i < n; i++) this.candValues[i] *= this.invT;
    return n;
  }

  /**
   * Keeps the smallest best-first prefix whose mass reaches top_p (HF: drop tokens whose mass
   * before them already reaches top_p; always keep one) and samples from it renormalised.
   */
  private pickNucleus(n: number, lse: number): Sampled {
    const topP = this.opts.topP;
    const vals = this.candValues;
    let keep = n;
    if (topP < 1) {
      let cum = 0;
      for (let i = 0; i < n; i++) {
        if (i > 0 && cum >= topP) {
          keep = i;
          break;
        }
        cum += Math.exp(vals[i] - lse);
      }
    }
    const m = vals[0];
    let sum = 0;
    for (let i = 0; i < keep; i++) sum += Math.exp(vals[i] - m);
    let x = this.rng() * sum;
    let pick = keep - 1;
    for (let i = 0; i < keep; i++) {
      x -= Math.exp(vals[i] - m);
      if (x < 0) {
        pick = i;
        break;
      }
    }
    return { token: this.candIds[pick], logProb: vals[pick] - m - Math.log(sum) };
  }

  /**
   * top-p with top-k off, in O(vocab): tokens are bucketed by log-probability, whole buckets are
   * kept until the bucket where the cumulative mass reaches top_p, and only that bucket is sorted.
   * The kept set is exactly HF's (best-first prefix whose mass before each token is < top_p),
   * with ties ordered by token id like the heap path.
   */
  private sampleNucleusOfAll(logits: Float32Array): Sampled {
    const invT = this.invT;
    const topP = this.opts.topP;
    let m = -Infinity;
    for (let i = 0; i < logits.length; i++) if (logits[i] > m) m = logits[i];
    if (!(m > -Infinity)) throw new Error('Every token is masked: nothing left to sample');
    const mass = this.bucketMass;
    mass.fill(0);
    let z = 0;
    for (let i = 0; i < logits.length; i++) {
      const d = (m - logits[i]) * invT; // >= 0; Infinity for masked tokens
      if (d === Infinity) continue;
      const e = Math.exp(-d);
      z += e;
      mass[Math.min(BUCKETS - 1, Math.floor(d * BUCKET_SCALE))] += e;
    }
    // Find the bucket where the (normalised) cumulative mass reaches top_p.
    let before = 0;
    let b = 0;
    for (; b < BUCKETS - 1; b++) {
      if ((before + mass[b]) / z >= topP) break;
      before += mass[b];
    }
    const crossing = this.crossing;
    crossing.length = 0;
    for (let i = 0; i < logits.length; i++) {
      const d = (m - logits[i]) * invT;
      if (d !== Infinity && Math.min(BUCKETS - 1, Math.floor(d * BUCKET_SCALE)) === b) crossing.push(i);
    }
    crossing.sort((x, y) => logits[y] - logits[x] || x - y);
    // Keep crossing-bucket tokens while the mass before them is still short of top_p; the first
    // one always qualifies (the bucket search stopped before the mass reached top_p).
    let last = -1;
    let cum = before;
    for (const i of crossing) {
      if (last >= 0 && cum / z >= topP) break;
      last = i;
      cum += Math.exp((logits[i] - m) * invT);
    }
    if (last < 0) cum = z; // empty last bucket: rounding kept everything
    // Kept: every token ranked at or above `last` (higher logit, or equal logit and lower id).
    const vT = last >= 0 ? logits[last] : -Infinity;
    const kept = (i: number) => logits[i] > vT || (logits[i] === vT && i <= last);
    let x = this.rng() * cum;
    let pick = last >= 0 ? last : 0;
    for (let i = 0; i < logits.length; i++) {
      if (!kept(i) || logits[i] === -Infinity) continue;
      x -= Math.exp((logits[i] - m) * invT);
      if (x < 0) {
        pick = i;
        break;
      }
    }
    return { token: pick, logProb: (logits[pick] - m) * invT - Math.log(cum) };
  }

  private sampleAll(logits: Float32Array): Sampled {
    const invT = this.invT;
    let m = -Infinity;
    for (let i = 0; i < logits.length; i++) if (logits[i] > m) m = logits[i];
    if (!(m > -Infinity)) throw new Error('Every token is masked: nothing left to sample');
    let sum = 0;
    for (let i = 0; i < logits.length; i++) sum += Math.exp((logits[i] - m) * invT);
    let x = this.rng() * sum;
    let pick = -1;
    for (let i = 0; i < logits.length; i++) {
      x -= Math.exp((logits[i] - m) * invT);
      if (x < 0) {
        pick = i;
        break;
      }
    }
    if (pick < 0) {
      // Floating-point leftovers: fall back to the last token with any mass.
      for (let i = logits.length - 1; i >= 0; i--) if (logits[i] > -Infinity) {
        pick = i;
        break;
      }
    }
    return { token: pick, logProb: (logits[pick] - m) * invT - Math.log(sum) };
  }
}

function logSumExpOf(a: Float64Array, n: number): number {
  const m = a[0];
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(a[i] - m);
  return m + Math.log(s);
}
