// The paste area's counts in words a reader can check: CJK characters and Latin words are
// counted apart (pipeline/cjk/script.ts) and shown as such, and a rough token estimate.
import type { TextCounts } from '../../pipeline/cjk/script';
import { t } from '../i18n';
import { formatCount } from '../i18n/format';

/**
 * Rough token estimate for BPE tokenizers: about 1.3 tokens per English word and one per Chinese
 * character (byte-level vocabularies split most Han characters into one or two tokens; Qwen's
 * merges make it fewer). Shown as an estimate; the worker's tokenizer gives the real count.
 */
export function estimateTokens(c: TextCounts): number {
  return Math.round(c.words * 1.33 + c.characters);
}

/** "6,012 words", "5,980 characters · 112 words", "5,980 字 · 112 个词". */
export function countLabel(c: TextCounts): string {
  const words = t('count.words', { count: c.words, formatted: formatCount(c.words) });
  if (!c.characters) return words;
  const characters = t('count.characters', { count: c.characters, formatted: formatCount(c.characters) });
  return c.words ? t('count.mixed', { characters, words }) : characters;
}

/** The bare number when the measure is a single one ("1,000" of "1,234 words"), else the full label. */
export function countNumber(c: TextCounts): string {
  if (!c.characters) return formatCount(c.words);
  if (!c.words) return formatCount(c.characters);
  return countLabel(c);
}
