// A small instruct model does not keep to the asked length and restates one claim in sentence
// after sentence: SmolLM2-135M wrote eight sentences for a one-sentence TL;DR, each saying again
// that "the project aims to enhance the biodiversity database", and no_repeat_ngram_size cannot
// see restatements that differ within every n words. The guard reads a pass as it streams, drops
// a unit (sentence, or point of a list) that says what a kept one said, and says "stop" once the
// asked number of units or words is reached or the model repeats itself twice: the pass ends
// there, which also saves the tokens it would have spent.
import { countText, sentenceGap } from '../cjk/script';
import { countsCosine, SAME_CLAIM_AT, termCounts, type TermCounts } from '../overlap';
import { splitSentences } from '../sentences';
import type { AskedLength } from './prompts';
import { withoutUnfinishedTail } from './tail';

/** Repeats dropped before the pass is stopped: one slip is forgiven, a second means a loop. */
const REPEATS_BEFORE_STOP = 2;
const BULLET = /^\s*(?:[-*•]|\d{1,2}[.)])\s+/;

/** What a pass's text goes through as it streams. */
export interface PassFilter {
  readonly stopped: boolean;
  push(delta: string): boolean;
  text(complete?: boolean): string;
}

export class OutputGuard implements PassFilter {
  private raw = '';
  private readonly kept: string[] = [];
  /** The kept units' terms (their list markers left out), each computed once. */
  private readonly keptTerms: TermCounts[] = [];
  private judged = 0;
  private repeats = 0;
  private amount = 0;
  /** True once the guard asked for the pass to end. */
  stopped = false;
  /** Units left out: repeats, and a last unit that overshot a word budget. */
  dropped = 0;

  /** `asked`: the final pass's length (none for intermediate passes: repeats only). */
  constructor(private readonly asked?: AskedLength) {}

  /** Feeds the next streamed piece; true when the pass should end now. */
  push(delta: string): boolean {
    if (this.stopped) return true;
    this.raw += delta;
    const units = this.units(this.raw);
    // The last unit may still grow: only the ones before it are judged while streaming.
    while (this.judged < units.length - 1 && !this.stopped) this.judge(units[this.judged++]);
    return this.stopped;
  }

  /**
   * The text to keep. `complete`: the pass ended by itself (the last unit is whole); false when it
   * ran out of tokens, whose last unit is dropped when unfinished. After a stop, what was kept.
   */
  text(complete = true): string {
    if (!this.stopped) {
      const source = complete ? this.raw : withoutUnfinishedTail(this.raw);
      const units = this.units(source);
      while (this.judged < units.length && !this.stopped) this.judge(units[this.judged++]);
    }
    return this.join();
  }

  /** Whole sentences; lines, for a list of points (a point is one line, however many sentences). */
  private units(s: string): string[] {
    if (this.asked?.unit === 'points') return s.split('\n').map((l) => l.trim()).filter(Boolean);
    return splitSentences(s).map((x) => x.trim()).filter(Boolean);
  }

  private judge(unit: string): void {
    const claim = termCounts(unit.replace(BULLET, ''));
    if (this.keptTerms.some((k) => countsCosine(k, claim) > SAME_CLAIM_AT)) {
      this.dropped++;
      if (++this.repeats >= REPEATS_BEFORE_STOP) this.stopped = true;
      return;
    }
    const a = this.asked;
    if (!a) {
      this.keep(unit, claim);
      return;
    }
    if (a.unit === 'sentences' || a.unit === 'points') {
      // An introduction line before the list ("Here are the key points:") is not a point.
      const counts = a.unit === 'sentences' || BULLET.test(unit) || this.kept.length > 0;
      this.keep(unit, claim);
      if (counts) this.amount++;
      if (this.amount >= a.count) this.stopped = true;
      return;
    }
    const c = countText(unit);
    const size = a.unit === 'words' ? c.words : c.characters;
    // About N words: stop at the sentence that reaches 90% of N, unless it runs far past N and
    // the summary is long enough without it.
    if (this.amount + size > a.count * 1.3 && this.amount >= a.count * 0.7) {
      this.dropped++;
      this.stopped = true;
      return;
    }
    this.keep(unit, claim);
    this.amount += size;
    if (this.amount >= a.count * 0.9) this.stopped = true;
  }

  private keep(unit: string, terms: TermCounts): void {
    this.kept.push(unit);
    this.keptTerms.push(terms);
  }

  private join(): string {
    if (this.asked?.unit === 'points') return this.kept.join('\n');
    return this.kept.reduce((out, s, i) => (i ? out + sentenceGap(this.kept[i - 1]) : '') + s, '');
  }
}

/** A finished intermediate pass without its repeated sentences. */
export function withoutRepeats(text: string): string {
  const g = new OutputGuard();
  g.push(text);
  return g.text(true);
}

/**
 * No guard: the pass as the model wrote it, its unfinished tail cut when it ran out of tokens.
 * Only for measuring what the guard changes (the eval's "noguard" variant), never the app's path.
 */
export class Unguarded implements PassFilter {
  private raw = '';
  readonly stopped = false;
  push(delta: string): boolean {
    this.raw += delta;
    return false;
  }
  text(complete = true): string {
    return complete ? this.raw : withoutUnfinishedTail(this.raw);
  }
}
