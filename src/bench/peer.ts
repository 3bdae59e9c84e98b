// transformers.js as the benchmark peer. The module is injected so the same code measures it in
// the page (its own onnxruntime-web build) and in Node (onnxruntime-node).
import { decodeSettings, type Contender } from './measure';
import { SessionClock } from './sessionClock';
import { modelLabel } from './scenario';
import type { BenchEnv } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- transformers.js types its model classes loosely */
type Transformers = typeof import('@huggingface/transformers');

export interface PeerOptions {
  env: BenchEnv;
  /** Folder name under tf.env.localModelPath. */
  model: string;
  tf: Transformers;
  backend: 'wasm' | 'webgpu';
  /** transformers.js device: 'wasm' / 'webgpu' in the page, 'cpu' in Node. */
  device: string;
  text: string;
  newTokens: number;
  runtime: string;
  dtype?: 'fp32' | 'q8' | 'q4';
}

const now = () => performance.now();

/** The prefix ours applies to seq2seq inputs (T5's "summarize: "), read the same way from config.json. */
export function seq2seqPrefix(config: any): string {
  const p = config?.task_specific_params?.summarization?.prefix;
  return typeof p === 'string' ? p : '';
}

export function peerContender(o: PeerOptions): Contender {
  const { tf } = o;
  return {
    side: 'peer',
    env: o.env,
    model: modelLabel(o.model, o.dtype),
    backend: o.backend,
    async load() {
      const config: any = await tf.AutoConfig.from_pretrained(o.model);
      const seq2seq = config.is_encoder_decoder === true;
      const tokenizer: any = await tf.AutoTokenizer.from_pretrained(o.model);
      const Auto: any = seq2seq ? tf.AutoModelForSeq2SeqLM : tf.AutoModelForCausalLM;
      const model: any = await Auto.from_pretrained(o.model, { dtype: o.dtype ?? 'fp32', device: o.device });
      const clock = new SessionClock();
      for (const s of Object.values(model.sessions as Record<string, any>)) clock.watch(s);
      // Encoder (seq2seq) or the whole decoder-only graph: its first run per call is encode/prefill.
      const first: any = model.sessions.model;
      const runTimes: number[] = [];
      const origRun = first.run.bind(first);
      first.run = async (...args: unknown[]) => {
        const t = now();
        const out = await origRun(...args);
        runTimes.push(now() - t);
        return out;
      };
      const inputs = seq2seq
        ? tokenizer(seq2seqPrefix(config) + o.text)
        : tokenizer.apply_chat_template([{ role: 'user', content: o.text }], { add_generation_prompt: true, return_dict: true });
      const promptLen: number = inputs.input_ids.dims[1];

      class TimingStreamer extends tf.BaseStreamer {
        puts = 0;
        firstAt?: number;
        constructor(private readonly onToken: () => void) {
          super();
        }
        override put(): void {
          // The first put() is the start sequence (prompt or decoder start), not a new token.
          if (this.puts++ === 1) this.firstAt = now();
          if (this.puts > 1) this.onToken();
        }
        override end(): void {}
      }

      return {
        runtime: `transformers.js ${tf.env.version} on ${o.runtime}`,
        inputTokens: promptLen,
        notes: [],
        async generate(onToken) {
          runTimes.length = 0;
          clock.reset();
          const streamer = new TimingStreamer(onToken);
          const t0 = now();
          const out = await model.generate({ ...inputs, ...decodeSettings(o.newTokens), streamer });
          const tEnd = now();
          const row = (out.tolist() as bigint[][])[0].map(Number);
          const ids = seq2seq ? row.slice(1) : row.slice(promptLen);
          const firstAt = streamer.firstAt ?? tEnd;
          const n = ids.length;
          return {
            ids,
            backend: o.device,
            sample: {
              encodeMs: runTimes[0] ?? NaN,
              firstTokenMs: firstAt - t0,
              tokensPerSecond: n > 1 && tEnd > firstAt ? ((n - 1) * 1000) / (tEnd - firstAt) : 0,
              totalMs: tEnd - t0,
              newTokens: n,
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
