// A paper's map and reduce passes do not depend on the style the reader asked for: the chunks,
// instructions and settings are the same for a TL;DR and for key points. So the second summary of
// a paper on the same model (key points after a TL;DR) reuses them instead of reading the whole
// paper again, and a summary that was stopped keeps the chunks it had finished. Greedy passes
// only (sampling is meant to differ each time); the key is the model, the stage, the settings
// and the whole input, so nothing but an identical pass is ever reused.
import type { GenerationOptions } from '../../engine/types';

/** Characters of keys and texts held before the oldest entries go (about 2 MB of strings). */
const DEFAULT_MAX_CHARS = 1_000_000;

export class PassCache {
  private readonly models = new WeakMap<object, number>();
  private nextModel = 0;
  /** In use order, oldest first (a Map keeps insertion order; a hit is moved to the end). */
  private readonly entries = new Map<string, string>();
  private chars = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxChars = DEFAULT_MAX_CHARS) {}

  /** The key of one pass, or undefined when the pass must not be reused (sampling). */
  key(model: object, stage: string, input: string, options: GenerationOptions, filtered: boolean): string | undefined {
    if (options.do_sample) return undefined;
    let id = this.models.get(model);
    if (id === undefined) this.models.set(model, (id = this.nextModel++));
    const settings = JSON.stringify(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1)));
    return `${id}\u0000${stage}\u0000${filtered ? 1 : 0}\u0000${settings}\u0000${input}`;
  }

  get(key: string | undefined): string | undefined {
    if (key === undefined) return undefined;
    const text = this.entries.get(key);
    if (text === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, text);
    return text;
  }

  set(key: string | undefined, text: string): void {
    if (key === undefined || key.length + text.length > this.maxChars) return;
    const old = this.entries.get(key);
    if (old !== undefined) this.chars -= key.length + old.length;
    this.entries.delete(key);
    this.entries.set(key, text);
    this.chars += key.length + text.length;
    for (const [k, v] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(k);
      this.chars -= k.length + v.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
