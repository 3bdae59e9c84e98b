// Cheap counts for the paste area. Runs on the UI thread, so no tokenizer: a single pass over
// the characters, linear and allocation-free even for a 100k-word paste.

export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // space, tab, newline, carriage return, form feed, vertical tab, nbsp
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

/**
 * Rough token estimate for English prose with BPE tokenizers (about 1.3 tokens per word).
 * Shown as an estimate; the worker's tokenizer gives the real count.
 */
export function estimateTokens(words: number): number {
  return Math.round(words * 1.33);
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
