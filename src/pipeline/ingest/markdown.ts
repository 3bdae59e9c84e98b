// Markdown to Paper: ATX/setext headings become sections; markup is stripped to plain prose.
import { buildPaper, type RawSection } from '../structure';
import type { Paper } from '../types';
import { readFrontMatter } from './frontMatter';
import { stripMarkup, takeTexFootnotes } from './markup';
import { joinLines, normalizeChars, wordForms } from './normalize';
import { CitationNumbers, pandocCitations } from './references';

function stripInline(s: string, cites: CitationNumbers, linkTargets = true): string {
  return pandocCitations(stripMarkup(s, linkTargets), cites);
}

/**
 * Pandoc/Manubot blocks that are not prose: HTML comments (any length), figures whose caption
 * spans lines ("![\ncaption\n](img.png){#fig:x}"), table captions ("Table: ..." up to the next
 * blank line), lone attribute lines ("{#tbl:x}") and display math.
 */
function dropNonProse(src: string): string {
  return src
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    // Display math ($$ ... $$) is never prose: kept, it could be quoted as a sentence. Its own
    // line goes with it, so the sentence around it is not cut into two paragraphs.
    .replace(/\n?[ \t]*\$\$[\s\S]*?(?:\$\$|$)[ \t]*(?=\n|$)/g, '')
    .replace(/^[ \t]*!\[[\s\S]*?\]\([^)\n]*\)(\{[^}\n]*\})?[ \t]*$/gm, '')
    .replace(/^[ \t]*Table:[^\n]*(\n(?![ \t]*\n)[^\n]*)*/gm, '')
    .replace(/^[ \t]*\{[#.][^}\n]*\}[ \t]*$/gm, '');
}

// A footnote definition, "[^id]: text", and the indented lines that continue it.
const FOOTNOTE_DEF = /^\s{0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$/;
const FOOTNOTE_REF = /\[\^([^\]\s]+)\](?!:)/g;

/**
 * Footnote definitions taken out of the flow, by id. Pandoc prints them at the foot of the page
 * that cites them; left in place they were read as part of whatever section ends the file (the
 * references, whose links the facts card does not read: exoplanet's four repository links).
 */
function takeFootnotes(lines: string[]): { rest: string[]; notes: Map<string, string> } {
  const rest: string[] = [];
  const notes = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const m = FOOTNOTE_DEF.exec(lines[i]);
    if (!m) {
      rest.push(lines[i]);
      continue;
    }
    const text = [m[2]];
    while (i + 1 < lines.length && /^(?: {4}|\t)\S/.test(lines[i + 1])) text.push(lines[++i].trim());
    notes.set(m[1], text.join(' '));
  }
  return { rest, notes };
}

export function parseMarkdown(src: string, source: string): Paper {
  const front = readFrontMatter(normalizeChars(src));
  const { rest: lines, notes } = takeFootnotes(dropNonProse(front.body).split('\n'));
  // Each footnote ([^id] or raw TeX \footnote{...}) ends the section that first cites it, as the
  // page it is printed on would.
  const noted = new Set<string>();
  let pendingNotes: string[] = [];
  const cites = new CitationNumbers();
  const forms = wordForms(src);
  const sections: RawSection[] = [];
  let current: RawSection = { title: '', level: 1, paragraphs: [] };
  let para: string[] = [];
  let inFence = false;
  let title: string | undefined = front.title;
  const flush = () => {
    if (para.length) {
      const { text, notes: tex } = takeTexFootnotes(joinLines(para, forms.hyphenated, forms.words));
      current.paragraphs.push(text);
      pendingNotes.push(...tex);
    }
    para = [];
  };
  const addNotes = () => {
    current.paragraphs.push(...pendingNotes.filter(Boolean));
    pendingNotes = [];
  };
  const startSection = (t: string, level: number) => {
    flush();
    addNotes();
    if (current.title || current.paragraphs.length) sections.push(current);
    current = { title: t, level, paragraphs: [] };
  };
  const headingLevels: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      flush();
      continue;
    }
    if (inFence) continue;
    for (const m of line.matchAll(FOOTNOTE_REF)) {
      if (notes.has(m[1]) && !noted.has(m[1])) {
        noted.add(m[1]);
        pendingNotes.push(stripInline(notes.get(m[1])!, cites));
      }
    }
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    const setext = i + 1 < lines.length && line.trim() && /^\s{0,3}(=+|-{2,})\s*$/.test(lines[i + 1]) && !para.length ? lines[i + 1].trim()[0] : null;
    if (atx || setext) {
      const level = atx ? atx[1].length : setext === '=' ? 1 : 2;
      const text = stripInline(atx ? atx[2] : line.trim(), cites, false);
      if (setext) i++;
      // The first level-1 heading is the paper title when nothing precedes it.
      if (level === 1 && title === undefined && !sections.length && !current.paragraphs.length && !para.length && !current.title) {
        title = text;
        continue;
      }
      headingLevels.push(level);
      startSection(text, level);
      continue;
    }
    if (/^\s*$/.test(line) || /^\s*([-*_]\s*){3,}$/.test(line)) {
      flush();
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line)) continue; // tables carry numbers, not prose
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      para.push(stripInline(item[1], cites));
      continue;
    }
    para.push(stripInline(line.replace(/^\s*>\s?/, ''), cites));
  }
  flush();
  addNotes();
  sections.push(current);
  // Papers written with "##" for sections and no "#": shift so top sections are level 1.
  const top = headingLevels.length ? Math.min(...headingLevels) : 1;
  for (const s of sections) if (s.title) s.level = Math.max(1, s.level - top + 1);
  return buildPaper({ title, authors: front.authors, sections, source });
}
