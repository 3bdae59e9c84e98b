// Our engine as a benchmark contender: loadModel on an injected ORT module and a FileSource.
import { loadModel, type GpuLike, type OrtModule } from '../engine';
import type { FileSource } from '../engine/types';
import { decodeSettings, type Contender } from './measure';
import { SessionClock, clockedOrt } from './sessionClock';
import { modelLabel } from './scenario';
import type { BenchEnv } from './types';

export interface OursOptions {
  env: BenchEnv;
  model: string;
  source: FileSource;
  ort: OrtModule;
  backend: 'wasm' | 'webgpu';
  text: string;
  newTokens: number;
  /** e.g. `onnxruntime-web 1.30.0 (wasm, 2 threads)` */
  runtime: string;
  gpu?: GpuLike | null;
  /** prompt_lookup_num_tokens for our side (0 or unset: plain greedy, as the peer runs). */
  promptLookup?: number;
  dtype?: 'fp32' | 'q8' | 'q4';
}

export function oursContender(o: OursOptions): Contender {
  return {
    side: 'ours',
    env: o.env,
    model: modelLabel(o.model, o.dtype),
    backend: o.backend,
    async load() {
      const clock = new SessionClock();
      const model = await loadModel(o.source, { ort: clockedOrt(o.ort, clock), backend: o.backend, dtype: o.dtype ?? 'fp32', gpu: o.gpu });
      return {
        runtime: `PaperLens engine on ${o.runtime}`,
        inputTokens: model.countTokens(o.text),
        notes: [...model.notes],
        async generate(onToken) {
          clock.reset();
          const opts = { ...decodeSettings(o.newTokens), prompt_lookup_num_tokens: o.promptLookup ?? 0 };
          const r = await model.generate(o.text, opts, { onToken });
          const t = r.timings;
          return {
            ids: r.ids,
            backend: r.backend,
            sample: {
              encodeMs: t.encodeMs,
              firstTokenMs: t.firstTokenMs,
              tokensPerSecond: t.tokensPerSecond,
              totalMs: t.totalMs,
              newTokens: t.newTokens,
              sessionMs: clock.ms,
              sessionRuns: clock.calls,
              decoderRuns: t.decoderRuns,
              draftedTokens: t.draftedTokens,
              acceptedTokens: t.acceptedTokens,
            },
          };
        },
        dispose: () => model.dispose(),
      };
    },
  };
}
