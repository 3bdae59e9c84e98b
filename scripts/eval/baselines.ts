// The classic extractive baselines the eval compares PaperLens with: lead-k, LexRank and TextRank,
// each an order of the paper's sentences, best first; `cut` turns an order into a summary of a
// word budget, in paper order.
import { terms } from '../../src/pipeline/extractive/terms';
import { pageRank } from '../../src/pipeline/extractive/textrank';
import { buildTfIdf, similarityGraph, type SimilarityGraph } from '../../src/pipeline/extractive/tfidf';

export const BASELINES = ['lead', 'lexrank', 'textrank'] as const;
export type Baseline = (typeof BASELINES)[number];

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Sentences in `order` until `budget` words, in paper order, cut to exactly the budget. */
export function cut(sentences: string[], order: number[], budget: number): string {
  const picked: number[] = [];
  let used = 0;
  for (const i of order) {
    if (used >= budget) break;
    picked.push(i);
    used += words(sentences[i]);
  }
  return picked
    .sort((a, b) => a - b)
    .map((i) => sentences[i])
    .join(' ')
    .split(/\s+/)
    .slice(0, budget)
    .join(' ');
}

function byRank(rank: Float64Array): number[] {
  return [...rank.keys()].sort((a, b) => rank[b] - rank[a] || a - b);
}

/** LexRank (Erkan & Radev 2004): TF-IDF cosine graph above 0.1, uniform PageRank. */
function lexRank(sentences: string[]): number[] {
  return byRank(pageRank(similarityGraph(buildTfIdf(sentences.map(terms)).vectors, 0.1)));
}

/** TextRank (Mihalcea & Tarau 2004): shared words over the log of both lengths, PageRank. */
function textRank(sentences: string[]): number[] {
  const sets = sentences.map((s) => new Set(terms(s)));
  const graph: SimilarityGraph = { neighbours: [], weights: [] };
  for (let i = 0; i < sets.length; i++) {
    const ns: number[] = [];
    const ws: number[] = [];
    for (let j = 0; j < sets.length; j++) {
      if (i === j || sets[i].size < 2 || sets[j].size < 2) continue;
      let shared = 0;
      for (const t of sets[i]) if (sets[j].has(t)) shared++;
      if (shared > 0) {
        ns.push(j);
        ws.push(shared / (Math.log(sets[i].size) + Math.log(sets[j].size)));
      }
    }
    graph.neighbours.push(Int32Array.from(ns));
    graph.weights.push(Float64Array.from(ws));
  }
  return byRank(pageRank(graph));
}

/** Each baseline's order of `sentences`, best first. */
export function baselineOrders(sentences: string[]): Record<Baseline, number[]> {
  return { lead: sentences.map((_, i) => i), lexrank: lexRank(sentences), textrank: textRank(sentences) };
}
