// A deterministic stand-in for a loaded model: counts tokens as words, "summarizes" by keeping the
// first words of each input sentence, and streams word by word. It records every call.
import type { GenerateHooks, GenerationOptions, GenerationResult, ModelKind, TextGenerator } from '../../../src/engine/types';

export interface FakeCall {
  input: string;
  options: GenerationOptions;
  streamed: boolean;
}

export class FakeGenerator implements TextGenerator {
  readonly backend = 'wasm' as const;
  readonly defaults: GenerationOptions = {};
  readonly calls: FakeCall[] = [];
  /** Called before each generate; lets tests abort at a chosen point. */
  beforeCall?: (n: number) => void;

  constructor(
    readonly maxInputTokens = 200,
    readonly kind: ModelKind = 'seq2seq',
  ) {}

  countTokens(text: string): number {
    return text.split(/\s+/).filter(Boolean).length;
  }

  async generate(input: string, options: GenerationOptions, hooks: GenerateHooks = {}): Promise<GenerationResult> {
    this.beforeCall?.(this.calls.length);
    if (this.countTokens(input) > this.maxInputTokens) throw new Error(`input of ${this.countTokens(input)} tokens exceeds ${this.maxInputTokens}`);
    this.calls.push({ input, options, streamed: !!hooks.onToken });
    const max = options.max_new_tokens ?? 50;
    // Keep the first 6 words of each sentence, up to max tokens.
    const words = input
      .split(/(?<=[.!?])\s+/)
      .flatMap((s) => s.split(/\s+/).filter(Boolean).slice(0, 6).concat([]))
      .map((w, i, all) => (i === all.length - 1 || /[.!?]$/.test(w) ? w : w));
    const out: string[] = [];
    for (const w of words.slice(0, max)) {
      // A microtask per word keeps the call asynchronous without a timer per token (fast tests).
      await Promise.resolve();
      if (hooks.signal?.aborted) return this.result(out, 'aborted');
      out.push(w);
      hooks.onToken?.({ ids: [out.length], text: (out.length > 1 ? ' ' : '') + w, step: out.length });
    }
    return this.result(out, out.length >= max ? 'length' : 'eos');
  }

  private result(words: string[], stopReason: GenerationResult['stopReason']): GenerationResult {
    const text = words.join(' ');
    return {
      ids: words.map((_, i) => i),
      text,
      sequences: [{ ids: words.map((_, i) => i), text }],
      stopReason,
      timings: { encodeMs: 0, firstTokenMs: 0, totalMs: 0, newTokens: words.length, tokensPerSecond: 0 },
      backend: 'wasm',
    };
  }

  async dispose(): Promise<void> {}
}
