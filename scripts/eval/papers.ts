// The evaluation set: real papers whose abstract is the reference. Each comes twice: `paper`, the
// abstract withheld (what ROUGE, coverage and redundancy are measured on), and `full`, as a reader
// would give it with its abstract (for the abstract echo: how much of a summary only repeats it).
// - test/data/papers ships each Manubot paper's body and abstract as separate files (SOURCES.md);
//   the full paper is the body with an "## Abstract" section under its title.
// - From the ingest corpus (test/corpus/SOURCES.md) every distinct paper whose source has an
//   abstract, read by the corpus's own loader (measure.ts `read`). The reference is taken from the
//   source by a rule per format (LaTeX \Abstract{...} or the abstract environment, markup
//   dropped), never from what PaperLens read, so an ingest slip cannot flatter the score.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingest, type Paper } from '../../src/pipeline';
import { CORPUS_DIR, read, type Expected } from '../../test/corpus/measure';

const ROOT = join(import.meta.dirname, '../..');
const DATA = join(ROOT, 'test/data/papers');

export interface EvalPaper {
  id: string;
  /** Where it comes from: 'data' (test/data/papers) or 'corpus' (test/corpus). */
  set: 'data' | 'corpus';
  /** The paper without its abstract. */
  paper: Paper;
  /** The paper with its abstract, as a reader gives it. */
  full: Paper;
  reference: string;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The paper as the summarizer must see it: no abstract field, no abstract section. */
export function withoutAbstract(paper: Paper): Paper {
  return { ...paper, abstract: undefined, sections: paper.sections.filter((s) => s.kind !== 'abstract') };
}

const md = (name: string, text: string) => ingest({ name, bytes: new TextEncoder().encode(text) });

async function dataPapers(): Promise<EvalPaper[]> {
  const ids = readdirSync(DATA)
    .filter((f) => f.endsWith('.body.md'))
    .map((f) => f.replace(/\.body\.md$/, ''))
    .sort();
  return Promise.all(
    ids.map(async (id) => {
      const body = readFileSync(join(DATA, `${id}.body.md`), 'utf8');
      const abstract = readFileSync(join(DATA, `${id}.abstract.txt`), 'utf8').trim();
      // The title line, then the abstract as its own section, then the body.
      const withAbstract = body.replace(/^(# [^\n]*\n)/, `$1\n## Abstract\n\n${abstract}\n\n`);
      const [paper, full] = await Promise.all([md(`${id}.md`, body), md(`${id}.md`, withAbstract)]);
      return { id, set: 'data' as const, paper: withoutAbstract(paper), full, reference: clean(abstract) };
    }),
  );
}

/** The argument of the brace group opening at `open` (balanced, escaped braces aside). */
function braced(s: string, open: number): string {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return s.slice(open + 1, i);
  }
  return s.slice(open + 1);
}

/**
 * A LaTeX source's abstract as the compiled paper prints it, roughly: `\Abstract{...}` (the JSS
 * class) or `\begin{abstract}...\end{abstract}`, comments and citations out, text-style commands
 * (\pkg{x}, \emph{x}) replaced by their argument, other commands and braces dropped. A paragraph
 * that is only a publication note ("a previous version ... published in the Journal of ...") is
 * left out: it says where the paper appeared, not what it says.
 */
export function latexAbstract(source: string): string | undefined {
  const s = source.replace(/(^|[^\\])%.*$/gm, '$1');
  const jss = /\\Abstract\s*\{/.exec(s);
  const env = /\\begin\{abstract\}([\s\S]*?)\\end\{abstract\}/.exec(s);
  const raw = jss ? braced(s, jss.index + jss[0].length - 1) : env?.[1];
  if (!raw) return undefined;
  const text = (p: string) =>
    clean(
      p
        .replace(/\\(?:cite[a-z]*|citep|citet|ref|label|footnote)\*?(?:\[[^\]]*\])*\{[^{}]*\}/g, '')
        .replace(/\\(?:pkg|proglang|code|emph|textit|textbf|texttt|textsf|textrm|mbox|url|Rpackage|Rclass|Robject|Rfunction|software)\s*\{([^{}]*)\}/g, '$1')
        .replace(/``|''/g, '"')
        .replace(/~/g, ' ')
        .replace(/\\[%&$#_]/g, (m) => m.slice(1))
        .replace(/\\\\|\\[a-zA-Z]+\*?/g, ' ')
        .replace(/[{}]/g, '')
        .replace(/\s+([.,;:])/g, '$1'),
    );
  const note = (p: string) => /\b(?:published|preprint|previous version|modified version)\b/i.test(p) && /journal|copyright|\\cite/i.test(p);
  const paragraphs = raw.split(/\n\s*\n/).filter((p) => p.trim() && !note(p));
  return clean(paragraphs.map(text).join(' ')) || undefined;
}

async function corpusPapers(): Promise<EvalPaper[]> {
  const { papers } = JSON.parse(readFileSync(join(CORPUS_DIR, 'expected.json'), 'utf8')) as { papers: Expected[] };
  const out: EvalPaper[] = [];
  for (const e of papers) {
    // An archive or typeset PDF of a paper already here is the same paper again; the Manubot
    // entries are test/data's bodies, scored above with their abstract files.
    if (e.same_as || e.input.kind === 'typeset-pdf' || (e.input.kind === 'file' && e.input.path.startsWith('../'))) continue;
    const { paper, source } = await read(e);
    const reference = /\.(?:tex|Rnw)$/i.test(e.input.kind === 'file' ? e.input.path : '') || e.input.kind !== 'file' ? latexAbstract(source) : undefined;
    // A paper without an abstract (JOSS papers have none) has no reference.
    if (!reference || reference.split(' ').length < 30) continue;
    out.push({ id: e.id, set: 'corpus', paper: withoutAbstract(paper), full: paper, reference });
  }
  return out;
}

/** All evaluation papers; `only` ('data') keeps the small, fast subset the unit test runs. */
export async function evalPapers(only?: 'data'): Promise<EvalPaper[]> {
  return only === 'data' ? dataPapers() : [...(await dataPapers()), ...(await corpusPapers())];
}
