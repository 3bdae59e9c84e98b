// Which sections a summary reads, and the paper as a flat list of sentences with their place.
import { splitSentences } from './sentences';
import type { Paper, Section } from './types';

export interface PaperSentence {
  text: string;
  /** Index into paper.sections. */
  section: number;
  /** 0-based position within its section. */
  position: number;
  /** Sentences in the section. */
  sectionSize: number;
  /** 0-based position in the whole selection. */
  index: number;
}

export const DEFAULT_KINDS: ReadonlySet<Section['kind']> = new Set(['abstract', 'body']);

/** Indexes of the sections to summarize: the requested ones, else every abstract/body section. */
export function selectSections(paper: Paper, sectionIndexes?: number[]): number[] {
  if (sectionIndexes && sectionIndexes.length) {
    return [...new Set(sectionIndexes)].filter((i) => i >= 0 && i < paper.sections.length).sort((a, b) => a - b);
  }
  const picked = paper.sections.flatMap((s, i) => (DEFAULT_KINDS.has(s.kind) && s.text.trim() ? [i] : []));
  // A paper that is only abstract + tail still has something to say; fall back to everything.
  return picked.length ? picked : paper.sections.flatMap((s, i) => (s.text.trim() ? [i] : []));
}

export function paperSentences(paper: Paper, sections: number[]): PaperSentence[] {
  const out: PaperSentence[] = [];
  for (const si of sections) {
    const sents = splitSentences(paper.sections[si].text);
    sents.forEach((text, position) => out.push({ text, section: si, position, sectionSize: sents.length, index: out.length }));
  }
  return out;
}
