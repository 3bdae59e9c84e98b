// Small hand-written papers for the facts tests.
import type { Paper, Section } from '../../src/pipeline/types';

export function makePaper(sections: { title: string; text: string; kind?: Section['kind'] }[], extra: Partial<Paper> = {}): Paper {
  return {
    title: 'A Test Paper',
    sections: sections.map((s) => ({ title: s.title, level: 1, text: s.text, wordCount: s.text.split(/\s+/).length, kind: s.kind ?? 'body' })),
    wordCount: 100,
    source: 'paste',
    warnings: [],
    ...extra,
  };
}
