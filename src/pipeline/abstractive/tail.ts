// A pass that ran out of tokens stops mid-sentence; a summary should not end on half a sentence.

/** A sentence end: . ! ? with closing quotes or brackets, before a space or the end. */
const SENTENCE_END = /[.!?][)"'”’\]]*(?=\s|$)/g;

export interface TailOptions {
  /** What ends a sentence (a global pattern); answers also count CJK marks and [n] markers. */
  end?: RegExp;
  /** Whether a line break (a list item's end) also ends a finished part (default true). */
  lineBreaks?: boolean;
}

/**
 * Drops the unfinished tail of a length-stopped generation: everything after the last sentence
 * end or the last line break (a list item), whichever comes later. Text with neither is returned
 * as it is: half a sentence beats nothing.
 */
export function withoutUnfinishedTail(text: string, opts: TailOptions = {}): string {
  const t = text.trimEnd();
  let cut = -1;
  for (const m of t.matchAll(opts.end ?? SENTENCE_END)) cut = m.index + m[0].length;
  if (cut === t.length) return t;
  if (opts.lineBreaks ?? true) cut = Math.max(cut, t.lastIndexOf('\n'));
  return cut > 0 ? t.slice(0, cut).trimEnd() : t;
}
