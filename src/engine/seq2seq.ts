// Encoder-decoder runner (BART-like and T5-like): one encoder pass, then the decoder step by step
// with its KV cache, over either the merged decoder or the legacy decoder / decoder_with_past pair.
import type { Seq2SeqSpec } from './config';
import type { StepModel } from './generation/contract';
import { KvCache, presentName, seq2seqPastNames } from './kvCache';
import type { OrtFeeds, OrtTensor } from './ort';
import type { ModelSession, Runtime } from './session';
import { boolScalar, gatherRows, int64Fill, int64Tensor, lastLogits, positionLogits, release, type FloatType } from './tensors';

export interface Seq2SeqSessions {
  encoder: ModelSession;
  /** decoder_model_merged, or decoder_model of the split layout (used for the first step). */
  decoder: ModelSession;
  /** decoder_with_past_model of the split layout (every later step). */
  decoderWithPast?: ModelSession;
}

/** Output names worth keeping on the GPU: the whole KV cache. */
export function seq2seqGpuOutputs(spec: Seq2SeqSpec): string[] {
  return seq2seqPastNames(spec.decoderLayers, 'both').map(presentName);
}

export class Seq2SeqRunner implements StepModel {
  readonly vocabSize: number;
  private readonly cache: KvCache;
  private readonly selfNames: string[];
  private readonly allNames: string[];
  private expanded?: { rows: number; hidden: OrtTensor; mask: OrtTensor };

  private constructor(
    private readonly rt: Runtime,
    private readonly sessions: Seq2SeqSessions,
    private readonly spec: Seq2SeqSpec,
    private readonly hidden: OrtTensor,
    private readonly srcLen: number,
    private readonly floatType: FloatType,
  ) {
    this.cache = new KvCache(rt.ort);
    this.selfNames = seq2seqPastNames(spec.decoderLayers, 'decoder');
    this.allNames = seq2seqPastNames(spec.decoderLayers, 'both');
    this.vocabSize = spec.vocabSize ?? 0;
  }

  /** Runs the encoder over `inputIds` (one row) and returns a runner ready for the first step. */
  static async start(
    rt: Runtime,
    sessions: Seq2SeqSessions,
    spec: Seq2SeqSpec,
    inputIds: readonly number[],
    floatType: FloatType,
  ): Promise<Seq2SeqRunner> {
    const ort = rt.ort;
    const n = inputIds.length;
    const feeds: OrtFeeds = { input_ids: int64Tensor(ort, inputIds, [1, n]) };
    if (sessions.encoder.hasInput('attention_mask')) feeds.attention_mask = int64Fill(ort, 1, [1, n]);
    const out = await sessions.encoder.run(feeds, ['last_hidden_state']);
    return new Seq2SeqRunner(rt, sessions, spec, out.last_hidden_state, n, floatType);
  }

  step(tokens: number[][], parents: number[] | null): Promise<Float32Array[]> {
    return this.run(tokens, parents, false);
  }

  /**
   * Never for prompt-lookup drafts: Optimum exports the decoder-with-past (alone, or as the merged
   * decoder's cache branch) traced with ONE new token, so BART's causal mask among new tokens and
   * T5's position bias for them are baked out; several tokens would run without error and give
   * wrong logits. stepAll() stays correct on graphs that do take several (the test fixtures).
   */
  readonly canVerify = false;

  /** Logits of every fed position (prompt-lookup verify), row-major. */
  stepAll(tokens: number[][], parents: number[] | null): Promise<Float32Array[]> {
    return this.run(tokens, parents, true);
  }

  /** Forgets the last `positions` positions of the self-attention cache (the cross one keeps). */
  rollback(positions: number): Promise<void> {
    return this.cache.truncate(this.selfNames, positions);
  }

  private async run(tokens: number[][], parents: number[] | null, all: boolean): Promise<Float32Array[]> {
    const ort = this.rt.ort;
    const rows = tokens.length;
    const len = tokens[0]?.length ?? 0;
    if (!rows || !len || tokens.some((t) => t.length !== len)) {
      throw new Error('Seq2SeqRunner.step: every row needs the same, non-zero number of new tokens');
    }
    const first = this.cache.isEmpty;
    if (!first) {
      if (!parents || parents.length !== rows) throw new Error('Seq2SeqRunner.step: parents must name a row for every row');
      await this.cache.reorder(parents);
    }
    const { hidden, mask } = await this.encoderRows(rows);
    const feeds: OrtFeeds = {
      input_ids: int64Tensor(ort, tokens.flat(), [rows, len]),
      encoder_hidden_states: hidden,
      encoder_attention_mask: mask,
    };
    const merged = !this.sessions.decoderWithPast;
    const session = merged || first ? this.sessions.decoder : this.sessions.decoderWithPast!;
    if (merged) {
      feeds.use_cache_branch = boolScalar(ort, !first);
      // The merged graph always takes a past; the first step gives it an empty one.
      if (first) this.cache.fillEmpty(this.allNames, rows, this.spec.decoderHeads, this.spec.headDim, this.floatType);
    }
    Object.assign(feeds, this.cache.feeds());
    // After the first step the cross-attention cache never changes: do not even fetch it.
    const keep = first ? this.allNames : this.selfNames;
    const out = await session.run(feeds, ['logits', ...keep.map(presentName)]);
    this.cache.update(out, keep);
    this.cache.length += len;
    const logits = all ? await positionLogits(out.logits, 0, len) : await lastLogits(out.logits);
    release(out.logits);
    return logits;
  }

  /**
   * The encoder output and mask repeated for `rows` rows (beams), kept until the row count
   * changes. One row is the encoder's own tensor (on WebGPU a GPU buffer: never downloaded);
   * only an expansion to beams reads it back (getData) to copy rows.
   */
  private async encoderRows(rows: number): Promise<{ hidden: OrtTensor; mask: OrtTensor }> {
    if (this.expanded?.rows !== rows) {
      const ort = this.rt.ort;
      const hidden = rows === 1 ? this.hidden : await gatherRows(ort, this.hidden, new Array<number>(rows).fill(0));
      if (this.expanded && this.expanded.hidden !== this.hidden) release(this.expanded.hidden);
      this.expanded = { rows, hidden, mask: int64Fill(ort, 1, [rows, this.srcLen]) };
    }
    return this.expanded;
  }

  dispose(): void {
    this.cache.dispose();
    if (this.expanded && this.expanded.hidden !== this.hidden) release(this.expanded.hidden);
    this.expanded = undefined;
    release(this.hidden);
  }
}
