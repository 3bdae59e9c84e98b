// Test doubles for the StepModel seam: a tiny deterministic language model whose logits depend
// on the WHOLE prefix of each row, held the way a real runner holds its KV cache (rows that
// are reordered by `parents`). A wrong cache reorder therefore changes the logits and shows up
// as wrong output; malformed calls throw.
import type { StepModel } from '../contract';

export type LogitsFn = (seq: readonly number[]) => ArrayLike<number>;

export interface ToyModelOptions {
  vocabSize: number;
  /** Varies the table; same seed, same model. */
  seed?: number;
  /** Logits are uniform in [-scale, scale]. */
  scale?: number;
  /** Added to the logit of these ids (e.g. make EOS likelier so hypotheses finish). */
  bias?: Record<number, number>;
  /** Replace the hashed table entirely. */
  logits?: LogitsFn;
}

export class ToyModel implements StepModel {
  readonly vocabSize: number;
  /** Full token sequence of each cache row after the last call. */
  rows: number[][] = [];
  calls = 0;
  /** Row count of every call, for tests that check expansion to beams. */
  readonly rowCounts: number[] = [];
  /** Called at the start of each step (tests use it to abort mid-run). */
  onStep?: (call: number) => void;
  private readonly fn: LogitsFn;

  constructor(o: ToyModelOptions) {
    this.vocabSize = o.vocabSize;
    this.fn = o.logits ?? hashedLogits(o.vocabSize, o.seed ?? 1, o.scale ?? 3, o.bias ?? {});
  }

  async step(tokens: number[][], parents: number[] | null): Promise<Float32Array[]> {
    this.calls++;
    this.onStep?.(this.calls);
    this.rowCounts.push(tokens.length);
    if (tokens.length === 0) throw new Error('step() with no rows');
    if (parents === null) {
      if (this.rows.length > 0) throw new Error('parents === null after the first call');
      for (const t of tokens) if (t.length === 0) throw new Error('empty start row');
      this.rows = tokens.map((t) => t.slice());
    } else {
      if (this.rows.length === 0) throw new Error('first call must pass parents === null');
      if (parents.length !== tokens.length) {
        throw new Error(`parents.length ${parents.length} !== rows ${tokens.length}`);
      }
      const next: number[][] = [];
      for (let r = 0; r < tokens.length; r++) {
        const p = parents[r];
        if (!Number.isInteger(p) || p < 0 || p >= this.rows.length) {
          throw new Error(`parents[${r}] = ${p} is not a row of the previous call (${this.rows.length} rows)`);
        }
        if (tokens[r].length !== 1) throw new Error(`row ${r} fed ${tokens[r].length} tokens after the first call`);
        for (const t of tokens[r]) this.checkToken(t);
        next.push([...this.rows[p], ...tokens[r]]);
      }
      this.rows = next;
    }
    return this.rows.map((seq) => Float32Array.from(this.fn(seq)));
  }

  /** Float32 logits for a full sequence, exactly as step() would return them. */
  logitsFor(seq: readonly number[]): Float32Array {
    return Float32Array.from(this.fn(seq));
  }

  /** Exact (float64) log-probability of `generated` following `start`, no processors. */
  logProb(start: readonly number[], generated: readonly number[]): number {
    const seq = start.slice();
    let total = 0;
    for (const t of generated) {
      const l = this.logitsFor(seq);
      let m = -Infinity;
      for (const v of l) m = Math.max(m, v);
      let s = 0;
      for (const v of l) s += Math.exp(v - m);
      total += l[t] - m - Math.log(s);
      seq.push(t);
    }
    return total;
  }

  private checkToken(t: number): void {
    if (!Number.isInteger(t) || t < 0 || t >= this.vocabSize) throw new Error(`token ${t} outside vocabulary`);
  }
}

function hashedLogits(vocab: number, seed: number, scale: number, bias: Record<number, number>): LogitsFn {
  return (seq) => {
    let h = mix(seed ^ 0x5bd1e995);
    for (const t of seq) h = mix(h ^ Math.imul(t + 1, 0x9e3779b1));
    const out = new Array<number>(vocab);
    for (let i = 0; i < vocab; i++) {
      const u = mix(h + Math.imul(i + 1, 0x85ebca6b)) / 4294967296;
      out[i] = (2 * u - 1) * scale + (bias[i] ?? 0);
    }
    return out;
  };
}

function mix(x: number): number {
  let t = x | 0;
  t = Math.imul(t ^ (t >>> 16), 0x21f0aaad);
  t = Math.imul(t ^ (t >>> 15), 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

/**
 * A ToyModel that can also verify drafts (StepModel.stepAll / rollback), held like a real
 * runner's single-row cache: stepAll appends every fed token and returns the logits after each,
 * rollback drops positions. Counts runs and positions fed.
 */
export class VerifyingToyModel extends ToyModel {
  stepAllCalls = 0;
  rollbacks: number[] = [];
  /** Called at the start of each stepAll (tests use it to abort mid-verify). */
  onStepAll?: (call: number) => void;

  get runs(): number {
    return this.calls + this.stepAllCalls;
  }

  async stepAll(tokens: number[][], parents: number[] | null): Promise<Float32Array[]> {
    this.stepAllCalls++;
    this.onStepAll?.(this.stepAllCalls);
    if (tokens.length !== 1) throw new Error('stepAll: one row only');
    if (parents === null || this.rows.length !== 1 || parents[0] !== 0) throw new Error('stepAll: after the first step, row 0 only');
    const out: Float32Array[] = [];
    for (const t of tokens[0]) {
      if (!Number.isInteger(t) || t < 0 || t >= this.vocabSize) throw new Error(`token ${t} outside vocabulary`);
      this.rows[0].push(t);
      out.push(this.logitsFor(this.rows[0]));
    }
    return out;
  }

  async rollback(positions: number): Promise<void> {
    if (!Number.isInteger(positions) || positions < 1 || positions >= this.rows[0].length) throw new Error(`rollback(${positions})`);
    this.rollbacks.push(positions);
    this.rows[0].length -= positions;
  }
}
