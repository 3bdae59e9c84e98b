// Decoder-only runner (Qwen2, Llama, Mistral, Phi-3, Gemma...): prompt prefill, then one token per
// step, with attention_mask and position_ids kept in step with the cache (GQA shapes from config).
import type { CausalSpec } from './config';
import type { StepModel } from './generation/contract';
import { KvCache, causalPastNames, presentName } from './kvCache';
import type { OrtFeeds, OrtTensor } from './ort';
import type { ModelSession, Runtime } from './session';
import { boolScalar, int64Fill, int64Tensor, lastLogits, positionLogits, release, type FloatType } from './tensors';

export function causalGpuOutputs(spec: CausalSpec): string[] {
  return causalPastNames(spec.layers).map(presentName);
}

/**
 * Longest feed given to the graph in one run; longer feeds go in pieces that extend the cache, and
 * only the last piece's logits are read. A run's attention scores are heads x fed x (past + fed)
 * floats (14 x 8k x 8k x 4 B = 3.7 GB for an 8k-token Qwen2.5 prompt in one run, past what WASM
 * can address; 117 MB per 256-token piece), and a graph that does not take num_logits_to_keep
 * (logitsToKeep.ts adds it where it can) also returns fed x vocabulary logits.
 */
export const PREFILL_PIECE = 256;

export class CausalRunner implements StepModel {
  readonly vocabSize: number;
  private readonly cache: KvCache;
  private readonly names: string[];

  constructor(
    private readonly rt: Runtime,
    private readonly session: ModelSession,
    private readonly spec: CausalSpec,
    private readonly floatType: FloatType,
    private readonly piece = PREFILL_PIECE,
  ) {
    this.cache = new KvCache(rt.ort);
    this.names = causalPastNames(spec.layers);
    this.vocabSize = spec.vocabSize ?? 0;
  }

  step(tokens: number[][], parents: number[] | null): Promise<Float32Array[]> {
    return this.run(tokens, parents, false);
  }

  readonly canVerify = true;

  /** Logits of every fed position (prompt-lookup verify), row-major. */
  stepAll(tokens: number[][], parents: number[] | null): Promise<Float32Array[]> {
    return this.run(tokens, parents, true);
  }

  /** Forgets the last `positions` cached positions. */
  rollback(positions: number): Promise<void> {
    return this.cache.truncate(this.names, positions);
  }

  private async run(tokens: number[][], parents: number[] | null, all: boolean): Promise<Float32Array[]> {
    const rows = tokens.length;
    const len = tokens[0]?.length ?? 0;
    if (!rows || !len || tokens.some((t) => t.length !== len)) {
      throw new Error('CausalRunner.step: every row needs the same, non-zero number of new tokens');
    }
    if (this.cache.isEmpty) {
      this.cache.fillEmpty(this.names, rows, this.spec.kvHeads, this.spec.headDim, this.floatType);
    } else {
      if (!parents || parents.length !== rows) throw new Error('CausalRunner.step: parents must name a row for every row');
      await this.cache.reorder(parents);
    }
    // A verify needs every fed position's logits, so only plain steps are cut into pieces.
    const tail = all ? len : Math.min(len, this.piece);
    for (let at = 0; at < len - tail; at += this.piece) {
      const end = Math.min(at + this.piece, len - tail);
      release(await this.feed(tokens.map((t) => t.slice(at, end)), 0));
    }
    const out = await this.feed(len === tail ? tokens : tokens.map((t) => t.slice(len - tail)), all ? tail : 1);
    const seq = out.dims.length === 3 ? out.dims[1] : 1;
    const logits = all ? await positionLogits(out, seq - tail, tail) : await lastLogits(out);
    release(out);
    return logits;
  }

  /** One graph run over `tokens` after the cache; returns the logits tensor (keep: positions wanted, 0 = none). */
  private async feed(tokens: number[][], keep: number): Promise<OrtTensor> {
    const ort = this.rt.ort;
    const rows = tokens.length;
    const len = tokens[0].length;
    const first = this.cache.length === 0;
    const past = this.cache.length;
    const positions: number[] = [];
    for (let r = 0; r < rows; r++) for (let i = 0; i < len; i++) positions.push(past + i);
    const feeds: OrtFeeds = {
      input_ids: int64Tensor(ort, tokens.flat(), [rows, len]),
      // No padding: all rows share one length, so the mask is all ones over past + new tokens.
      attention_mask: int64Fill(ort, 1, [rows, past + len]),
      position_ids: int64Tensor(ort, positions, [rows, len]),
      ...this.cache.feeds(),
    };
    // Optional inputs of some exports: only the last position's logits are needed (all of them
    // for a verify).
    const keepLogits = Math.max(keep, 1);
    if (this.session.hasInput('num_logits_to_keep')) feeds.num_logits_to_keep = int64Tensor(ort, [keepLogits], []);
    if (this.session.hasInput('logits_to_keep')) feeds.logits_to_keep = int64Tensor(ort, [keepLogits], []);
    if (this.session.hasInput('use_cache_branch')) feeds.use_cache_branch = boolScalar(ort, !first);
    const out = await this.session.run(feeds, ['logits', ...this.names.map(presentName)]);
    this.cache.update(out, this.names);
    this.cache.length = past + len;
    return out.logits;
  }

  dispose(): void {
    this.cache.dispose();
  }
}
