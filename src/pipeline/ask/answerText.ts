// Tidies a small model's answer before it is shown: no half sentence where it ran out of tokens,
// and no loop ("sample collection method, sample collection method, ...") once it starts repeating.
import { withoutUnfinishedTail } from '../abstractive/tail';
import { LOOP_SHARE, wordTrigrams } from '../overlap';
import { splitSentences } from '../sentences';

/** A sentence end, with the citation markers that follow it ("... decade. [1][2]"). */
const END = /[.!?。！？][)"'”’\]]*(?:\s*\[\d+\])*(?=\s|$)/g;

export function withoutHalfSentence(text: string): string {
  return withoutUnfinishedTail(text, { end: END, lineBreaks: false });
}

export function withoutLoops(text: string): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const sentence of splitSentences(text)) {
    const grams = wordTrigrams(sentence);
    const repeated = grams.filter((g) => seen.has(g)).length;
    // Within one sentence too: a list that keeps naming the same thing.
    const inner = grams.length - new Set(grams).size;
    if (grams.length >= 3 && (repeated + inner) / grams.length >= LOOP_SHARE) break;
    grams.forEach((g) => seen.add(g));
    kept.push(sentence);
  }
  return kept.length ? kept.join(' ') : text;
}

export function tidyAnswer(text: string, stoppedByLength: boolean): string {
  const t = withoutLoops(text.trim());
  return stoppedByLength || t !== text.trim() ? withoutHalfSentence(t) : t;
}
