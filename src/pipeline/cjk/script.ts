// Which characters are Chinese (and Japanese kana), and counts that mean something for text that
// mixes them with Latin words: Han characters are counted one by one, Latin text by words.

/** Han ideographs, kana and CJK compatibility forms: written without spaces between words. */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u3007]/u;
const CJK_CHARS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u3007]/gu;
/** Full-width punctuation of CJK text (。，、；：！？「」『』（）【】《》“” …). */
const CJK_PUNCT = /[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u2014]/gu;

/**
 * The body of a regex character class (for a `u` regex) matching Chinese text: Han characters and
 * the full-width punctuation around them. Identifiers written in running text (URLs, DOIs, pandoc
 * citation keys) end where it starts, since Chinese puts no space after "……见 https://x.org/a。".
 */
export const CJK_TEXT_CLASS = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026`;

export function hasCjk(s: string): boolean {
  return CJK_CHAR.test(s);
}

export interface TextCounts {
  /** Whitespace-separated words once CJK characters and punctuation are taken out. */
  words: number;
  /** CJK characters (punctuation not counted). */
  characters: number;
}

export function countText(s: string): TextCounts {
  let characters = 0;
  const rest = s.replace(CJK_CHARS, () => {
    characters++;
    return ' ';
  });
  const words = characters ? rest.replace(CJK_PUNCT, ' ').match(/\S+/g) : rest.match(/\S+/g);
  return { words: words ? words.length : 0, characters };
}

/**
 * Length in English-word equivalents, for budgets written in words (summary lengths, sentence
 * quality): a Chinese word is about 1.6 characters (Chinese Treebank average), so 1.6 characters
 * count as one word.
 */
export function wordEquivalents(s: string): number {
  const c = countText(s);
  return c.words + Math.round(c.characters / 1.6);
}

/** 'zh' when CJK characters outweigh Latin words in `s`, else 'en' (the only two the prompts know). */
export function textLanguage(s: string): 'zh' | 'en' {
  const c = countText(s.slice(0, 20_000));
  return c.characters > 0 && c.characters / 1.6 >= c.words ? 'zh' : 'en';
}

/** What goes between two quoted sentences: nothing after a Chinese one (Chinese is written without spaces), else a space. */
export function sentenceGap(previous: string): string {
  return /[\p{Script=Han}\u3000-\u303f\uff00-\uffef”’」』）】》]$/u.test(previous) ? '' : ' ';
}
