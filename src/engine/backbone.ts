// The validated sessions of one model on one backend, and how to start a fresh runner over them.
import { BatchedCausalRunner, kvBytesPerPosition, type SharedPrefix } from './batchedCausal';
import { CausalRunner, causalGpuOutputs } from './causal';
import type { CausalSpec, ModelSpec, Seq2SeqSpec } from './config';
import type { StepModel } from './generation/contract';
import { validateCausal, validateSeq2Seq } from './graph';
import { addLogitsToKeep } from './logitsToKeep';
import { isHalfDtype, type OnnxLayout } from './modelFolder';
import { Seq2SeqRunner, seq2seqGpuOutputs, type Seq2SeqSessions } from './seq2seq';
import type { ModelSession, Runtime } from './session';
import type { FloatType } from './tensors';
import type { Dtype } from './types';

/** Encoder outputs kept on the GPU on WebGPU (fed back to the decoder on every step). */
export const ENCODER_GPU_OUTPUTS = ['last_hidden_state'];

export interface Runner extends Required<StepModel> {
  dispose(): void;
}

export class Backbone {
  private constructor(
    readonly runtime: Runtime,
    readonly dtype: Dtype,
    private readonly spec: ModelSpec,
    private readonly sessions: ModelSession[],
    private readonly floatType: FloatType,
    private readonly seq2seq?: Seq2SeqSessions,
  ) {}

  static async create(runtime: Runtime, spec: ModelSpec, layout: OnnxLayout, dtype: Dtype): Promise<Backbone> {
    const id = runtime.opts.source.id;
    const created: ModelSession[] = [];
    const make = async (path: string, gpuOutputs: string[], rewrite?: (bytes: Uint8Array) => Uint8Array) => {
      const s = await runtime.create(path, gpuOutputs, rewrite);
      created.push(s);
      return s;
    };
    try {
      if (layout.kind === 'causal') {
        const causal = spec as CausalSpec;
        // The LM head on the positions whose logits are read, not on every prompt position.
        const model = await make(layout.model, causalGpuOutputs(causal), addLogitsToKeep);
        validateCausal(id, model, causal);
        return new Backbone(runtime, dtype, spec, created, pastType(model, 'past_key_values.0.key', dtype));
      }
      const s2s = spec as Seq2SeqSpec;
      const kv = seq2seqGpuOutputs(s2s);
      // The encoder output stays on the GPU too: the merged decoder reads it every step.
      const encoder = await make(layout.encoder, ENCODER_GPU_OUTPUTS);
      validateSeq2Seq(id, encoder, 'encoder', s2s);
      const decoder = await make(layout.decoder, kv);
      let decoderWithPast: ModelSession | undefined;
      if (layout.layout === 'split') {
        validateSeq2Seq(id, decoder, 'decoder', s2s);
        decoderWithPast = await make(layout.decoderWithPast, kv);
        validateSeq2Seq(id, decoderWithPast, 'decoder-with-past', s2s);
      } else {
        validateSeq2Seq(id, decoder, 'merged-decoder', s2s);
      }
      const typed = decoderWithPast ?? decoder;
      const floatType = pastType(typed, 'past_key_values.0.decoder.key', dtype);
      return new Backbone(runtime, dtype, spec, created, floatType, { encoder, decoder, decoderWithPast });
    } catch (e) {
      await Promise.all(created.map((s) => s.dispose().catch(() => undefined)));
      throw e;
    }
  }

  /** A runner with an empty cache; seq2seq runs the encoder over `encoderIds` first. */
  async startRunner(encoderIds: readonly number[]): Promise<Runner> {
    if (this.spec.kind === 'causal') {
      return new CausalRunner(this.runtime, this.sessions[0], this.spec, this.floatType);
    }
    return Seq2SeqRunner.start(this.runtime, this.seq2seq!, this.spec, encoderIds, this.floatType);
  }

  /**
   * Decoder-only graphs decode a batch (batchedCausal.ts), except dynamically quantized weights
   * (q8/int8/uint8): DynamicQuantizeLinear picks one scale over the whole activation tensor, so a
   * row's numbers, hence its tokens, would depend on the other rows and the padding.
   */
  get canBatch(): boolean {
    return this.spec.kind === 'causal' && !DYNAMIC_QUANT.has(this.dtype);
  }

  get kvBytesPerPosition(): number {
    return this.spec.kind === 'causal' ? kvBytesPerPosition(this.spec, this.floatType) : 0;
  }

  startBatchRunner(padId: number, prefix?: SharedPrefix): BatchedCausalRunner {
    if (this.spec.kind !== 'causal') throw new Error('batched decoding is decoder-only');
    return new BatchedCausalRunner(this.runtime, this.sessions[0], this.spec, this.floatType, padId, prefix);
  }

  async dispose(): Promise<void> {
    await Promise.all(this.sessions.map((s) => s.dispose().catch(() => undefined)));
  }
}

const DYNAMIC_QUANT: ReadonlySet<Dtype> = new Set(['q8', 'int8', 'uint8']);

/** The KV cache element type, from the graph when it says, else from the dtype. */
function pastType(s: ModelSession, name: string, dtype: Dtype): FloatType {
  const m = s.inputMeta(name);
  if (m?.isTensor && (m.type === 'float16' || m.type === 'float32')) return m.type;
  return isHalfDtype(dtype) ? 'float16' : 'float32';
}
