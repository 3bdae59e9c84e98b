// The evaluation set: real papers whose abstract is the reference and is withheld from the input.
// test/data/papers ships each Manubot paper's body and abstract as separate files (SOURCES.md);
// from the ingest corpus (test/corpus/SOURCES.md) every single-file paper with an abstract is
// read as a user would give it, and its abstract section is taken out before summarizing.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ingest, type Paper } from '../../src/pipeline';

const ROOT = join(import.meta.dirname, '../..');
const DATA = join(ROOT, 'test/data/papers');
const CORPUS = join(ROOT, 'test/corpus');

export interface EvalPaper {
  id: string;
  /** Where it comes from: 'data' (test/data/papers) or 'corpus' (test/corpus). */
  set: 'data' | 'corpus';
  /** The paper without its abstract. */
  paper: Paper;
  reference: string;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The paper as the summarizer must see it: no abstract field, no abstract section. */
export function withoutAbstract(paper: Paper): Paper {
  return { ...paper, abstract: undefined, sections: paper.sections.filter((s) => s.kind !== 'abstract') };
}

async function dataPapers(): Promise<EvalPaper[]> {
  const ids = readdirSync(DATA)
    .filter((f) => f.endsWith('.body.md'))
    .map((f) => f.replace(/\.body\.md$/, ''))
    .sort();
  return Promise.all(
    ids.map(async (id) => {
      const paper = await ingest({ name: `${id}.md`, bytes: new TextEncoder().encode(readFileSync(join(DATA, `${id}.body.md`), 'utf8')) });
      return { id, set: 'data' as const, paper: withoutAbstract(paper), reference: clean(readFileSync(join(DATA, `${id}.abstract.txt`), 'utf8')) };
    }),
  );
}

interface CorpusEntry {
  id: string;
  input: { kind: string; path?: string };
  same_as?: string;
  abstract?: boolean;
}

async function corpusPapers(): Promise<EvalPaper[]> {
  const { papers } = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as { papers: CorpusEntry[] };
  const out: EvalPaper[] = [];
  for (const e of papers) {
    // Archives and typeset PDFs are the same papers again; only papers with an abstract have a reference.
    if (e.input.kind !== 'file' || !e.input.path || e.same_as || !e.abstract) continue;
    const paper = await ingest({ name: basename(e.input.path), bytes: readFileSync(join(CORPUS, e.input.path)) });
    const reference = clean(paper.abstract ?? '');
    // An abstract the ingest could not find is no reference (the corpus test reports that miss).
    if (reference.split(' ').length < 30) continue;
    out.push({ id: e.id, set: 'corpus', paper: withoutAbstract(paper), reference });
  }
  return out;
}

/** All evaluation papers; `only` ('data') keeps the small, fast subset the unit test runs. */
export async function evalPapers(only?: 'data'): Promise<EvalPaper[]> {
  return only === 'data' ? dataPapers() : [...(await dataPapers()), ...(await corpusPapers())];
}
