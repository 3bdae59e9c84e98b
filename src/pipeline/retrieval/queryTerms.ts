// One tokenizer for the index and the questions: the ranker's stemmed content terms (Chinese
// words from the segmenter) plus numbers and identifiers, which questions about results name.
import { terms } from '../extractive/terms';

const NUMBER = /\b\d+(?:[.,]\d+)?%?/g;

export function retrievalTerms(text: string): string[] {
  const out = terms(text);
  for (const m of text.matchAll(NUMBER)) out.push(m[0].replace(',', '.'));
  return out;
}

/** Words that make a question lean on the one before ("and on which dataset?", "what about it?"). */
const FOLLOW_UP = /^(and|also|what about|how about|then|so|but|or)\b|\b(it|its|they|them|their|this|that|these|those|there)\b/i;
const FOLLOW_UP_ZH = /^(那|那么|还有|而且|另外)|它|它们|其|这个|该|这些|那个/;

/** True when the question reads as a follow-up that needs the previous turn to be understood. */
export function isFollowUp(question: string): boolean {
  const q = question.trim();
  return FOLLOW_UP.test(q) || FOLLOW_UP_ZH.test(q) || retrievalTerms(q).length <= 2;
}
