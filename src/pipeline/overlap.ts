// When two sentences say the same thing by their words: cosine of their content-term counts
// (stemmed, stopwords out; for Chinese, words and character bigrams). The output guard drops a
// model's restatements with it and the eval's word measure counts redundancy with it, so both
// mean the same thing by "a repeat"; the eval's embedding measure is the independent check.
import { similarityTerms } from './extractive/terms';

/** Above this two sentences count as saying the same thing (eval and output guard alike). */
export const SAME_CLAIM_AT = 0.5;

export type TermCounts = Map<string, number>;

/** A sentence's content terms and how often each occurs: compute once where a sentence is compared often. */
export function termCounts(s: string): TermCounts {
  const m = new Map<string, number>();
  for (const t of similarityTerms(s)) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

const norm = (m: TermCounts) => Math.sqrt([...m.values()].reduce((s, k) => s + k * k, 0));

/** Cosine of the two sentences' content-term counts, 0 when either has none. */
export function contentCosine(a: string, b: string): number {
  return countsCosine(termCounts(a), termCounts(b));
}

export function countsCosine(ca: TermCounts, cb: TermCounts): number {
  let dot = 0;
  for (const [t, k] of ca) dot += k * (cb.get(t) ?? 0);
  const d = norm(ca) * norm(cb);
  return d === 0 ? 0 : dot / d;
}

/** Share of a text's word trigrams said before, from which on a model is looping. */
export const LOOP_SHARE = 0.3;

/** Word trigrams in order ("sample collection method"), lower case, punctuation left out. */
export function wordTrigrams(s: string): string[] {
  const w = s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const grams: string[] = [];
  for (let i = 0; i + 2 < w.length; i++) grams.push(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return grams;
}
