// A real paper's Markdown typeset as a PDF the way a manuscript under review looks, so the PDF
// reader is measured on real text: the title large on page 1, the authors, numbered bold
// headings, 12 pt double-spaced body with line numbers in the left margin, a running head and a
// page number on every page. The words are the authors'; the typography is made here (standard
// PDF fonts, no ligatures), which SOURCES.md says.
import { makePdf, wrap, type PlacedText } from '../pipeline/support/pdf';

/** The standard PDF fonts encode WinAnsi only. */
function winAnsi(text: string): string {
  return text
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .normalize('NFC')
    .replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '');
}

const plain = (s: string) =>
  s
    .replace(/!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[@[^\]]+\]/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();

export async function typesetMarkdown(md: string): Promise<Uint8Array> {
  const yaml = /^---\n([\s\S]*?)\n---\n/.exec(md);
  const title = plain(/^title:\s*["']?(.*?)["']?\s*$/m.exec(yaml?.[1] ?? '')?.[1] ?? 'Untitled');
  const authors = [...(yaml?.[1] ?? '').matchAll(/^\s*-\s*name:\s*["']?(.*?)["']?\s*$/gm)].map((m) => m[1]).slice(0, 4);
  const body = md.slice(yaml ? yaml[0].length : 0).replace(/<!--[\s\S]*?-->/g, '').replace(/```[\s\S]*?```/g, '').replace(/\$\$[\s\S]*?\$\$/g, '');
  const short = title.split(':')[0].toUpperCase();
  const pages: PlacedText[][] = [];
  let y = 0;
  let lineNo = 0;
  const newPage = () => {
    pages.push([
      { text: winAnsi(`Running head: ${short}`), x: 72, y: 760, size: 9 },
      { text: String(pages.length + 1), x: 300, y: 36, size: 10 },
    ]);
    y = 720;
  };
  const put = (text: string, size: number, bold = false, gap = 24, numbered = true) => {
    if (y < 72) newPage();
    const page = pages[pages.length - 1];
    page.push({ text: winAnsi(text), x: 72, y, size, bold });
    if (numbered) {
      const n = String(++lineNo);
      page.push({ text: n, x: 50 - n.length * 5, y, size: 9 });
    }
    y -= gap;
  };
  newPage();
  // A long title wraps, as typeset titles do (the reader must join its lines).
  for (const l of wrap(title, 50)) put(l, 18, true, 24, false);
  y -= 6;
  if (authors.length) put(authors.join(', '), 12, false, 40, false);
  let section = 0;
  let para: string[] = [];
  const flush = () => {
    const text = plain(para.join(' '));
    for (const l of text ? wrap(text, 80) : []) put(l, 12);
    if (text) y -= 10;
    para = [];
  };
  for (const line of body.split('\n')) {
    const h = /^#\s+(.+?)\s*$/.exec(line);
    if (h) {
      flush();
      y -= 12;
      const name = plain(h[1]);
      put(/^references$/i.test(name) ? name : `${++section} ${name}`, 13, true, 30);
    } else if (!line.trim() || /^\s*[|!<]/.test(line)) flush();
    else para.push(line);
  }
  flush();
  return makePdf(pages);
}
