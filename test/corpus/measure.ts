// The real-paper corpus (expected.json, SOURCES.md): each paper ingested as a user would give it
// (one file, or its folder packed as .tar.gz or .zip), then compared with the structure its
// authors wrote. Figures, per paper and overall:
// - title: the title read equals the paper's (case, spacing and punctuation aside);
// - abstract: an abstract was found exactly when the paper has one;
// - headings: precision and recall of section titles (all levels, numbering aside);
// - references / appendix excluded: the reference list (appendices) is a section of that kind,
//   left out of the default summary selection;
// - words: the listed words survive extraction intact;
// - broken tokens: the share of letter runs in the extracted text that never occur in the
//   source's own text (words glued, cut or garbled by extraction). No word list is used: the
//   source itself is the reference, which is exact for LaTeX and Markdown inputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, gzipSync } from 'fflate';
import { createTar } from 'nanotar';
import { ingest, type Paper } from '../../src/pipeline';
import { selectSections } from '../../src/pipeline/selection';
import { readTree } from '../support/tree';
import { typesetMarkdown } from './typeset';

export const CORPUS_DIR = import.meta.dirname;

export interface Expected {
  id: string;
  format: string;
  input: { kind: 'file'; path: string } | { kind: 'typeset-pdf'; path: string } | { kind: 'tar.gz' | 'zip'; dir: string };
  same_as?: string;
  title?: string;
  abstract?: boolean;
  sections?: string[];
  references?: string | null;
  appendix?: string | null;
  words?: string[];
}

export interface PaperFigures {
  id: string;
  format: string;
  title: boolean;
  titleRead: string;
  abstract: boolean;
  headingPrecision: number;
  headingRecall: number;
  referencesExcluded: boolean | null;
  appendixExcluded: boolean | null;
  wordsSurvived: number;
  brokenTokens: number;
  tokens: number;
  broken: string[];
}

export interface Overall {
  papers: number;
  titleAccuracy: number;
  abstractFound: number;
  headingPrecision: number;
  headingRecall: number;
  referencesExcluded: number;
  appendixExcluded: number;
  wordsSurvived: number;
  brokenTokenShare: number;
}

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[ivx]+\.|[a-z]\.)\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

// Latin letter runs, accents aside (Greek letters come from \alpha and the like, not from words).
const FOLD: Record<string, string> = { ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', ȷ: 'j' };
const letterRuns = (s: string) =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[øłæœßıȷ]/g, (c) => FOLD[c]).match(/\p{Script=Latin}{2,}/gu) ?? [];
// The source's words as written, with TeX accent commands (\"o, \'{e}) read as the letter.
const sourceText = (s: string) => {
  const t = s.replace(/\\(?:["'`^~=.]\s*|[cvuHrkdb](?:\s+|(?=\{)))\{?\\?([A-Za-z])\}?/g, '$1').replace(/\\(o|O|l|L|ae|AE|oe|OE|ss|aa|AA)(?![A-Za-z])/g, '$1');
  // T{\"u}bingen is one word, \section{Introduction} two: both readings count.
  return `${t.replace(/[{}]/g, ' ')}\n${t.replace(/[{}]/g, '')}`;
};
// Headings ingest adds itself (a thebibliography list becomes "References").
const ADDED_WORDS = ['references', 'abstract'];


export async function read(e: Expected): Promise<{ paper: Paper; source: string }> {
  if (e.input.kind === 'typeset-pdf') {
    const source = readFileSync(join(CORPUS_DIR, e.input.path), 'utf8');
    return { paper: await ingest({ name: `${e.id}.pdf`, bytes: await typesetMarkdown(source) }), source };
  }
  if (e.input.kind === 'file') {
    const path = join(CORPUS_DIR, e.input.path);
    const bytes = new Uint8Array(readFileSync(path));
    return { paper: await ingest({ name: path.slice(path.lastIndexOf('/') + 1), bytes }), source: new TextDecoder().decode(bytes) };
  }
  const files = readTree(join(CORPUS_DIR, e.input.dir));
  const source = files.map((f) => new TextDecoder().decode(f.bytes)).join('\n');
  const bytes =
    e.input.kind === 'zip'
      ? zipSync(Object.fromEntries(files.map((f) => [`src/${f.path}`, f.bytes])))
      : gzipSync(createTar(files.map((f) => ({ name: f.path, data: f.bytes }))));
  return { paper: await ingest({ name: `${e.id}.${e.input.kind}`, bytes }), source };
}

function multisetOverlap(a: string[], b: string[]): number {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  let n = 0;
  for (const x of a) {
    const k = left.get(x) ?? 0;
    if (k > 0) {
      n++;
      left.set(x, k - 1);
    }
  }
  return n;
}

function excluded(paper: Paper, title: string | null | undefined, kind: 'references' | 'appendix'): boolean | null {
  if (!title) return null;
  const picked = new Set(selectSections(paper));
  const i = paper.sections.findIndex((s) => norm(s.title) === norm(title));
  return i >= 0 && paper.sections[i].kind === kind && !picked.has(i);
}

export async function measurePaper(e: Expected, base: Expected): Promise<PaperFigures> {
  const { paper, source } = await read(e);
  const read_ = paper.sections.filter((s) => s.title && s.kind !== 'abstract').map((s) => norm(s.title));
  const want = (base.sections ?? []).map(norm);
  const hits = multisetOverlap(read_, want);
  const text = [paper.title, ...paper.sections.map((s) => `${s.title}\n${s.text}`)].join('\n');
  const vocabulary = new Set([...letterRuns(sourceText(source)), ...ADDED_WORDS]);
  const tokens = letterRuns(text);
  const broken = tokens.filter((t) => !vocabulary.has(t));
  const words = base.words ?? [];
  const survived = words.filter((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'iu').test(text)).length;
  return {
    id: e.id,
    format: e.format,
    title: norm(paper.title) === norm(base.title ?? ''),
    titleRead: paper.title,
    abstract: Boolean(paper.abstract) === Boolean(base.abstract),
    headingPrecision: read_.length ? hits / read_.length : want.length ? 0 : 1,
    headingRecall: want.length ? hits / want.length : 1,
    referencesExcluded: excluded(paper, base.references, 'references'),
    appendixExcluded: excluded(paper, base.appendix, 'appendix'),
    wordsSurvived: words.length ? survived / words.length : 1,
    brokenTokens: broken.length,
    tokens: tokens.length,
    broken: [...new Set(broken)].slice(0, 12),
  };
}

function failed(e: Expected, base: Expected, err: unknown): PaperFigures {
  return {
    id: e.id,
    format: e.format,
    title: false,
    titleRead: `(not read: ${err instanceof Error ? err.message : String(err)})`,
    abstract: false,
    headingPrecision: 0,
    headingRecall: 0,
    referencesExcluded: base.references ? false : null,
    appendixExcluded: base.appendix ? false : null,
    wordsSurvived: 0,
    brokenTokens: 0,
    tokens: 0,
    broken: [],
  };
}

export async function measureCorpus(): Promise<{ papers: PaperFigures[]; overall: Overall }> {
  const { papers: expected } = JSON.parse(readFileSync(join(CORPUS_DIR, 'expected.json'), 'utf8')) as { papers: Expected[] };
  const byId = new Map(expected.map((e) => [e.id, e]));
  const papers: PaperFigures[] = [];
  for (const e of expected) {
    const base = e.same_as ? byId.get(e.same_as)! : e;
    // A paper ingest refuses scores nothing, rather than stopping the report.
    papers.push(await measurePaper(e, base).catch((err: unknown) => failed(e, base, err)));
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 1);
  const share = (xs: (boolean | null)[]) => mean(xs.filter((x): x is boolean => x !== null).map(Number));
  const tokens = papers.reduce((n, p) => n + p.tokens, 0);
  return {
    papers,
    overall: {
      papers: papers.length,
      titleAccuracy: share(papers.map((p) => p.title)),
      abstractFound: share(papers.map((p) => p.abstract)),
      headingPrecision: mean(papers.map((p) => p.headingPrecision)),
      headingRecall: mean(papers.map((p) => p.headingRecall)),
      referencesExcluded: share(papers.map((p) => p.referencesExcluded)),
      appendixExcluded: share(papers.map((p) => p.appendixExcluded)),
      wordsSurvived: mean(papers.map((p) => p.wordsSurvived)),
      brokenTokenShare: tokens ? papers.reduce((n, p) => n + p.brokenTokens, 0) / tokens : 0,
    },
  };
}

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const mark = (x: boolean | null) => (x === null ? '–' : x ? 'yes' : 'NO');

export function formatReport(r: { papers: PaperFigures[]; overall: Overall }): string {
  const rows = r.papers.map((p) =>
    [p.id, p.format, mark(p.title), mark(p.abstract), pct(p.headingPrecision), pct(p.headingRecall), mark(p.referencesExcluded), mark(p.appendixExcluded), pct(p.wordsSurvived), pct(p.tokens ? p.brokenTokens / p.tokens : 0, 2)].join(' | '),
  );
  const o = r.overall;
  return [
    '| paper | format | title | abstract | heading P | heading R | refs excluded | appendix excluded | words intact | broken tokens |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((x) => `| ${x} |`),
    `| **overall (${o.papers})** | | ${pct(o.titleAccuracy)} | ${pct(o.abstractFound)} | ${pct(o.headingPrecision)} | ${pct(o.headingRecall)} | ${pct(o.referencesExcluded)} | ${pct(o.appendixExcluded)} | ${pct(o.wordsSurvived)} | ${pct(o.brokenTokenShare, 2)} |`,
  ].join('\n');
}
