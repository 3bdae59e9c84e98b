// Wraps the loaded TextGenerator so the worker learns what the pipeline's generate() calls did
// (timings, tokens, a WebGPU->WASM fallback) without the pipeline having to report them.
import { WrappedGenerator } from '../engine/wrappedGenerator';
import type {
  BatchHooks,
  GenerateHooks,
  GenerationOptions,
  GenerationResult,
  GenerationTimings,
  TextGenerator,
} from '../engine/types';

export class ObservedGenerator extends WrappedGenerator {
  private calls: GenerationResult[] = [];
  /** The first mid-run fallback since the model was loaded. */
  firstFallBack: GenerationResult['fellBack'] | null = null;
  private startedAt = 0;
  private firstTokenAt: number | null = null;
  private tokens = 0;

  /** Told how many tokens each step produced (the worker batches them with the text). */
  onTokens: (count: number) => void = () => {};

  /** Present when the inner generator batches (the pipeline checks for it). */
  readonly generateBatch?: (inputs: string[], options: GenerationOptions, hooks?: BatchHooks) => Promise<GenerationResult[]>;

  constructor(inner: TextGenerator) {
    super(inner);
    const batch = inner.generateBatch?.bind(inner);
    if (batch) {
      // A batch streams no tokens: each result counts when it is final.
      this.generateBatch = (inputs, options, hooks = {}) =>
        batch(inputs, options, {
          ...hooks,
          onResult: (i, r) => {
            this.firstTokenAt ??= performance.now();
            this.tokens += r.timings.newTokens;
            this.onTokens(r.timings.newTokens);
            this.calls.push(r);
            this.firstFallBack ??= r.fellBack ?? null;
            hooks.onResult?.(i, r);
          },
        });
    }
  }

  /** Starts a new observation window (one summary). */
  reset(now: number): void {
    this.calls = [];
    this.startedAt = now;
    this.firstTokenAt = null;
    this.tokens = 0;
  }

  async generate(input: string, options: GenerationOptions, hooks: GenerateHooks = {}): Promise<GenerationResult> {
    const result = await this.inner.generate(input, options, {
      ...hooks,
      onToken: (ev) => {
        if (this.firstTokenAt === null) this.firstTokenAt = performance.now();
        this.tokens += ev.ids.length;
        this.onTokens(ev.ids.length);
        hooks.onToken?.(ev);
      },
    });
    this.calls.push(result);
    this.firstFallBack ??= result.fellBack ?? null;
    return result;
  }

  /** The fallback of the latest call of this window that fell back, if any. */
  fellBack(): GenerationResult['fellBack'] | null {
    for (let i = this.calls.length - 1; i >= 0; i--) if (this.calls[i].fellBack) return this.calls[i].fellBack!;
    return null;
  }

  /** Timings summed over every generate() call of this window; null when none ran. */
  timings(now: number): GenerationTimings | null {
    if (this.calls.length === 0 && this.tokens === 0) return null;
    // Rows of one batch share their prefill and decoding time: each counts its share.
    const share = (c: GenerationResult) => 1 / Math.max(1, c.timings.batchRows ?? 1);
    const encodeMs = this.calls.reduce((s, c) => s + c.timings.encodeMs * share(c), 0);
    const decodeMs = this.calls.reduce((s, c) => s + Math.max(0, c.timings.totalMs - c.timings.firstTokenMs) * share(c), 0);
    const decodeTokens = this.calls.reduce((s, c) => s + Math.max(0, c.timings.newTokens - 1), 0);
    const out: GenerationTimings = {
      encodeMs,
      firstTokenMs: this.firstTokenAt === null ? 0 : this.firstTokenAt - this.startedAt,
      totalMs: now - this.startedAt,
      newTokens: this.tokens,
      tokensPerSecond: decodeMs > 0 ? (decodeTokens * 1000) / decodeMs : 0,
    };
    // Decoder-run and prompt-lookup counters, summed over the calls that report them.
    for (const key of ['decoderRuns', 'draftedTokens', 'acceptedTokens'] as const) {
      const reported = this.calls.filter((c) => c.timings[key] !== undefined);
      if (reported.length) out[key] = reported.reduce((s, c) => s + c.timings[key]!, 0);
    }
    return out;
  }

}
