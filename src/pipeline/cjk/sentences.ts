// Sentence ends in Chinese text, which UAX #29 (Intl.Segmenter) handles poorly: it keeps "；" and
// "……" inside sentences and puts an opening quote at the end of the previous sentence. Cut
// after 。！？；… (and ! ? right after a CJK character), keeping closing quotes and brackets with
// the sentence they close; Latin sentences inside each piece are split by sentences.ts afterwards.

/** A run of sentence-ending marks (……, ？！, 。) and the closers that follow it. */
const END = /(?:[。！？；]|\u2026+|\.{3,}|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[!?;])+[”’」』）)\]】》〉"']*/gu;

const OPEN = /[（(【[]/gu;
const CLOSE = /[）)】\]]/gu;
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

export function splitCjk(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  // Brackets open at the current match: a "；" inside them separates items of a list, as in the
  // author-year citations "（张三，2019；李四，2020）" or "（例如，将仓库与 Zenodo 关联；……）", not sentences.
  let depth = 0;
  let seen = 0;
  for (const m of paragraph.matchAll(END)) {
    const before = paragraph.slice(seen, m.index);
    depth = Math.max(0, depth + count(before, OPEN) - count(before, CLOSE));
    seen = m.index;
    if (depth > 0 && /^[；;]+$/u.test(m[0])) continue;
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
