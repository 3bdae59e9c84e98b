// Bounds on what counts as one sentence, whatever the text looks like. The segmenter (UAX #29)
// and the repairs in ./sentences lean on capital letters: lowercased text (OCR output, some
// corpora) would never be split, and a paste without punctuation would be one huge "sentence"
// that a summary then returns whole. Here, text whose sentences mostly start in lowercase is split
// at sentence punctuation all the same, and every sentence is cut to at most MAX_SENTENCE_CHARS at
// the best boundary available: ; then : then a clause (", and", ", which" ...), a comma, a space.

export const MAX_SENTENCE_CHARS = 600;
// A piece shorter than this is not worth a cut: look for a boundary past it.
const MIN_PIECE = MAX_SENTENCE_CHARS / 4;

const LOWER_START = /[.!?]["'’”)\]]*\s+[a-z]/g;
const UPPER_START = /[.!?]["'’”)\]]*\s+[A-Z]/g;

/** Text written without capitals at sentence starts: more lowercase than uppercase starts. */
export function startsUncapitalized(text: string): boolean {
  const lower = text.match(LOWER_START)?.length ?? 0;
  const upper = text.match(UPPER_START)?.length ?? 0;
  return lower > upper;
}

/**
 * Splits a sentence of uncapitalized text after . ! ? followed by a space, unless the word before
 * the mark is an abbreviation (`isAbbreviation` gets it lowercased, without the final dot), a
 * single letter (an initial). A number before the mark ends a sentence ("in 2020. we").
 */
export function splitUncapitalized(sentence: string, isAbbreviation: (word: string) => boolean): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of sentence.matchAll(/([^\s]*)([.!?])(["'’”)\]]*)\s+(?=\S)/g)) {
    const word = m[1].replace(/^[("'\[]+/, '').toLowerCase();
    if (m[2] === '.' && (isAbbreviation(word) || /^[a-z]$/.test(word))) continue;
    const end = m.index + m[0].length;
    out.push(sentence.slice(start, end).trim());
    start = end;
  }
  out.push(sentence.slice(start).trim());
  return out.filter(Boolean);
}

// Cut points in order of preference; each regex's match end is where the first piece ends.
const CUTS = [/;\s+/g, /:\s+/g, /,\s+(?=(?:and|but|or|which|while|whereas|because|although|though|so|yet|where|when)\b)/g, /,\s+/g, /\s+/g];

function cutAt(s: string): number {
  for (const re of CUTS) {
    let best = -1;
    for (const m of s.matchAll(re)) {
      const end = m.index + m[0].length;
      if (end > MAX_SENTENCE_CHARS) break;
      if (end >= MIN_PIECE) best = end;
    }
    if (best > 0) return best;
  }
  // No boundary at all (a run of symbols, a URL-less hash): a hard cut.
  return MAX_SENTENCE_CHARS;
}

/** `sentence` in pieces of at most MAX_SENTENCE_CHARS, cut at the best boundaries. */
export function capLength(sentence: string): string[] {
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_SENTENCE_CHARS) {
    const k = cutAt(rest);
    out.push(rest.slice(0, k).trim());
    rest = rest.slice(k).trimStart();
  }
  if (rest.trim()) out.push(rest.trim());
  return out;
}

/** Applies both bounds to the sentences of one paragraph. */
export function boundSentences(sentences: string[], paragraph: string, isAbbreviation: (word: string) => boolean): string[] {
  const split = startsUncapitalized(paragraph) ? sentences.flatMap((s) => splitUncapitalized(s, isAbbreviation)) : sentences;
  return split.some((s) => s.length > MAX_SENTENCE_CHARS) ? split.flatMap(capLength) : split;
}
