// A pass that ran out of tokens stops mid-sentence; a summary should not end on half a sentence.

/**
 * Drops the unfinished tail of a length-stopped generation: everything after the last sentence
 * end (. ! ? with closing quotes or brackets) or the last line break (a list item), whichever comes
 * later. Text with neither is returned as it is: half a sentence beats nothing.
 */
export function withoutUnfinishedTail(text: string): string {
  const t = text.trimEnd();
  if (/[.!?][)"'”’\]]*$/.test(t)) return t;
  let cut = -1;
  for (const m of t.matchAll(/[.!?][)"'”’\]]*(?=\s)/g)) cut = m.index + m[0].length;
  const lastBreak = t.lastIndexOf('\n');
  cut = Math.max(cut, lastBreak);
  return cut > 0 ? t.slice(0, cut).trimEnd() : t;
}
