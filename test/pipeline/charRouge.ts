// ROUGE on characters, the usual practice for Chinese (no segmenter inside the metric, so the
// metric cannot agree with the ranker's own segmentation by construction), and the equal-length
// cut the baselines are compared at.
import { lcsIndices, rougeN as rougeNTokens } from '../../scripts/eval/metrics';

// One unit per Han character; a run of Latin letters or digits (BERT, 95.3%) is one unit and
// stops at the next Han character (it once swallowed "38%的样地" whole).
const UNIT = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])(?:(?!\p{Script=Han})[\p{L}\p{N}.%])*/gu;

/** Characters for CJK, whole words for Latin text and numbers; punctuation is not a unit. */
export function rougeUnits(s: string): string[] {
  return s.match(UNIT) ?? [];
}

const f1 = (hits: number, cand: number, ref: number) => (hits && cand && ref ? (2 * hits) / (cand + ref) : 0);

export const rougeN = (candidate: string, reference: string, n: number): number => rougeNTokens(rougeUnits(candidate), rougeUnits(reference), n);

/** ROUGE-L over the whole text (one LCS), as is usual for a character-level Chinese score. */
export function rougeL(candidate: string, reference: string): number {
  const a = rougeUnits(candidate);
  const b = rougeUnits(reference);
  return f1(lcsIndices(a, b).length, a.length, b.length);
}

export interface Scores {
  r1: number;
  r2: number;
  rl: number;
}
export const score = (c: string, r: string): Scores => ({ r1: rougeN(c, r, 1), r2: rougeN(c, r, 2), rl: rougeL(c, r) });
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
export const avg = (xs: Scores[]): Scores => ({ r1: mean(xs.map((x) => x.r1)), r2: mean(xs.map((x) => x.r2)), rl: mean(xs.map((x) => x.rl)) });
export const fmt = (s: Scores) => `R1 ${s.r1.toFixed(3)} R2 ${s.r2.toFixed(3)} RL ${s.rl.toFixed(3)}`;

/** The first `budget` units of the sentences in `order`, joined in paper order. */
export function cutUnits(sentences: string[], order: number[], budget: number): string {
  const picked: number[] = [];
  let used = 0;
  for (const i of order) {
    if (used >= budget) break;
    picked.push(i);
    used += rougeUnits(sentences[i]).length;
  }
  const text = picked.sort((x, y) => x - y).map((i) => sentences[i]).join('');
  // Trim to the budget in the metric's own units, so no baseline is longer than the summary it is
  // compared with (a looser pattern here once let "38%的样地" count as one unit).
  let n = 0;
  let end = text.length;
  for (const m of text.matchAll(UNIT)) {
    if (++n > budget) {
      end = m.index;
      break;
    }
  }
  return text.slice(0, end);
}
