// The units retrieval returns: a few consecutive sentences of one section, with the section's
// title, so an answer can quote them and point at each sentence.
import type { SentenceRef } from '../facts/types';
import { paperSentences } from '../selection';
import type { Paper, Section } from '../types';

export interface Passage {
  id: number;
  section: number;
  sectionTitle: string;
  /** The sentences, in order; refs[i] addresses sentences[i]. */
  sentences: string[];
  refs: SentenceRef[];
  text: string;
}

/** Retrieval reads the paper itself, not the list of works it cites. */
const SEARCHED: ReadonlySet<Section['kind']> = new Set(['abstract', 'body', 'appendix']);

export interface PassageOptions {
  /** Sentences per passage. */
  size?: number;
  /** Sentences between the starts of two passages (< size: they overlap, so no answer is cut in two). */
  stride?: number;
}

export function paperPassages(paper: Paper, opts: PassageOptions = {}): Passage[] {
  const size = opts.size ?? 3;
  const stride = opts.stride ?? 2;
  const sections = paper.sections.flatMap((s, i) => (SEARCHED.has(s.kind) && s.text.trim() ? [i] : []));
  const bySection = new Map<number, { text: string; position: number }[]>();
  for (const s of paperSentences(paper, sections)) {
    // Display formulas are kept out: nothing to quote, and their symbols match nothing.
    if (s.text.startsWith('$$')) continue;
    let list = bySection.get(s.section);
    if (!list) bySection.set(s.section, (list = []));
    list.push({ text: s.text, position: s.position });
  }
  const out: Passage[] = [];
  for (const [section, sents] of bySection) {
    const title = paper.sections[section].title || (paper.sections[section].kind === 'abstract' ? 'Abstract' : '');
    for (let start = 0; start < sents.length; start += stride) {
      const part = sents.slice(start, start + size);
      out.push({
        id: out.length,
        section,
        sectionTitle: title,
        sentences: part.map((p) => p.text),
        refs: part.map((p) => ({ section, position: p.position })),
        text: part.map((p) => p.text).join(' '),
      });
      if (start + size >= sents.length) break;
    }
  }
  return out;
}
