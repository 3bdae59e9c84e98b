// Turns plain text (pasted, .txt, or the line output of the PDF reader) into a Paper: title,
// authors, abstract, sections with kinds and word counts.
import { looksLikeCjkAuthors } from './cjk/headings';
import { countText, textLanguage, wordEquivalents } from './cjk/script';
import { isFrontMatterLine, isHeadingContinuation } from './frontLines';
import { kindOfTitle, matchHeading } from './headings';
import { plainTitle } from './ingest/markup';
import { joinLines, normalizeChars, wordForms } from './ingest/normalize';
import type { Paper, Section } from './types';

/** A section before kinds and counts are assigned; `paragraphs` are already single-line. */
export interface RawSection {
  title: string;
  level: number;
  paragraphs: string[];
  /** Set where the source says what the section is (LaTeX's \appendix), over what its title suggests. */
  kind?: Section['kind'];
}

export interface PaperParts {
  title?: string;
  authors?: string;
  sections: RawSection[];
  source: string;
  warnings?: string[];
}

/**
 * Assigns kinds (the tail after References is appendix), word counts and the abstract, and drops
 * empty untitled sections. Subsections inherit a non-body kind from their parent section.
 */
// The sections a reader names without a heading (LaTeX's abstract environment and bibliography):
// ctex prints 摘要 and 参考文献.
const ZH_NAMES: Record<string, string> = { Abstract: '摘要', References: '参考文献' };

export function buildPaper(parts: PaperParts): Paper {
  const sections: Section[] = [];
  let afterReferences = false;
  let parentKind: Section['kind'] = 'body';
  for (const raw of parts.sections) {
    const text = raw.paragraphs.map((p) => p.trim()).filter(Boolean).join('\n\n');
    if (!text && !raw.title) continue;
    let kind = raw.kind ?? kindOfTitle(raw.title, afterReferences);
    if (raw.level > 1 && kind === 'body' && parentKind !== 'abstract') kind = parentKind;
    if (raw.level <= 1) parentKind = kind;
    if (kind === 'references') afterReferences = true;
    const counts = countText(text);
    sections.push({ title: raw.title, level: raw.level, text, wordCount: counts.words, ...(counts.characters ? { cjkChars: counts.characters } : {}), kind });
  }
  const cjkChars = sections.reduce((n, s) => n + (s.cjkChars ?? 0), 0);
  const language = textLanguage(sections.map((s) => s.text).join('\n').slice(0, 20_000));
  if (language === 'zh') for (const s of sections) if ((s.kind === 'abstract' || s.kind === 'references') && ZH_NAMES[s.title]) s.title = ZH_NAMES[s.title];
  const abstract = sections.find((s) => s.kind === 'abstract')?.text;
  const wordCount = sections.reduce((n, s) => n + s.wordCount, 0);
  return {
    title: parts.title?.trim() || 'Untitled',
    authors: parts.authors?.trim() || undefined,
    abstract: abstract || undefined,
    sections,
    wordCount,
    ...(cjkChars ? { cjkChars } : {}),
    language,
    source: parts.source,
    warnings: parts.warnings ?? [],
  };
}

const matchHeadingOrNull = (line: string) => (line ? matchHeading(line) : null);

export interface StructureHints {
  title?: string;
  authors?: string;
  source: string;
  warnings?: string[];
}

const AUTHORISH = /^[A-Z][\p{L}.'’-]+(?:\s+[\p{L}.'’-]+){0,4}(?:\s*[,;&*†‡\d]|\s+and\s+|$)/u;

function looksLikeAuthors(line: string): boolean {
  if (looksLikeCjkAuthors(line)) return true;
  if (line.length > 300 || /[.:]$/.test(line) && !/\b[A-Z]\.$/.test(line)) return false;
  if (/@|university|institute|department|laboratory|school of|college/i.test(line)) return true;
  const words = line.split(/\s+/);
  const capitalized = words.filter((w) => /^[A-Z\p{Lu}]/u.test(w)).length;
  return AUTHORISH.test(line) && capitalized >= words.length * 0.5;
}

/**
 * Plain text to Paper. Lines that look like headings split sections; blank lines split
 * paragraphs; the lines of a paragraph are joined (mending words hyphenated at line ends).
 * Without a heading before it, the first short line is the title and the following name-like
 * lines are the authors.
 */
export function structureText(text: string, hints: StructureHints): Paper {
  const clean = normalizeChars(text);
  const forms = wordForms(clean);
  const lines = clean.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());

  let title = hints.title;
  let authors = hints.authors;
  let i = 0;
  while (i < lines.length && !lines[i]) i++;
  // Front matter: title and author lines before the first heading / paragraph.
  if (i < lines.length && !matchHeading(lines[i])) {
    const first = lines[i];
    const nextBlank = i + 1 >= lines.length || !lines[i + 1];
    const isTitleLine = first.length <= 200 && !/[.!?]$/.test(first) && (nextBlank || lines.slice(i + 1, i + 6).some((l) => matchHeading(l) || looksLikeAuthors(l)));
    if (isTitleLine) {
      if (!title) title = plainTitle(first);
      else if (normalizeTitle(title) !== normalizeTitle(first) && !normalizeTitle(title).startsWith(normalizeTitle(first))) {
        // The hint (e.g. PDF largest font) differs: keep the first line as body text.
        i--;
      }
      i++;
      // Multi-line titles in PDFs: swallow lines that are part of the hinted title.
      while (hints.title && i < lines.length && lines[i] && normalizeTitle(hints.title).includes(normalizeTitle(lines[i]))) i++;
      const authorLines: string[] = [];
      while (i < lines.length && authorLines.length < 6) {
        const l = lines[i];
        if (!l) {
          if (authorLines.length) break;
          i++;
          continue;
        }
        if (matchHeading(l) || !looksLikeAuthors(l)) break;
        authorLines.push(l);
        i++;
      }
      if (!authors && authorLines.length) authors = authorLines.join('; ');
    }
  }
  // Affiliations, e-mails, correspondence and keywords before the first section: not prose.
  while (i < lines.length && (!lines[i] || isFrontMatterLine(lines[i])) && !matchHeadingOrNull(lines[i])) i++;

  const sections: RawSection[] = [];
  let current: RawSection = { title: '', level: 1, paragraphs: [] };
  let para: string[] = [];
  const flush = () => {
    if (para.length) current.paragraphs.push(joinLines(para, forms.hyphenated, forms.words));
    para = [];
  };
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line) {
      flush();
      continue;
    }
    const h = matchHeading(line, !lines[i - 1] && !lines[i + 1]);
    if (h) {
      flush();
      if (current.title || current.paragraphs.length) sections.push(current);
      let title = h.title;
      if (!h.rest && isHeadingContinuation(line, lines[i + 1], lines[i + 2])) title += ` ${lines[++i]}`;
      current = { title, level: h.level, paragraphs: [] };
      if (h.rest) para.push(h.rest);
      continue;
    }
    para.push(line);
  }
  flush();
  sections.push(current);

  // An untitled lead section right before the first heading, in a paper without an Abstract
  // heading, is the abstract when it is paragraph-sized (pasted "title + abstract + body").
  const lead = sections[0];
  if (lead && !lead.title && !sections.some((s) => /^(?:abstract|摘要)$/i.test(s.title))) {
    const leadText = lead.paragraphs.join(' ');
    const words = wordEquivalents(leadText);
    if (words >= 40 && words <= 450 && sections.length > 1) lead.title = textLanguage(leadText) === 'zh' ? '摘要' : 'Abstract';
  }
  const paper = buildPaper({ title, authors, sections, source: hints.source, warnings: hints.warnings });
  // A paste of one short line (a title over author lines, a lone numbered line read as a heading
  // because it stands alone) is the text itself, not a title over nothing: without this it was
  // refused as "no text" or lost the lines read as headings. Only headings proper stay refused.
  if (paper.wordCount === 0 && !paper.cjkChars && !hints.title && lines.some((l) => l && !matchHeading(l))) {
    return buildPaper({ sections: [{ title: '', level: 1, paragraphs: lines.filter(Boolean) }], source: hints.source, warnings: hints.warnings });
  }
  return paper;
}

function normalizeTitle(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
