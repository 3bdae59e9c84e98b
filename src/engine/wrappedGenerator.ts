// A TextGenerator around another one: what the model says about itself is forwarded, so a
// wrapper (the worker's observer, the benchmark's counter, test recorders) writes only what it
// adds around generate().
import type { GenerateHooks, GenerationOptions, GenerationResult, TextGenerator } from './types';

export abstract class WrappedGenerator implements TextGenerator {
  constructor(readonly inner: TextGenerator) {}

  get kind() {
    return this.inner.kind;
  }
  get backend() {
    return this.inner.backend;
  }
  get maxInputTokens() {
    return this.inner.maxInputTokens;
  }
  get defaults() {
    return this.inner.defaults;
  }
  countTokens(text: string): number {
    return this.inner.countTokens(text);
  }

  abstract generate(input: string, options: GenerationOptions, hooks?: GenerateHooks): Promise<GenerationResult>;

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}
