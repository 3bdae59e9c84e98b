// The TextGenerator the pipeline and worker use: text in, streamed text out, for both model kinds.
import type { FallbackHost } from './fallback';
import { ResilientStepModel } from './fallback';
import type { ChatMessage, ChatTemplate } from './chat';
import type { ModelSpec } from './config';
import { StreamingDetokenizer } from './detokenizer';
import type { Decode, SpecialTokens } from './generation/contract';
import { compileSchema, JsonGrammar, TokenVocabulary } from './generation/json';
import type { TextTokenizer } from './tokenizer';
import { generateBatch, type BatchHost } from './batchGenerate';
import type {
  BatchHooks,
  Backend,
  GenerateHooks,
  GenerationOptions,
  GenerationResult,
  JsonSchema,
  ModelKind,
  TextGenerator,
} from './types';

export interface GeneratorParts {
  spec: ModelSpec;
  tokenizer: TextTokenizer;
  chat?: ChatTemplate;
  systemPrompt?: string;
  special: SpecialTokens;
  defaults: GenerationOptions;
  /** Input limit (seq2seq) or prompt budget (decoder-only), in tokens. */
  maxInputTokens: number;
  /** Longest sequence the model can attend over (decoder positions), if known. */
  contextTokens?: number;
  vocabSize: number;
  host: FallbackHost & { dispose(): Promise<void> };
  decode: Decode;
}

interface PreparedInput {
  /** Encoder input (seq2seq) or nothing. */
  encoderIds: number[];
  start: number[];
  countedStartLength: number;
  truncated?: { inputTokens: number; keptTokens: number };
}

const now = () => performance.now();
/** Compiled schemas kept per generator (each holds its mask cache). */
const MAX_GRAMMARS = 8;

export class Generator implements TextGenerator {
  readonly kind: ModelKind;
  readonly maxInputTokens: number;
  readonly defaults: GenerationOptions;
  private queue: Promise<unknown> = Promise.resolve();
  private vocabulary?: TokenVocabulary;
  private readonly grammars = new Map<string, JsonGrammar>();

  constructor(private readonly p: GeneratorParts) {
    this.kind = p.spec.kind;
    this.maxInputTokens = p.maxInputTokens;
    this.defaults = Object.freeze({ ...p.defaults });
  }

  get backend(): Backend {
    return this.p.host.current().runtime.backend;
  }

  /** Tokens the model sees for `text`: with specials and the T5 prefix or the chat template. */
  countTokens(text: string): number {
    return this.modelIds(text).length;
  }

  /** The exact prompt text a decoder-only model receives for `input` (chat template applied). */
  promptText(input: string): string {
    if (this.p.spec.kind === 'seq2seq') return this.p.spec.inputPrefix + input;
    if (!this.p.chat) return input;
    const messages: ChatMessage[] = [];
    if (this.p.systemPrompt) messages.push({ role: 'system', content: this.p.systemPrompt });
    messages.push({ role: 'user', content: input });
    return this.p.chat.render(messages);
  }

  private modelIds(input: string): number[] {
    // A rendered chat template already holds its special tokens, as in apply_chat_template.
    const addSpecials = this.p.spec.kind === 'seq2seq' || !this.p.chat;
    return this.p.tokenizer.encode(this.promptText(input), addSpecials);
  }

  /**
   * Inputs over maxInputTokens are TRUNCATED (the pipeline chunks beforehand, so this is a safety
   * net) and the result says so in `truncated`. Seq2seq keeps the special tokens around the cut;
   * decoder-only cuts the user text and re-renders the template.
   */
  private prepare(input: string): PreparedInput {
    const tok = this.p.tokenizer;
    let ids = this.modelIds(input);
    const max = this.maxInputTokens;
    let truncated: PreparedInput['truncated'];
    if (ids.length > max) {
      truncated = { inputTokens: ids.length, keptTokens: max };
      if (this.p.spec.kind === 'seq2seq') {
        const tail = specialTail(ids, tok.encode(this.p.spec.inputPrefix, true));
        ids = [...ids.slice(0, max - tail.length), ...ids.slice(ids.length - tail.length)];
      } else {
        const content = tok.encode(input, false);
        let keep = content.length - (ids.length - max);
        while (keep > 0 && ids.length > max) {
          ids = this.modelIds(tok.decode(content.slice(0, keep), false));
          keep -= Math.max(1, ids.length - max);
        }
        truncated.keptTokens = ids.length;
      }
    }
    if (this.p.spec.kind === 'seq2seq') {
      return { encoderIds: ids, start: [this.p.spec.decoderStartTokenId], countedStartLength: 1, truncated };
    }
    return { encoderIds: [], start: ids, countedStartLength: ids.length, truncated };
  }

  generate(input: string, options: GenerationOptions = {}, hooks: GenerateHooks = {}): Promise<GenerationResult> {
    // One generation at a time: the sessions and their caches are not re-entrant.
    const run = this.queue.then(() => this.run(input, options, hooks));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Several inputs at once (batchGenerate.ts): batched where possible, same tokens as one by one. */
  generateBatch(inputs: string[], options: GenerationOptions = {}, hooks: BatchHooks = {}): Promise<GenerationResult[]> {
    const host: BatchHost = {
      kind: this.kind,
      tokenizer: this.p.tokenizer,
      special: this.p.special,
      vocabSize: this.p.vocabSize,
      host: this.p.host,
      prepare: (s) => this.prepare(s),
      resolve: (o, n) => this.resolveOptions(o, n),
      single: (s, o, h) => this.run(s, o, h),
    };
    const run = this.queue.then(() => generateBatch(host, inputs, options, hooks));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(input: string, options: GenerationOptions, hooks: GenerateHooks): Promise<GenerationResult> {
    const t0 = now();
    const { signal, onToken } = hooks;
    const prepared = this.prepare(input);
    const { options: opts, defaults } = this.resolveOptions(options, prepared.start.length);
    // Before anything runs, so a schema outside the subset fails at once.
    const schemaRoot = hooks.jsonSchema ? compileSchema(hooks.jsonSchema) : undefined;
    // Even a run that never started returns a document that parses: the schema's minimal one.
    if (signal?.aborted) return this.abortedBeforeStart(t0, prepared.truncated, schemaRoot?.min ?? '');
    const constraint = hooks.jsonSchema ? this.grammar(hooks.jsonSchema).start() : undefined;
    const model = await ResilientStepModel.start(this.p.host, prepared.encoderIds, this.p.vocabSize);
    const tEncoded = now();
    const detok = new StreamingDetokenizer({ decode: (ids) => this.p.tokenizer.decode(ids, true) });
    const streamed: number[] = [];
    let firstTokenAt: number | undefined;
    let lastStep = 0;
    let result;
    try {
      result = await this.p.decode({
        model,
        start: prepared.start,
        countedStartLength: prepared.countedStartLength,
        options: opts,
        defaults,
        special: this.p.special,
        // Prompt-lookup drafts come from the encoder input (a decoder-only prompt is in `start`).
        lookupSource: prepared.encoderIds.length ? prepared.encoderIds : undefined,
        signal,
        constraint,
        onToken: (ev) => {
          firstTokenAt ??= now();
          streamed.push(...ev.ids);
          lastStep = ev.step;
          // Constrained: the text is the one the constraint validated, token texts concatenated
          // (never a partial character: such tokens are not allowed).
          const text = constraint ? constraint.vocabulary.textOf(ev.ids) : detok.push(ev.ids);
          onToken?.({ ...ev, text });
        },
      });
    } finally {
      model.dispose();
    }
    const tEnd = now();
    const best = result.sequences[0] ?? { ids: [], score: 0 };
    // Beam search may settle its best hypothesis only at the end: stream whatever was not streamed.
    const missing = startsWith(best.ids, streamed) ? best.ids.slice(streamed.length) : [];
    let text: string;
    if (constraint) {
      // The whole document; more than the tokens' text only if the vocabulary lacked a closing character.
      text = constraint.text;
      const rest = text.slice(constraint.vocabulary.textOf(streamed).length);
      if (rest) onToken?.({ ids: [], text: rest, step: lastStep });
    } else {
      let rest = missing.length ? detok.push(missing) : '';
      rest += detok.flush();
      if (rest || missing.length) onToken?.({ ids: missing, text: rest, step: lastStep + missing.length });
      text = startsWith(best.ids, streamed) ? detok.text : this.p.tokenizer.decode(best.ids, true);
    }
    const newTokens = best.ids.length;
    const firstMs = (firstTokenAt ?? tEnd) - t0;
    const afterFirst = (tEnd - (firstTokenAt ?? tEnd)) / 1000;
    const out: GenerationResult = {
      ids: best.ids,
      text,
      sequences: result.sequences.map((s, i) => ({
        ids: s.ids,
        text: i === 0 ? text : this.p.tokenizer.decode(s.ids, true),
        score: s.score,
      })),
      stopReason: result.stopReason,
      timings: {
        encodeMs: this.kind === 'seq2seq' ? tEncoded - t0 : (model.firstStepMs ?? 0),
        firstTokenMs: firstMs,
        totalMs: tEnd - t0,
        newTokens,
        tokensPerSecond: newTokens > 1 && afterFirst > 0 ? (newTokens - 1) / afterFirst : 0,
        ...(result.stats ?? {}),
      },
      backend: this.backend,
    };
    if (constraint) out.timings.constraintMs = constraint.stats.maskMs;
    if (model.fellBack) out.fellBack = model.fellBack;
    if (prepared.truncated) out.truncated = prepared.truncated;
    return out;
  }

  private abortedBeforeStart(t0: number, truncated: PreparedInput['truncated'], text: string): GenerationResult {
    const totalMs = now() - t0;
    const r: GenerationResult = {
      ids: [],
      text,
      sequences: [],
      stopReason: 'aborted',
      timings: { encodeMs: 0, firstTokenMs: totalMs, totalMs, newTokens: 0, tokensPerSecond: 0 },
      backend: this.backend,
    };
    if (truncated) r.truncated = truncated;
    return r;
  }

  /**
   * The caller's options and the model's defaults, kept apart so the decoder can tell a user's
   * contradiction (an error) from a default that a user's shorter length overrides (HF behaviour:
   * bart-cnn's min_length 56 with max_new_tokens 20 just blocks EOS). Both are capped to what the
   * model can attend.
   */
  private resolveOptions(
    options: GenerationOptions,
    startLength: number,
  ): { options: GenerationOptions; defaults: GenerationOptions } {
    const opts: GenerationOptions = { ...options };
    // Asking for sampling means one sequence unless the user also asked for beams; the model's
    // default num_beams (often 4) must not turn it into beam sampling, which is not offered.
    if (opts.do_sample && opts.num_beams === undefined) opts.num_beams = 1;
    // Likewise asking for beams means beam search even where the defaults sample (Qwen's do).
    if ((opts.num_beams ?? 1) > 1 && opts.do_sample === undefined) opts.do_sample = false;
    if (options.bad_words?.length) {
      const tok = this.p.tokenizer;
      const seqs = options.bad_words.flatMap((w) => [tok.encode(w, false), tok.encode(` ${w}`, false)]);
      const uniq = new Map(seqs.filter((s) => s.length).map((s) => [s.join(','), s]));
      opts.bad_words_ids = [...(opts.bad_words_ids ?? []), ...uniq.values()];
    }
    delete opts.bad_words;
    const ctx = this.p.contextTokens;
    if (ctx !== undefined) {
      const merged = { ...this.p.defaults, ...opts };
      // Decoder-only counts the prompt in the context; seq2seq's decoder positions start at 0.
      const used = this.kind === 'causal' ? startLength : 0;
      if (merged.max_new_tokens !== undefined) {
        const capped = Math.max(1, Math.min(merged.max_new_tokens, ctx - used));
        if (capped !== merged.max_new_tokens || opts.max_new_tokens !== undefined) opts.max_new_tokens = capped;
      }
      if (merged.max_length !== undefined || merged.max_new_tokens === undefined) {
        const capped = Math.min(merged.max_length ?? ctx, ctx);
        if (capped !== merged.max_length || opts.max_length !== undefined) opts.max_length = capped;
      }
    }
    return { options: opts, defaults: { ...this.p.defaults } };
  }

  /** The schema compiled against this model's vocabulary (built on first use: ~V decodes). */
  private grammar(schema: JsonSchema): JsonGrammar {
    const key = JSON.stringify(schema);
    let g = this.grammars.get(key);
    if (!g) {
      this.vocabulary ??= TokenVocabulary.fromTokenizer(this.p.tokenizer, this.p.vocabSize, this.p.special.eosTokenIds);
      g = new JsonGrammar(this.vocabulary, schema);
      if (this.grammars.size >= MAX_GRAMMARS) this.grammars.delete(this.grammars.keys().next().value!);
      this.grammars.set(key, g);
    }
    return g;
  }

  async dispose(): Promise<void> {
    await this.queue;
    await this.p.host.dispose();
  }
}

function startsWith(a: readonly number[], prefix: readonly number[]): boolean {
  return prefix.length <= a.length && prefix.every((x, i) => a[i] === x);
}

/** The special ids the post-processor appends (e.g. </s>), found by encoding an empty input. */
function specialTail(ids: readonly number[], empty: readonly number[]): number[] {
  let lead = 0;
  while (lead < empty.length && empty[lead] === ids[lead]) lead++;
  const tail = empty.slice(lead);
  return startsWith(ids.slice(ids.length - tail.length), tail) ? tail : [];
}
