// Decoder-only runner for a batch of independent prompts (BatchStepModel): rows padded to one
// length, an attention_mask and position_ids per row, a KV cache row per prompt, rows dropped
// from the cache when they finish. A prefix every prompt shares (chat template + instruction) is
// run once, kept (SharedPrefix) and copied into every row instead of being recomputed per chunk.
//
// Layout of row r in the cache: [shared prefix][pads][rest of prompt r][generated...]. Pads sit
// between the prefix and the rest (left padding of the unshared part), masked out, and position
// ids count only real tokens, so row r sees exactly the positions it would see alone.
import type { CausalSpec } from './config';
import type { BatchStepModel } from './generation/batchGreedy';
import { causalPastNames, presentName } from './kvCache';
import { PREFILL_PIECE } from './causal';
import type { OrtFeeds, OrtTensor } from './ort';
import type { ModelSession, Runtime } from './session';
import { boolScalar, floatZeros, gatherRows, int64Tensor, lastLogits, release, type FloatType } from './tensors';

/** The cached KV of a shared prompt prefix (one row), reusable across batches of the same model. */
export interface SharedPrefix {
  ids: number[];
  entries: Map<string, OrtTensor>;
  /** Session it was computed on: a prefix from other weights or another backend is useless. */
  session: ModelSession;
}

/** Longest common prefix of the rows, leaving at least one unshared token in every row. */
export function sharedPrefixLength(rows: readonly (readonly number[])[]): number {
  if (rows.length === 0) return 0;
  let n = Math.min(...rows.map((r) => r.length)) - 1;
  for (let i = 0; i < n; i++) {
    const t = rows[0][i];
    if (rows.some((r) => r[i] !== t)) {
      n = i;
      break;
    }
  }
  return Math.max(0, n);
}

/** Bytes of KV cache one position of one row takes. */
export function kvBytesPerPosition(spec: CausalSpec, type: FloatType): number {
  return spec.layers * 2 * spec.kvHeads * spec.headDim * (type === 'float16' ? 2 : 4);
}

export class BatchedCausalRunner implements BatchStepModel {
  readonly vocabSize: number;
  private readonly names: string[];
  private entries = new Map<string, OrtTensor>();
  /** Per row: 1 for a real cached position, 0 for padding. */
  private mask: number[][] = [];
  /** Prefix used (or computed) by the last prefill, for the caller to keep. */
  prefix?: SharedPrefix;
  /** Cache positions fed by prefill (prefix included), for stats. */
  prefilledPositions = 0;
  reusedPrefixTokens = 0;
  /** Prompt tokens every row of the last prefill shared (computed once, copied per row). */
  sharedPrefixTokens = 0;

  constructor(
    private readonly rt: Runtime,
    private readonly session: ModelSession,
    private readonly spec: CausalSpec,
    private readonly floatType: FloatType,
    private readonly padId: number,
    private readonly cachedPrefix?: SharedPrefix,
    private readonly piece = PREFILL_PIECE,
  ) {
    this.names = causalPastNames(spec.layers);
    this.vocabSize = spec.vocabSize ?? 0;
  }

  get rows(): number {
    return this.mask.length;
  }

  async prefill(prompts: number[][]): Promise<Float32Array[]> {
    if (!prompts.length || prompts.some((p) => !p.length)) throw new Error('BatchedCausalRunner.prefill: every row needs a prompt');
    const p = sharedPrefixLength(prompts);
    this.sharedPrefixTokens = p;
    const prefix = await this.prefixFor(prompts[0].slice(0, p));
    const B = prompts.length;
    // The shared prefix copied into every row.
    for (const n of this.names) {
      const t = prefix.entries.get(n)!;
      this.entries.set(n, p ? await gatherRows(this.rt.ort, t, new Array(B).fill(0)) : floatZeros(this.rt.ort, this.floatType, [B, this.spec.kvHeads, 0, this.spec.headDim]));
    }
    this.mask = prompts.map(() => new Array(p).fill(1));
    const rest = prompts.map((r) => r.slice(p));
    const S = Math.max(...rest.map((r) => r.length));
    const padded = rest.map((r) => [...new Array(S - r.length).fill(this.padId), ...r]);
    const realMask = rest.map((r) => [...new Array(S - r.length).fill(0), ...new Array(r.length).fill(1)]);
    let out: OrtTensor | undefined;
    for (let at = 0; at < S; at += this.piece) {
      release(out);
      const end = Math.min(at + this.piece, S);
      out = await this.feed(
        padded.map((r) => r.slice(at, end)),
        realMask.map((m) => m.slice(at, end)),
      );
    }
    this.prefilledPositions = S;
    const logits = await lastLogits(out!);
    release(out);
    return logits;
  }

  step(tokens: number[]): Promise<Float32Array[]> {
    if (tokens.length !== this.rows) throw new Error(`BatchedCausalRunner.step: ${tokens.length} tokens for ${this.rows} rows`);
    return this.feed(
      tokens.map((t) => [t]),
      tokens.map(() => [1]),
    ).then(async (out) => {
      const l = await lastLogits(out);
      release(out);
      return l;
    });
  }

  async keep(rows: number[]): Promise<void> {
    const next = new Map<string, OrtTensor>();
    for (const [n, t] of this.entries) {
      const g = await gatherRows(this.rt.ort, t, rows);
      if (g !== t) release(t);
      next.set(n, g);
    }
    this.entries = next;
    this.mask = rows.map((r) => this.mask[r]);
  }

  /** The cached prefix when it covers these ids (cut to them), else a fresh one-row run of them. */
  private async prefixFor(ids: number[]): Promise<SharedPrefix> {
    const c = this.cachedPrefix;
    if (c && c.session === this.session && ids.length <= c.ids.length && ids.every((t, i) => c.ids[i] === t)) {
      this.reusedPrefixTokens = ids.length;
      this.prefix = c;
      return ids.length === c.ids.length ? c : cutPrefix(this.rt, c, ids.length);
    }
    const entries = new Map<string, OrtTensor>();
    for (const n of this.names) entries.set(n, floatZeros(this.rt.ort, this.floatType, [1, this.spec.kvHeads, 0, this.spec.headDim]));
    const single = new BatchedCausalRunner(this.rt, this.session, this.spec, this.floatType, this.padId, undefined, this.piece);
    single.entries = entries;
    single.mask = [[]];
    for (let at = 0; at < ids.length; at += this.piece) {
      const piece = ids.slice(at, at + this.piece);
      release(await single.feed([piece], [piece.map(() => 1)]));
    }
    const made: SharedPrefix = { ids, entries: single.entries, session: this.session };
    // A prefix shorter than the cached one is not kept: the caller keeps the longest it has seen.
    this.prefix = made;
    return made;
  }

  /** One graph run of `tokens` (same width per row) with their mask bits; returns the logits. */
  private async feed(tokens: number[][], bits: number[][]): Promise<OrtTensor> {
    const ort = this.rt.ort;
    const rows = tokens.length;
    const len = tokens[0].length;
    const positions: number[] = [];
    for (let r = 0; r < rows; r++) {
      let pos = this.mask[r].reduce((a, b) => a + b, 0);
      for (let i = 0; i < len; i++) {
        // Pads take position 1 (as Hugging Face's masked position ids); real tokens count up.
        positions.push(bits[r][i] ? pos++ : 1);
      }
      this.mask[r].push(...bits[r]);
    }
    const feeds: OrtFeeds = {
      input_ids: int64Tensor(ort, tokens.flat(), [rows, len]),
      attention_mask: int64Tensor(ort, this.mask.flat(), [rows, this.mask[0].length]),
      position_ids: int64Tensor(ort, positions, [rows, len]),
      ...Object.fromEntries(this.entries),
    };
    if (this.session.hasInput('num_logits_to_keep')) feeds.num_logits_to_keep = int64Tensor(ort, [1], []);
    if (this.session.hasInput('logits_to_keep')) feeds.logits_to_keep = int64Tensor(ort, [1], []);
    if (this.session.hasInput('use_cache_branch')) feeds.use_cache_branch = boolScalar(ort, this.mask[0].length > len);
    const out = await this.session.run(feeds, ['logits', ...this.names.map(presentName)]);
    for (const n of this.names) {
      const t = out[presentName(n)];
      if (!t) throw new Error(`graph produced no ${presentName(n)}`);
      const old = this.entries.get(n);
      // The shared prefix's own tensors stay alive for the next batch.
      if (old !== t && !this.isPrefixTensor(old)) release(old);
      this.entries.set(n, t);
    }
    return out.logits;
  }

  private isPrefixTensor(t: OrtTensor | undefined): boolean {
    return !!t && ([this.prefix, this.cachedPrefix].some((p) => p && [...p.entries.values()].includes(t)));
  }

  dispose(): void {
    for (const t of this.entries.values()) if (!this.isPrefixTensor(t)) release(t);
    this.entries.clear();
    this.mask = [];
  }
}

/** The first `length` positions of a cached prefix (a shorter shared part than last time). */
async function cutPrefix(rt: Runtime, c: SharedPrefix, length: number): Promise<SharedPrefix> {
  const entries = new Map<string, OrtTensor>();
  for (const [n, t] of c.entries) {
    const [rows, heads, seq, dim] = t.dims;
    const src = (await t.getData()) as Float32Array;
    const out = new (src.constructor as new (n: number) => Float32Array)(rows * heads * length * dim);
    for (let b = 0; b < rows * heads; b++) out.set(src.subarray(b * seq * dim, (b * seq + length) * dim), b * length * dim);
    entries.set(n, new rt.ort.Tensor(t.type as 'float32', out, [rows, heads, length, dim]));
  }
  return { ids: c.ids.slice(0, length), entries, session: c.session };
}
