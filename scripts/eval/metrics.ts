// The figures `npm run eval` reports for one summary against a paper's withheld abstract. ROUGE
// comes from js-rouge (the maintained package) and from a small implementation here, so a change
// in either shows up as a disagreement; the others measure what a reader notices: a summary that
// says the same thing twice, key points drawn from one section, a length far from the preset's.
import * as rouge from 'js-rouge';
import { splitSentences } from '../../src/pipeline/sentences';
import { contentCosine, SAME_CLAIM_AT } from '../../src/pipeline/overlap';

export interface Rouge {
  r1: number;
  r2: number;
  rl: number;
}

/** Lowercased word tokens: letters and digits, punctuation dropped (as the original ROUGE does). */
export function rougeTokens(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * ROUGE-1/2/L F-scores by js-rouge, on the same tokens as `rougeOwn` (its default Treebank
 * tokenizer counts commas and full stops as words). Its ROUGE-L is the summary-level union LCS
 * over sentences, so it can exceed a single LCS over the whole text.
 */
export function rougeJs(candidate: string, reference: string): Rouge {
  if (rougeTokens(candidate).length === 0 || rougeTokens(reference).length === 0) return { r1: 0, r2: 0, rl: 0 };
  const opts = { caseSensitive: false, tokenizer: rougeTokens };
  return { r1: rouge.n(candidate, reference, { ...opts, n: 1 }), r2: rouge.n(candidate, reference, { ...opts, n: 2 }), rl: rouge.l(candidate, reference, opts) };
}

function counts(tokens: string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join(' ');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

const f1 = (hits: number, cand: number, ref: number) => (hits > 0 && cand > 0 && ref > 0 ? (2 * hits) / (cand + ref) : 0);

/** ROUGE-N F-score over token lists (words here, characters in the Chinese check). */
export function rougeN(c: string[], r: string[], n: number): number {
  const a = counts(c, n);
  const b = counts(r, n);
  let hits = 0;
  for (const [g, k] of a) hits += Math.min(k, b.get(g) ?? 0);
  return f1(hits, Math.max(0, c.length - n + 1), Math.max(0, r.length - n + 1));
}

/** Indexes into `b` of one longest common subsequence of `a` and `b`. */
export function lcsIndices(a: string[], b: string[]): number[] {
  const t = Array.from({ length: a.length + 1 }, () => new Int32Array(b.length + 1));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) t[i][j] = a[i - 1] === b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
  const out: number[] = [];
  for (let i = a.length, j = b.length; i > 0 && j > 0; ) {
    if (a[i - 1] === b[j - 1]) {
      out.push(j - 1);
      i--;
      j--;
    } else if (t[i - 1][j] >= t[i][j - 1]) i--;
    else j--;
  }
  return out;
}

/**
 * Summary-level ROUGE-L (Lin 2004, the union LCS): for each reference sentence, the union of
 * its words on an LCS with each candidate sentence, each word counted at most as often as the
 * candidate has it.
 */
function rougeLsum(candidate: string[][], reference: string[][]): number {
  const left = new Map<string, number>();
  for (const s of candidate) for (const w of s) left.set(w, (left.get(w) ?? 0) + 1);
  let hits = 0;
  for (const r of reference) {
    const union = new Set<number>();
    for (const c of candidate) for (const j of lcsIndices(c, r)) union.add(j);
    for (const j of union) {
      const k = left.get(r[j]) ?? 0;
      if (k > 0) {
        hits++;
        left.set(r[j], k - 1);
      }
    }
  }
  return f1(hits, candidate.flat().length, reference.flat().length);
}

/**
 * ROUGE-1/2 and summary-level ROUGE-L F-scores computed here (sentences split by the pipeline's
 * splitter, no stemming): the cross-check of js-rouge, which splits sentences its own way.
 */
export function rougeOwn(candidate: string, reference: string): Rouge {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  const sentences = (s: string) => splitSentences(s).map(rougeTokens).filter((x) => x.length > 0);
  return { r1: rougeN(c, r, 1), r2: rougeN(c, r, 2), rl: rougeLsum(sentences(candidate), sentences(reference)) };
}

/** Cosine of two sentences' stemmed content-word counts: the pipeline's own measure (src/pipeline/overlap.ts). */
export const sentenceSimilarity = contentCosine;

/** Similarity above which two summary sentences count as saying the same thing. */
export const REDUNDANT_AT = SAME_CLAIM_AT;

/** Share of the summary's sentence pairs more similar than `threshold` (0 with under two sentences). */
export function redundancy(sentences: readonly string[], threshold = REDUNDANT_AT): number {
  let pairs = 0;
  let close = 0;
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i + 1; j < sentences.length; j++) {
      pairs++;
      if (sentenceSimilarity(sentences[i], sentences[j]) > threshold) close++;
    }
  }
  return pairs === 0 ? 0 : close / pairs;
}

/**
 * How many distinct main sections the summary sentences come from: each sentence is assigned to
 * the section it appears in (whitespace aside) or, failing that, the one it is most similar to.
 */
export function sectionsDrawnOn(sentences: readonly string[], sections: readonly { text: string }[]): number {
  const flat = sections.map((s) => s.text.replace(/\s+/g, ' '));
  const used = new Set<number>();
  for (const s of sentences) {
    const needle = s.replace(/\s+/g, ' ').trim();
    let at = flat.findIndex((t) => needle.length > 0 && t.includes(needle));
    if (at < 0) {
      let best = 0;
      flat.forEach((t, i) => {
        const sim = sentenceSimilarity(needle, t);
        if (sim > best) [best, at] = [sim, i];
      });
    }
    if (at >= 0) used.add(at);
  }
  return used.size;
}

/** 1 when `actual` equals `target`, falling linearly to 0 at twice (or none of) the target. */
export function lengthAccuracy(actual: number, target: number): number {
  if (target <= 0) return actual === 0 ? 1 : 0;
  return Math.max(0, 1 - Math.abs(actual - target) / target);
}
