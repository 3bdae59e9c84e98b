// One retrieval index per paper, kept while questions about it keep coming: a question sends the
// whole paper (the worker keeps no state the page does not), and indexing it again for every
// follow-up would waste the time the answer is waited for.
import type { Passage } from '../pipeline/retrieval/passages';
import { PaperRetriever, type DenseSearch } from '../pipeline/retrieval/retriever';
import { fnv1a } from '../pipeline/hash';
import type { Paper } from '../pipeline/types';

/** A fingerprint of the sections' titles, kinds and texts: equal papers get equal keys, cheaply. */
export function paperKey(paper: Paper): string {
  let h = fnv1a('');
  for (const s of paper.sections) h = fnv1a(`${s.title}\u0000${s.kind}\u0000${s.text}\u0001`, h);
  return `${h.toString(16)}-${paper.sections.length}-${paper.wordCount}`;
}

export class RetrieverCache {
  private key: string | null = null;
  private retriever: PaperRetriever | null = null;
  private denseFor: unknown = null;

  /** `dense` builds a dense index for the paper's passages (when an embedding model is loaded). */
  async get(paper: Paper, dense?: { owner: unknown; build(passages: readonly Passage[]): Promise<DenseSearch> }): Promise<PaperRetriever> {
    const key = paperKey(paper);
    const owner = dense?.owner ?? null;
    if (this.retriever && this.key === key && this.denseFor === owner) return this.retriever;
    const retriever = dense ? await PaperRetriever.withDense(paper, (p) => dense.build(p)) : new PaperRetriever(paper);
    this.key = key;
    this.retriever = retriever;
    this.denseFor = owner;
    return retriever;
  }
}
