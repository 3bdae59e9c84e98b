// A 30-page, double-spaced manuscript PDF built from the real CC-BY paper texts the extractive
// quality tests use (test/data/papers, see SOURCES.md): one part per paper, numbered headings,
// a running header and page numbers (which ingest must drop), citations as [n], and a References
// tail (which must be left out of the summary input).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePdf, wrap, type PlacedText } from '../test/pipeline/support/pdf';

const PAPERS = join(import.meta.dirname, '../test/data/papers');
export const MANUSCRIPT_TITLE = 'Open Practices in Computational Biology: A Reader';
export const RUNNING_HEADER = 'Open practices reader - preprint under review';

export interface Manuscript {
  pdf: Buffer;
  pages: number;
  /** Titles of the numbered parts, one per source paper. */
  parts: string[];
}

interface Block {
  heading?: { text: string; size: number };
  text?: string;
}

/** The standard PDF fonts encode WinAnsi only: typographic marks become ASCII, accents are kept by NFC. */
function winAnsi(text: string): string {
  return text
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2026/g, '...')
    .normalize('NFC')
    .replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '');
}

/** Markdown body -> headings and plain paragraphs; pandoc citation keys become [n]. */
function blocks(md: string, part: number, cite: () => number): { title: string; blocks: Block[] } {
  const lines = md.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  // Short part titles (before a colon or dash), so a heading fits on one line as typeset headings do.
  const title = lines[0].replace(/^#\s*/, '').split(/:| [\u2013-] /)[0].trim();
  const out: Block[] = [{ heading: { text: `${part} ${title}`, size: 14 } }];
  let sub = 0;
  let para: string[] = [];
  const flush = () => {
    const text = para.join(' ').replace(/\s+/g, ' ').trim();
    if (text) out.push({ text });
    para = [];
  };
  for (const raw of lines.slice(1)) {
    const line = raw.replace(/\{[^}]*\}/g, '').replace(/\[@[^\]]+\]|@(doi|pmid|arxiv|url):\S+/g, () => `[${cite()}]`);
    const h = /^#{2,4}\s+(?:\d+\.\s*)?(.+?)\s*$/.exec(line);
    if (h) {
      flush();
      out.push({ heading: { text: `${part}.${++sub} ${h[1]}`, size: 12 } });
    } else if (!line.trim() || /^\s*[|!<]/.test(line)) flush();
    else para.push(line.replace(/[*_`]/g, '').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'));
  }
  flush();
  return { title, blocks: out };
}

export async function manuscriptPdf(): Promise<Manuscript> {
  let n = 0;
  const cite = () => ++n;
  const files = readdirSync(PAPERS).filter((f) => f.endsWith('.body.md')).sort();
  const parts = files.map((f, i) => blocks(readFileSync(join(PAPERS, f), 'utf8'), i + 1, cite));

  const pages: PlacedText[][] = [];
  let y = 0;
  const newPage = () => {
    pages.push([
      { text: RUNNING_HEADER, x: 72, y: 760, size: 9 },
      { text: String(pages.length + 1), x: 300, y: 36, size: 10 },
    ]);
    y = 720;
  };
  // Double-spaced 12 pt, as manuscripts under review are typeset.
  const line = (text: string, size = 12, bold = false, gap = 24) => {
    if (y < 72) newPage();
    pages[pages.length - 1].push({ text: winAnsi(text), x: 72, y, size, bold });
    y -= gap;
  };
  newPage();
  line(MANUSCRIPT_TITLE, 16, true, 40);
  for (const p of parts) {
    for (const b of p.blocks) {
      if (b.heading) {
        // Headings get space above and below, as typeset manuscripts give them.
        y -= 16;
        line(b.heading.text, b.heading.size, true, 36);
      } else for (const l of wrap(b.text!, 80)) line(l);
    }
  }
  y -= 8;
  line('References', 14, true, 28);
  for (let i = 1; i <= n; i++) line(`${i}. Author A, Author B. A cited work number ${i}. Journal of Examples. 2020;${i}:1-10.`, 10, false, 14);
  return { pdf: Buffer.from(await makePdf(pages)), pages: pages.length, parts: parts.map((p, i) => `${i + 1} ${p.title}`) };
}
