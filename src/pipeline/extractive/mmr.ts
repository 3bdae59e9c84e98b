// Maximal Marginal Relevance: pick high-scoring sentences while penalizing similarity to those
// already picked, so a summary does not repeat itself.
import { cosine, type SparseVector } from './tfidf';

export interface MmrOptions {
  /** Stop after this many picks. */
  count: number;
  /** Or when the picked sentences reach this many words (whichever first). */
  maxWords?: number;
  /** 1 = pure relevance, 0 = pure novelty. */
  lambda?: number;
  /** Candidates with similarity above this to a picked sentence are skipped outright. */
  duplicateThreshold?: number;
  /**
   * Spread over the paper: the group (main section) of each candidate, and how much of the
   * normalized score a candidate loses for each sentence already picked from its group.
   */
  groupOf?: (candidate: number) => number;
  groupPenalty?: number;
}

export function mmrSelect(
  candidates: number[],
  scores: ArrayLike<number>,
  vectors: SparseVector[],
  wordCounts: ArrayLike<number>,
  opts: MmrOptions,
): number[] {
  const lambda = opts.lambda ?? 0.7;
  const dup = opts.duplicateThreshold ?? 0.65;
  let maxScore = 0;
  for (const c of candidates) maxScore = Math.max(maxScore, scores[c]);
  const norm = maxScore > 0 ? maxScore : 1;
  const picked: number[] = [];
  const maxSim = new Map<number, number>(candidates.map((c) => [c, 0]));
  const fromGroup = new Map<number, number>();
  const spread = (c: number) => (opts.groupOf ? (opts.groupPenalty ?? 0) * (fromGroup.get(opts.groupOf(c)) ?? 0) : 0);
  let words = 0;
  while (picked.length < opts.count && maxSim.size) {
    let best = -1;
    let bestValue = -Infinity;
    for (const [c, sim] of maxSim) {
      const value = lambda * (scores[c] / norm) - (1 - lambda) * sim - spread(c);
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    maxSim.delete(best);
    if (opts.maxWords !== undefined && picked.length > 0 && words + wordCounts[best] > opts.maxWords * 1.15) continue;
    picked.push(best);
    if (opts.groupOf) fromGroup.set(opts.groupOf(best), (fromGroup.get(opts.groupOf(best)) ?? 0) + 1);
    words += wordCounts[best];
    if (opts.maxWords !== undefined && words >= opts.maxWords) break;
    for (const [c, sim] of maxSim) {
      const s = cosine(vectors[c], vectors[best]);
      if (s > dup) maxSim.delete(c);
      else if (s > sim) maxSim.set(c, s);
    }
  }
  return picked;
}
