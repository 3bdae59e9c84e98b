// A cursor over LaTeX source that reads command names and balanced groups. Brace reading stops at
// the end of input, so broken sources cannot hang or throw.

export class Scanner {
  i = 0;
  constructor(readonly s: string) {}
  get done() {
    return this.i >= this.s.length;
  }
  peek(k = 0) {
    return this.s[this.i + k] ?? '';
  }
  skipSpaces() {
    while (!this.done && /[ \t]/.test(this.peek())) this.i++;
  }
  /** Reads a {...} group (balanced, escaped braces respected); unterminated groups end at input end. */
  group(open = '{', close = '}'): string | null {
    const save = this.i;
    while (!this.done && /[ \t\n]/.test(this.peek()) && this.peek() !== open) this.i++;
    if (this.peek() !== open) {
      this.i = save;
      return null;
    }
    let depth = 0;
    const start = this.i + 1;
    for (; this.i < this.s.length; this.i++) {
      const c = this.s[this.i];
      if (c === '\\') {
        this.i++;
        continue;
      }
      if (c === open) depth++;
      else if (c === close && --depth === 0) {
        this.i++;
        return this.s.slice(start, this.i - 1);
      }
    }
    return this.s.slice(start);
  }
  /** A macro argument as TeX reads it: a group, or else the next single token (\cmd or one character). */
  argument(): string {
    const g = this.group();
    if (g !== null) return g;
    while (!this.done && /\s/.test(this.peek())) this.i++;
    if (this.peek() === '\\') {
      const start = this.i;
      this.commandName();
      return this.s.slice(start, this.i);
    }
    return this.done ? '' : this.s[this.i++];
  }
  commandName(): string {
    // at '\\'
    this.i++;
    const m = /^([A-Za-z@]+\*?|.)/.exec(this.s.slice(this.i, this.i + 40));
    const name = m ? m[1] : '';
    this.i += name.length;
    return name;
  }
}

export function skipOptional(sc: Scanner): void {
  while (sc.peek() === '[' || (sc.peek() === ' ' && sc.peek(1) === '[')) {
    sc.skipSpaces();
    sc.group('[', ']');
  }
}

export function stripComments(src: string): string {
  return src.replace(/(^|[^\\])%.*$/gm, '$1');
}
