// Wraps a real TextGenerator and records what the pipeline sends it: the input as the model
// counts it, the options, whether the call streamed, and whether the engine had to truncate.
import { WrappedGenerator } from '../../../src/engine/wrappedGenerator';
import type { GenerateHooks, GenerationOptions, GenerationResult } from '../../../src/engine/types';

export interface ObservedCall {
  input: string;
  /** Tokens the model sees for this input (specials and chat template included). */
  tokens: number;
  options: GenerationOptions;
  streamed: boolean;
  result?: GenerationResult;
}

export class ObservedGenerator extends WrappedGenerator {
  readonly calls: ObservedCall[] = [];
  /** Called before each generate with the call index; lets tests abort at a chosen point. */
  beforeCall?: (n: number) => void;
  /** Passed to the model as its token hook (besides the pipeline's own), e.g. to abort mid-pass. */
  onToken?: (n: number, step: number) => void;


  async generate(input: string, options: GenerationOptions, hooks: GenerateHooks = {}): Promise<GenerationResult> {
    const n = this.calls.length;
    this.beforeCall?.(n);
    const call: ObservedCall = { input, tokens: this.inner.countTokens(input), options, streamed: !!hooks.onToken };
    this.calls.push(call);
    call.result = await this.inner.generate(input, options, {
      signal: hooks.signal,
      onToken: (ev) => {
        hooks.onToken?.(ev);
        this.onToken?.(n, ev.step);
      },
    });
    return call.result;
  }

}
