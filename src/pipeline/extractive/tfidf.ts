// Sparse TF-IDF vectors over sentences (each sentence is a "document"), L2-normalized, and
// cosine similarity via an inverted index so only sentence pairs sharing a term are touched.

export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

export interface TfIdfModel {
  vectors: SparseVector[];
  /** Inverse sentence frequency per term id. */
  idf: Float64Array;
  vocabulary: Map<string, number>;
}

export function buildTfIdf(termLists: string[][]): TfIdfModel {
  const vocabulary = new Map<string, number>();
  const df: number[] = [];
  const counts: Map<number, number>[] = termLists.map((ts) => {
    const c = new Map<number, number>();
    for (const t of ts) {
      let id = vocabulary.get(t);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(t, id);
        df.push(0);
      }
      c.set(id, (c.get(id) ?? 0) + 1);
    }
    for (const id of c.keys()) df[id]++;
    return c;
  });
  const n = termLists.length;
  const idf = new Float64Array(df.length);
  for (let i = 0; i < df.length; i++) idf[i] = Math.log((n + 1) / (df[i] + 0.5));
  const vectors = counts.map((c) => {
    const ids = Int32Array.from(c.keys()).sort();
    const weights = new Float64Array(ids.length);
    let norm = 0;
    ids.forEach((id, k) => {
      const w = (1 + Math.log(c.get(id)!)) * idf[id];
      weights[k] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k++) weights[k] /= norm;
    return { ids, weights };
  });
  return { vectors, idf, vocabulary };
}

export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) {
      dot += a.weights[i++] * b.weights[j++];
    } else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** Sparse similarity graph: for each node, neighbours with cosine >= threshold. */
export interface SimilarityGraph {
  neighbours: Int32Array[];
  weights: Float64Array[];
}

export function similarityGraph(vectors: SparseVector[], threshold: number): SimilarityGraph {
  const n = vectors.length;
  const postings = new Map<number, { node: number; w: number }[]>();
  vectors.forEach((v, node) => {
    for (let k = 0; k < v.ids.length; k++) {
      let list = postings.get(v.ids[k]);
      if (!list) postings.set(v.ids[k], (list = []));
      list.push({ node, w: v.weights[k] });
    }
  });
  const neighbours: Int32Array[] = [];
  const weights: Float64Array[] = [];
  const acc = new Float64Array(n);
  const touched: number[] = [];
  for (let a = 0; a < n; a++) {
    const v = vectors[a];
    for (let k = 0; k < v.ids.length; k++) {
      for (const p of postings.get(v.ids[k])!) {
        if (p.node === a) continue;
        if (acc[p.node] === 0) touched.push(p.node);
        acc[p.node] += v.weights[k] * p.w;
      }
    }
    const ns: number[] = [];
    const ws: number[] = [];
    for (const b of touched) {
      if (acc[b] >= threshold) {
        ns.push(b);
        ws.push(acc[b]);
      }
      acc[b] = 0;
    }
    touched.length = 0;
    neighbours.push(Int32Array.from(ns));
    weights.push(Float64Array.from(ws));
  }
  return { neighbours, weights };
}
