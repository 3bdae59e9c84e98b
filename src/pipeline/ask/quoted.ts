// The answer without a model: the best passages, verbatim, each under its section's name.
import type { Retrieval } from '../retrieval/retriever';
import type { Answer, Citation } from './types';

/** How many passages a quoted answer shows. */
export const QUOTED_PASSAGES = 3;

/** The best `count` passages, skipping any that repeats a sentence of a better one (passages overlap). */
export function citationsOf(retrieval: Retrieval, count: number): Citation[] {
  const taken = new Set<string>();
  const out: Citation[] = [];
  for (const h of retrieval.hits) {
    if (out.length >= count) break;
    const keys = h.passage.refs.map((r) => `${r.section}:${r.position}`);
    if (keys.some((k) => taken.has(k))) continue;
    keys.forEach((k) => taken.add(k));
    out.push({ n: out.length + 1, sectionTitle: h.passage.sectionTitle, refs: h.passage.refs, text: h.passage.text });
  }
  return out;
}

export function quotedAnswer(retrieval: Retrieval): Answer {
  if (!retrieval.answerable) return { text: '', kind: 'not-found', citations: [], closest: citationsOf(retrieval, 2) };
  const citations = citationsOf(retrieval, QUOTED_PASSAGES);
  const text = citations.map((c) => `[${c.n}] ${c.sectionTitle ? `(${c.sectionTitle}) ` : ''}“${c.text}”`).join('\n\n');
  return { text, kind: 'quoted', citations, modelId: null };
}
