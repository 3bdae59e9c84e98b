// A small instruct model does not keep to the asked length and restates one claim in sentence
// after sentence: SmolLM2-135M wrote eight sentences for a one-sentence TL;DR, each saying again
// that "the project aims to enhance the biodiversity database", and no_repeat_ngram_size cannot
// see restatements that differ within every n words. The guard reads a pass as it streams, drops
// a unit (sentence, or point of a list) that says what a kept one said, and says "stop" once the
// asked number of units or words is reached or the model repeats itself twice: the pass ends
// there, which also saves the tokens it would have spent.
import { countText, sentenceGap } from '../cjk/script';
import { countsCosine, LOOP_SHARE, SAME_CLAIM_AT, termCounts, wordTrigrams, type TermCounts } from '../overlap';
import { splitSentences } from '../sentences';
import type { AskedLength } from './prompts';
import { withoutUnfinishedTail } from './tail';

/** Repeats dropped before the pass is stopped: one slip is forgiven, a second means a loop. */
const REPEATS_BEFORE_STOP = 2;
/** A list item's marker: -, *, • or a number with . or ). */
export const BULLET = /^\s*(?:[-*•]|\d{1,2}[.)])\s+/;

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
    // The last unit may still grow: only the ones before it are judged while streaming, unless it
    // already loops (a sentence that never ends, naming the same words again and again).
    while (this.judged < units.length - 1 && !this.stopped) this.judge(units[this.judged++]);
    const last = units[units.length - 1];
    if (!this.stopped && this.judged === units.length - 1 && last && loops(last, STREAMING_LOOP_GRAMS)) {
      this.judged++;
      this.dropLoop(last);
    }
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

  /**
   * Whole sentences; for points, the lines of a list (a point is one line, however many
   * sentences), and the sentences of a line that is no list item (a model that wrote prose).
   */
  private units(s: string): string[] {
    const sentences = (t: string) => splitSentences(t).map((x) => x.trim()).filter(Boolean);
    if (this.asked?.unit !== 'points') return sentences(s);
    return s
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .flatMap((l) => (BULLET.test(l) ? [l] : sentences(l)));
  }

  private judge(unit: string): void {
    if (loops(unit, MIN_LOOP_GRAMS)) return this.dropLoop(unit);
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
      const counts = a.unit === 'sentences' || BULLET.test(unit) || !/:\s*$/.test(unit);
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

  /** A looping unit ends the pass; with nothing kept before it, its start before the loop stays. */
  private dropLoop(unit: string): void {
    this.dropped++;
    this.stopped = true;
    if (!this.kept.length) {
      const start = beforeLoop(unit);
      if (start) this.keep(start, termCounts(start));
    }
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

/** Trigrams a finished unit needs before it can be called a loop; a growing one needs more. */
const MIN_LOOP_GRAMS = 6;
const STREAMING_LOOP_GRAMS = 12;

/** SmolLM2 can fall into "Open-Access Open-Access Online ..." inside one sentence that never ends. */
function loops(unit: string, minGrams: number): boolean {
  const grams = wordTrigrams(unit);
  return grams.length >= minGrams && (grams.length - new Set(grams).size) / grams.length >= LOOP_SHARE;
}

/** The words of a looping unit before its first repeated trigram began. */
function beforeLoop(unit: string): string {
  const grams = wordTrigrams(unit);
  const firstRepeat = grams.findIndex((g, i) => grams.indexOf(g) < i);
  if (firstRepeat < 1) return '';
  const spans = [...unit.matchAll(/[\p{L}\p{N}]+/gu)];
  return unit.slice(0, spans[firstRepeat].index).replace(/[\s,;:–—-]+$/u, '').trim();
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
