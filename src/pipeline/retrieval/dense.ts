// Dense retrieval: every passage embedded once with a sentence-embedding model, questions answered
// by cosine similarity. Paraphrases that share no word with the passage still match, which BM25
// misses; the hybrid retriever fuses both rankings.
import type { TextEmbedder } from '../../engine/types';

export interface DensePassage {
  id: number;
  text: string;
}

export interface DenseHit {
  id: number;
  /** Cosine similarity to the query, -1..1 (higher is closer). */
  score: number;
}

export interface DenseBuildOptions {
  signal?: AbortSignal;
  /** After each batch: passages embedded so far, of `total`. */
  onProgress?: (done: number, total: number) => void;
  /** Passages per embed() call (default 32); the embedder batches its session runs within it. */
  batchSize?: number;
}

const DEFAULT_BATCH = 32;
const LINK_TARGET = /(?<=[\p{L}\p{N}]) \((?:https?:\/\/|ftp:\/\/|www\.)[^\s()]+\)/gu;

export class DensePassageIndex {
  private constructor(
    private readonly embedder: TextEmbedder,
    private readonly ids: readonly number[],
    /** Unit vectors, row-major: passage i is vectors[i * dimensions ... (i + 1) * dimensions). */
    private readonly vectors: Float32Array,
    readonly dimensions: number,
  ) {}

  /** Embeds every passage (in batches, cancellable between them). */
  static async build(passages: readonly DensePassage[], embedder: TextEmbedder, opts: DenseBuildOptions = {}): Promise<DensePassageIndex> {
    const seen = new Set<number>();
    for (const p of passages) {
      if (seen.has(p.id)) throw new Error(`DensePassageIndex: passage id ${p.id} occurs twice`);
      seen.add(p.id);
    }
    const dim = embedder.dimensions;
    const vectors = new Float32Array(passages.length * dim);
    const batch = Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_BATCH));
    opts.onProgress?.(0, passages.length);
    for (let start = 0; start < passages.length; start += batch) {
      opts.signal?.throwIfAborted();
      const part = passages.slice(start, start + batch);
      const got = await embedder.embed(
        // The address ingest writes after a link's words ("the kombine library (https://...)") is
        // no meaning to embed; the words are.
        part.map((p) => p.text.replace(LINK_TARGET, '')),
        opts.signal,
      );
      if (got.length !== part.length) throw new Error(`DensePassageIndex: the embedder returned ${got.length} vectors for ${part.length} passages`);
      got.forEach((v, i) => vectors.set(unit(v, dim), (start + i) * dim));
      opts.onProgress?.(start + part.length, passages.length);
    }
    return new DensePassageIndex(
      embedder,
      passages.map((p) => p.id),
      vectors,
      dim,
    );
  }

  get size(): number {
    return this.ids.length;
  }

  /** The k passages closest to `query`, best first (ties: lower id first). */
  async search(query: string, k: number, signal?: AbortSignal): Promise<DenseHit[]> {
    const [v] = await this.embedder.embed([query], signal);
    return this.searchVector(v, k);
  }

  /** As search(), for a vector already embedded (one question against several papers). */
  searchVector(query: Float32Array, k: number): DenseHit[] {
    const q = unit(query, this.dimensions);
    const dim = this.dimensions;
    const hits: DenseHit[] = this.ids.map((id, i) => {
      let dot = 0;
      const base = i * dim;
      for (let d = 0; d < dim; d++) dot += q[d] * this.vectors[base + d];
      return { id, score: dot };
    });
    hits.sort((a, b) => b.score - a.score || a.id - b.id);
    return hits.slice(0, Math.max(0, k));
  }
}

/** `v` scaled to length 1 (so a dot product is the cosine); a zero vector stays zero. */
function unit(v: Float32Array, dim: number): Float32Array {
  if (v.length !== dim) throw new Error(`DensePassageIndex: a vector of ${v.length} values, expected ${dim}`);
  let n = 0;
  for (let i = 0; i < dim; i++) n += v[i] * v[i];
  if (!n) return new Float32Array(dim);
  const s = 1 / Math.sqrt(n);
  const out = new Float32Array(dim);
  for (let i = 0; i < dim; i++) out[i] = v[i] * s;
  return out;
}
