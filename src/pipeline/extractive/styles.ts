// The five summary styles built from ranked sentences. Each returns the pieces of the summary in
// output order so the caller can stream them one by one.
import type { SummaryLength, SummaryStyle } from '../types';
import type { Paper } from '../types';
import { sentenceGap } from '../cjk/script';
import { mmrSelect } from './mmr';
import type { RankedSentences } from './rank';
import { countsCosine, SAME_CLAIM_AT, termCounts, type TermCounts } from '../overlap';
import { cosine } from './tfidf';

/** TF-IDF cosine above which two sentences say the same thing (mmrSelect's default too). */
const DUPLICATE = 0.5;
/** TF-IDF cosine above which a body sentence restates an abstract sentence. */
const ECHO = 0.5;
/** Score a key point loses (of the best one's) per point already taken from its main section. */
const SPREAD = 0.15;

/** The size of each style at each length preset: sentences, bullets, words (abstract) or sentences per section. */
export const SIZES: Record<SummaryStyle, Record<SummaryLength, number>> = {
  tldr: { short: 1, medium: 2, long: 3 },
  key_points: { short: 3, medium: 5, long: 8 },
  abstract: { short: 80, medium: 150, long: 250 }, // words
  sections: { short: 1, medium: 2, long: 3 }, // per section
  lay: { short: 2, medium: 4, long: 6 },
};

/** What each extractive style does, in words for the UI (the extractive summarizer never rewrites). */
export const EXTRACTIVE_STYLE_NOTES: Record<SummaryStyle, string> = {
  tldr: 'The one to three most central sentences of the paper, quoted.',
  key_points: 'The most central, non-repeating sentences, one per bullet, in paper order.',
  sections: 'The most central sentences of each section, under its heading.',
  lay: 'Extractive: the plainest central sentences (short, few numbers, citations or rare terms), with citations removed. It does not rewrite the text in simpler words.',
  abstract: 'A paragraph of the most central, non-repeating sentences in paper order.',
};

export function removeCitations(s: string): string {
  return s
    .replace(/\s*\[(?:\d+(?:\s*[-–,]\s*\d+)*|[A-Z][^\]]{0,40}\d{4}[a-z]?)\]/g, '')
    .replace(/\s*\((?:[A-Z][^()]{0,80}?(?:et al\.)?[^()]{0,40}?,?\s*(?:19|20)\d{2}[a-z]?(?:;\s*[^()]{0,80}?(?:19|20)\d{2}[a-z]?)*)\)/g, '')
    .replace(/\s+([.,;:])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Plain-words preference: short, few digits/symbols/citations/parentheses, common terms. */
function simplicity(text: string, words: number, rarity: number, meanRarity: number): number {
  let s = 1;
  if (words > 30) s *= 0.7;
  if (words > 40) s *= 0.6;
  if (words < 8) s *= 0.6;
  const digits = (text.match(/\d/g) ?? []).length;
  s *= 1 / (1 + digits * 0.15);
  if (/\[\d|et al\.|\(\w+,? (19|20)\d{2}/.test(text)) s *= 0.75;
  const parens = (text.match(/\(/g) ?? []).length;
  s *= 1 / (1 + parens * 0.3);
  if (/[=±×∑∫α-ωΑ-Ω]/.test(text)) s *= 0.5;
  const acronyms = (text.match(/\b[A-Z]{2,}[a-z]*\b/g) ?? []).length;
  s *= 1 / (1 + acronyms * 0.2);
  if (meanRarity > 0) s *= Math.min(1.3, Math.max(0.5, meanRarity / Math.max(rarity, 1e-6)));
  return s;
}

/** Sentences that may be quoted: a zero score marks captions and heading fragments (see rank.ts). */
function eligible(r: RankedSentences, ids: number[]): number[] {
  const ok = ids.filter((i) => r.scores[i] > 0);
  return ok.length ? ok : ids;
}

function all(r: RankedSentences): number[] {
  return eligible(
    r,
    r.sentences.map((_, i) => i),
  );
}

/** What a style draws on: candidate sentences and their scores. */
interface Pool {
  ids: number[];
  scores: ArrayLike<number>;
}

/**
 * Every style but TL;DR quotes the body when the selection holds the paper's abstract: the reader
 * has the abstract itself (the paper view shows it), so re-quoting it tells them nothing new.
 * Abstract sentences are left out, body sentences that restate one (TF-IDF cosine above ECHO)
 * too, and the rest lose score the closer they come to the abstract. A paper whose body has
 * too few sentences for the summary keeps the abstract.
 */
function bodyPool(paper: Paper, r: RankedSentences, need: number): Pool {
  const ids = all(r);
  const inAbstract = (i: number) => paper.sections[r.sentences[i].section].kind === 'abstract';
  const abstract = ids.filter(inAbstract);
  if (!abstract.length) return { ids, scores: r.scores };
  const scores = Float64Array.from(r.scores);
  const body: number[] = [];
  for (const i of ids) {
    if (inAbstract(i)) continue;
    let echo = 0;
    for (const a of abstract) echo = Math.max(echo, cosine(r.vectors[i], r.vectors[a]));
    if (echo > ECHO) continue;
    scores[i] *= 1 - echo;
    body.push(i);
  }
  return body.length >= need * 2 ? { ids: body, scores } : { ids, scores: r.scores };
}

/** The top-level section a sentence belongs to (a subsection counts as its parent's). */
function mainSection(paper: Paper, section: number): number {
  let k = section;
  while (k > 0 && paper.sections[k].level > 1) k--;
  return k;
}

function byOrder(ids: number[]): number[] {
  return [...ids].sort((a, b) => a - b);
}

export interface StylePiece {
  /** Text to append, including its own separators. */
  text: string;
}

export function extractiveStyle(paper: Paper, r: RankedSentences, style: SummaryStyle, length: SummaryLength): StylePiece[] {
  const size = SIZES[style][length];
  const text = (i: number) => r.sentences[i].text;
  switch (style) {
    case 'tldr': {
      const ids = byOrder(mmrSelect(all(r), r.scores, r.vectors, r.wordCounts, { count: size, lambda: 0.8, duplicateThreshold: DUPLICATE }));
      return ids.map((i, k) => ({ text: (k ? sentenceGap(text(ids[k - 1])) : '') + text(i) }));
    }
    case 'key_points': {
      const pool = bodyPool(paper, r, size);
      const groupOf = (i: number) => mainSection(paper, r.sentences[i].section);
      const ids = byOrder(mmrSelect(pool.ids, pool.scores, r.vectors, r.wordCounts, { count: size, lambda: 0.6, duplicateThreshold: 0.5, groupOf, groupPenalty: SPREAD }));
      return ids.map((i) => ({ text: `- ${text(i)}\n` }));
    }
    case 'abstract': {
      const pool = bodyPool(paper, r, 5);
      const ids = byOrder(mmrSelect(pool.ids, pool.scores, r.vectors, r.wordCounts, { count: 40, maxWords: size, lambda: 0.7 }));
      return ids.map((i, k) => ({ text: (k ? sentenceGap(text(ids[k - 1])) : '') + text(i) }));
    }
    case 'lay': {
      let meanRarity = 0;
      for (const x of r.rarity) meanRarity += x;
      meanRarity /= Math.max(1, r.rarity.length);
      const pool = bodyPool(paper, r, size);
      const lay = Float64Array.from(pool.scores, (s, i) => s * simplicity(text(i), r.wordCounts[i], r.rarity[i], meanRarity));
      const ids = byOrder(mmrSelect(pool.ids, lay, r.vectors, r.wordCounts, { count: size, lambda: 0.7, duplicateThreshold: DUPLICATE }));
      return ids.map((i, k) => ({ text: (k ? sentenceGap(text(ids[k - 1])) : '') + removeCitations(text(i)) }));
    }
    case 'sections': {
      const pieces: StylePiece[] = [];
      const bySection = new Map<number, number[]>();
      // The abstract is not summarized under its own heading when there is a body to quote.
      const pool = bodyPool(paper, r, size);
      const inPool = new Set(pool.ids);
      r.sentences.forEach((s, i) => {
        if (!inPool.has(i)) return;
        let list = bySection.get(s.section);
        if (!list) bySection.set(s.section, (list = []));
        list.push(i);
      });
      // A sentence repeated in a later section (the conclusion restating the introduction) is
      // quoted once: candidates too similar to anything already picked are left out.
      const quoted: number[] = [];
      // TF-IDF weighs down the words a paper uses everywhere, so a restatement in those words is
      // caught by plain content-word overlap instead (each sentence's terms counted once).
      const counted = new Map<number, TermCounts>();
      const countsOf = (i: number) => counted.get(i) ?? counted.set(i, termCounts(text(i))).get(i)!;
      const restates = (i: number, q: number) => cosine(r.vectors[i], r.vectors[q]) > DUPLICATE || countsCosine(countsOf(i), countsOf(q)) > SAME_CLAIM_AT;
      for (const [si, ids] of bySection) {
        const sec = paper.sections[si];
        const fresh = eligible(r, ids).filter((i) => !quoted.some((q) => restates(i, q)));
        const picked = byOrder(mmrSelect(fresh, pool.scores, r.vectors, r.wordCounts, { count: sec.level > 1 ? Math.max(1, size - 1) : size, lambda: 0.75, duplicateThreshold: DUPLICATE }));
        quoted.push(...picked);
        if (!picked.length) continue;
        const heading = `${'#'.repeat(Math.min(sec.level, 3) + 1)} ${sec.title || (paper.language === 'zh' ? '概述' : 'Overview')}\n`;
        pieces.push({ text: (pieces.length ? '\n' : '') + heading });
        picked.forEach((i, k) => pieces.push({ text: (k ? sentenceGap(text(picked[k - 1])) : '') + text(i) + (k === picked.length - 1 ? '\n' : '') }));
      }
      return pieces;
    }
  }
}
