// Finds the passages that answer a question: BM25 alone, or fused with dense (embedding) search
// when an embedding model is loaded, and says whether the paper seems to address it at all.
import { Bm25Index, questionRankingTerms, questionTerms } from './bm25';
import { paperPassages, type Passage } from './passages';
import { isFollowUp } from './queryTerms';
import type { Paper } from '../types';

/** A dense index over the same passages (see dense.ts); sync or async. */
export interface DenseSearch {
  search(query: string, k: number): Promise<{ id: number; score: number }[]> | { id: number; score: number }[];
}

export interface RetrievedPassage {
  passage: Passage;
  /** Fused rank score (higher is better). */
  score: number;
  /** Share of the question's idf weight found in the passage (see Bm25Index.coverage). */
  coverage: number;
  /** Cosine similarity to the question when dense search ran. */
  similarity?: number;
}

export interface Retrieval {
  hits: RetrievedPassage[];
  /** False when nothing retrieved clears the relevance thresholds: the paper does not seem to address it. */
  answerable: boolean;
  /** The terms searched (the question's, plus the previous question's for a follow-up). */
  terms: string[];
}

/**
 * Thresholds measured on test/ask/questions.json (33 answerable questions, 5 of them paraphrased,
 * and 10 unanswerable ones on five real papers; the quality tests print every question's figures).
 * Lexical coverage of unanswerable questions reached 0.21 at most, answerable ones went down to
 * 0.21 when the question paraphrases the paper ("stand for", "decided"): 0.25 rejects every
 * unanswerable question and keeps 27 of 33. Cosine similarity (all-MiniLM-L6-v2) of unanswerable
 * questions reached 0.33, paraphrased answerable ones 0.40 at least: 0.37 in between.
 */
export const MIN_COVERAGE = 0.25;
export const MIN_SIMILARITY = 0.37;
/**
 * Dense ranks count for less than lexical ones in the fusion. Measured on the same set with
 * all-MiniLM-L6-v2 (test/ask/hybrid-quality.test.ts): equal weights took recall@1 from 0.88 to
 * 0.76 and recall@5 from 1.00 to 0.97; 0.15 keeps BM25's ranking where it is sure and lets
 * similarity decide near-ties, while the similarity threshold lifts the right "addressed / not
 * addressed" decisions from 0.85 to 0.98 (paraphrased questions BM25 thought unanswered).
 */
const DENSE_WEIGHT = 0.15;

/** Reciprocal rank fusion constant (Cormack et al. 2009): robust to the two scores' scales. */
const RRF_K = 60;

export class PaperRetriever {
  readonly passages: Passage[];
  private readonly bm25: Bm25Index;

  constructor(
    paper: Paper,
    private dense?: DenseSearch,
  ) {
    this.passages = paperPassages(paper);
    this.bm25 = new Bm25Index(this.passages);
  }

  /** A retriever whose dense index is built over its own passages (split and indexed once). */
  static async withDense(paper: Paper, buildDense: (passages: readonly Passage[]) => Promise<DenseSearch>): Promise<PaperRetriever> {
    const r = new PaperRetriever(paper);
    r.dense = await buildDense(r.passages);
    return r;
  }

  /** `previous`: earlier questions of the conversation, newest last; a follow-up borrows their terms. */
  async retrieve(question: string, opts: { k?: number; previous?: string[] } = {}): Promise<Retrieval> {
    const k = opts.k ?? 5;
    const own = questionTerms(question);
    const prior = opts.previous?.length && isFollowUp(question) ? questionTerms(opts.previous[opts.previous.length - 1]) : [];
    const terms = [...new Set([...own, ...prior])];
    const pool = Math.max(k * 4, 20);
    const ranking = [...questionRankingTerms(question, own), ...(prior.length ? questionRankingTerms(opts.previous![opts.previous!.length - 1], prior) : [])];
    const lexical = this.bm25.query([...new Set(ranking)], pool);
    const fused = new Map<number, { score: number; similarity?: number }>();
    lexical.forEach((h, rank) => fused.set(h.id, { score: 1 / (RRF_K + rank + 1) }));
    if (this.dense) {
      const query = prior.length ? `${opts.previous![opts.previous!.length - 1]} ${question}` : question;
      const dense = await this.dense.search(query, pool);
      dense.forEach((h, rank) => {
        const cur = fused.get(h.id) ?? { score: 0 };
        fused.set(h.id, { score: cur.score + DENSE_WEIGHT / (RRF_K + rank + 1), similarity: h.score });
      });
    }
    const hits = [...fused.entries()]
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, k)
      .map(([id, f]) => ({
        passage: this.passages[id],
        score: f.score,
        // A question's own terms decide relevance; a follow-up ("and how often?") is read with the
        // question it follows, as a reader would.
        coverage: this.bm25.coverage(prior.length || !own.length ? terms : own, id),
        ...(f.similarity !== undefined ? { similarity: f.similarity } : {}),
      }));
    const answerable = hits.some((h) => h.coverage >= MIN_COVERAGE || (h.similarity ?? 0) >= MIN_SIMILARITY);
    return { hits, answerable, terms };
  }
}
