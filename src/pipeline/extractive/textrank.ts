// Weighted PageRank over the sentence similarity graph (TextRank / LexRank), with an optional
// personalization vector so the random jump favours sentences the position prior likes.
import type { SimilarityGraph } from './tfidf';

export function pageRank(
  graph: SimilarityGraph,
  personalization?: Float64Array,
  damping = 0.85,
  maxIterations = 60,
  tolerance = 1e-7,
): Float64Array {
  const n = graph.neighbours.length;
  if (n === 0) return new Float64Array(0);
  const jump = new Float64Array(n);
  if (personalization) {
    let s = 0;
    for (let i = 0; i < n; i++) s += personalization[i];
    for (let i = 0; i < n; i++) jump[i] = s > 0 ? personalization[i] / s : 1 / n;
  } else jump.fill(1 / n);
  const outWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) for (const w of graph.weights[i]) outWeight[i] += w;
  let rank = Float64Array.from(jump);
  let next = new Float64Array(n);
  for (let it = 0; it < maxIterations; it++) {
    // Mass of dangling nodes (no neighbours) is redistributed through the jump vector.
    let dangling = 0;
    for (let i = 0; i < n; i++) if (outWeight[i] === 0) dangling += rank[i];
    for (let i = 0; i < n; i++) next[i] = (1 - damping + damping * dangling) * jump[i];
    for (let i = 0; i < n; i++) {
      if (outWeight[i] === 0) continue;
      const share = (damping * rank[i]) / outWeight[i];
      const ns = graph.neighbours[i];
      const ws = graph.weights[i];
      for (let k = 0; k < ns.length; k++) next[ns[k]] += share * ws[k];
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i] - rank[i]);
    [rank, next] = [next, rank];
    if (delta < tolerance) break;
  }
  return rank;
}
