// Sentence ends in Chinese text, which UAX #29 (Intl.Segmenter) handles poorly: it keeps "；" and
// "……" inside sentences and puts an opening quote at the end of the previous sentence. Cut
// after 。！？；… (and ! ? right after a CJK character), keeping closing quotes and brackets with
// the sentence they close; Latin sentences inside each piece are split by sentences.ts afterwards.

/** A run of sentence-ending marks (……, ？！, 。) and the closers that follow it. */
const END = /(?:[。！？；]|\u2026+|\.{3,}|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[!?;])+[”’」』）)\]】》〉"']*/gu;

export function splitCjk(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of paragraph.matchAll(END)) {
    const end = m.index + m[0].length;
    const piece = paragraph.slice(start, end).trim();
    if (piece) out.push(piece);
    start = end;
  }
  const tail = paragraph.slice(start).trim();
  if (tail) {
    // Closing marks alone (a quote after a sentence that a segmenter put apart) join the sentence before.
    if (out.length && /^[”’」』）)\]】》〉]+$/u.test(tail)) out[out.length - 1] += tail;
    else out.push(tail);
  }
  return out;
}

/** Line breaks inside a Chinese paragraph are layout, not spaces: "研究\n方法" is "研究方法". */
export function joinsWithoutSpace(before: string, after: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]$/u.test(before) && /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u.test(after);
}
