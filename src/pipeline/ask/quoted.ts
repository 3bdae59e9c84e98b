// The answer without a model: the best passages, verbatim, each under its section's name.
import type { Retrieval } from '../retrieval/retriever';
import type { Answer, Citation } from './types';

/** How many passages a quoted answer shows. */
export const QUOTED_PASSAGES = 3;

export function citationsOf(retrieval: Retrieval, count: number): Citation[] {
  return retrieval.hits.slice(0, count).map((h, i) => ({
    n: i + 1,
    sectionTitle: h.passage.sectionTitle,
    refs: h.passage.refs,
    text: h.passage.text,
  }));
}

export function quotedAnswer(retrieval: Retrieval): Answer {
  if (!retrieval.answerable) return { text: '', kind: 'not-found', citations: [], closest: citationsOf(retrieval, 2) };
  const citations = citationsOf(retrieval, QUOTED_PASSAGES);
  const text = citations.map((c) => `[${c.n}] ${c.sectionTitle ? `(${c.sectionTitle}) ` : ''}“${c.text}”`).join('\n\n');
  return { text, kind: 'quoted', citations, modelId: null };
}
