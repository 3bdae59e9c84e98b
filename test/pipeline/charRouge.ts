// ROUGE on characters, the usual practice for Chinese (no segmenter inside the metric, so the
// metric cannot agree with the ranker's own segmentation by construction), and the equal-length
// cut the baselines are compared at.

// One unit per Han character; a run of Latin letters or digits (BERT, 95.3%) is one unit and
// stops at the next Han character (it once swallowed "38%的样地" whole).
const UNIT = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])(?:(?!\p{Script=Han})[\p{L}\p{N}.%])*/gu;

/** Characters for CJK, whole words for Latin text and numbers; punctuation is not a unit. */
export function rougeUnits(s: string): string[] {
  return s.match(UNIT) ?? [];
}

function ngrams(units: string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= units.length; i++) {
    const g = units.slice(i, i + n).join('\u0001');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

const f1 = (hits: number, cand: number, ref: number) => (hits && cand && ref ? (2 * hits) / (cand + ref) : 0);

export function rougeN(candidate: string, reference: string, n: number): number {
  const c = ngrams(rougeUnits(candidate), n);
  const r = ngrams(rougeUnits(reference), n);
  let hits = 0;
  for (const [g, k] of c) hits += Math.min(k, r.get(g) ?? 0);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return f1(hits, total(c), total(r));
}

export function rougeL(candidate: string, reference: string): number {
  const a = rougeUnits(candidate);
  const b = rougeUnits(reference);
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return f1(prev[b.length], a.length, b.length);
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
