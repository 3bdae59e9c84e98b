// transformers.js as a TextGenerator for the whole-paper benchmark: the same pipeline drives it,
// so it gets the same chunks and prompts as ours; every pass is one generate() call over one
// chunk (what an app built on transformers.js does), greedy, with the pass's token limits.
import type { GenerateHooks, GenerationOptions, GenerationResult, TextGenerator } from '../engine/types';

/* eslint-disable @typescript-eslint/no-explicit-any -- transformers.js types its model classes loosely */
type Transformers = typeof import('@huggingface/transformers');

export interface PeerGeneratorOptions {
  tf: Transformers;
  /** Folder under tf.env.localModelPath. */
  model: string;
  dtype: string;
  /** 'wasm' / 'webgpu' in the page, 'cpu' in Node. */
  device: string;
  /** The prompt budget ours uses for the same model and context (the pipeline chunks by it). */
  maxInputTokens: number;
  /** Context ours caps new tokens by (prompt + new <= context), so the peer caps the same way. */
  contextTokens?: number;
}

export async function peerGenerator(o: PeerGeneratorOptions): Promise<TextGenerator & { runtime: string }> {
  const { tf } = o;
  const config: any = await tf.AutoConfig.from_pretrained(o.model);
  if (config.is_encoder_decoder) throw new Error('peerGenerator: decoder-only models only');
  const tokenizer: any = await tf.AutoTokenizer.from_pretrained(o.model);
  const model: any = await tf.AutoModelForCausalLM.from_pretrained(o.model, { dtype: o.dtype as 'fp32', device: o.device as 'cpu' });
  const eos = new Set<number>([config.eos_token_id ?? model.generation_config?.eos_token_id ?? []].flat().map(Number));
  const chat = (text: string, dict: boolean) =>
    tokenizer.apply_chat_template([{ role: 'user', content: text }], { add_generation_prompt: true, tokenize: true, return_dict: dict, return_tensor: dict });
  let queue: Promise<unknown> = Promise.resolve();
  const backend = o.device === 'webgpu' ? 'webgpu' : 'wasm';

  const run = async (input: string, options: GenerationOptions, hooks: GenerateHooks): Promise<GenerationResult> => {
    const t0 = performance.now();
    const inputs = chat(input, true);
    const promptLen: number = inputs.input_ids.dims[1];
    let maxNew = options.max_new_tokens;
    if (maxNew !== undefined && o.contextTokens !== undefined) maxNew = Math.max(1, Math.min(maxNew, o.contextTokens - promptLen));
    // Streamed as the app streams ours, and stoppable the same way: the pipeline ends a pass that
    // has enough (its output guard) through the signal, so both sides stop after the same token.
    const stop = new tf.InterruptableStoppingCriteria();
    const streamed: number[] = [];
    let prompted = false;
    let shown = '';
    const streamer = Object.assign(new tf.BaseStreamer(), {
      put(value: bigint[][]) {
        if (!prompted) {
          prompted = true; // the first put is the prompt
          return;
        }
        streamed.push(Number(value[0][0]));
        const now: string = tokenizer.decode(streamed, { skip_special_tokens: true });
        if (hooks.onToken && now.length > shown.length && !now.endsWith('\uFFFD')) {
          hooks.onToken({ ids: streamed.slice(-1), text: now.slice(shown.length), step: streamed.length });
          shown = now;
        }
        if (hooks.signal?.aborted) stop.interrupt();
      },
      end() {},
    });
    const out = await model.generate({
      ...inputs,
      streamer,
      stopping_criteria: [stop],
      do_sample: false,
      num_beams: 1,
      ...(maxNew !== undefined ? { max_new_tokens: maxNew } : {}),
      ...(options.min_new_tokens !== undefined ? { min_new_tokens: options.min_new_tokens } : {}),
      ...(options.repetition_penalty !== undefined ? { repetition_penalty: options.repetition_penalty } : {}),
      ...(options.no_repeat_ngram_size !== undefined ? { no_repeat_ngram_size: options.no_repeat_ngram_size } : {}),
    });
    const ids = (out.tolist() as bigint[][])[0].map(Number).slice(promptLen);
    const totalMs = performance.now() - t0;
    const text: string = tokenizer.decode(ids, { skip_special_tokens: true });
    if (hooks.onToken && text.length > shown.length) hooks.onToken({ ids: [], text: text.slice(shown.length), step: ids.length });
    return {
      ids,
      text,
      sequences: [{ ids, text }],
      stopReason: hooks.signal?.aborted ? 'aborted' : ids.length && eos.has(ids[ids.length - 1]) ? 'eos' : 'length',
      timings: { encodeMs: 0, firstTokenMs: totalMs, totalMs, newTokens: ids.length, tokensPerSecond: 0 },
      backend,
    };
  };

  return {
    kind: 'causal',
    backend,
    maxInputTokens: o.maxInputTokens,
    defaults: {},
    runtime: `transformers.js ${tf.env.version}`,
    countTokens: (text: string) => (chat(text, false) as number[]).length,
    generate(input, options = {}, hooks = {}) {
      const r = queue.then(() => run(input, options, hooks));
      queue = r.catch(() => undefined);
      return r;
    },
    dispose: () => model.dispose(),
  };
}
