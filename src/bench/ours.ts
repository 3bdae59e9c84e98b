// Our engine as a benchmark contender: loadModel on an injected ORT module and a FileSource.
import { loadModel, type GpuLike, type OrtModule } from '../engine';
import type { FileSource } from '../engine/types';
import { decodeSettings, type Contender } from './measure';
import { SessionClock, clockedOrt } from './sessionClock';
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
}

export function oursContender(o: OursOptions): Contender {
  return {
    side: 'ours',
    env: o.env,
    model: o.model,
    backend: o.backend,
    async load() {
      const clock = new SessionClock();
      const model = await loadModel(o.source, { ort: clockedOrt(o.ort, clock), backend: o.backend, dtype: 'fp32', gpu: o.gpu });
      return {
        runtime: `PaperLens engine on ${o.runtime}`,
        inputTokens: model.countTokens(o.text),
        notes: [...model.notes],
        async generate(onToken) {
          clock.reset();
          const r = await model.generate(o.text, decodeSettings(o.newTokens), { onToken });
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
            },
          };
        },
        dispose: () => model.dispose(),
      };
    },
  };
}
