// LaTeX source to Paper without a TeX engine: the document's own macros are expanded, false
// conditionals dropped and labels numbered first (./latex/), then one forward scan converts it.
import { buildPaper, type RawSection } from '../structure';
import type { Paper } from '../types';
import { convert, paragraphs, type Ctx } from './latex/convert';
import { numberLabels } from './latex/labels';
import { dropCodeChunks } from './latex/literate';
import { collectMacros, dropFalseConditionals, expandMacros } from './latex/macros';
import { Scanner, skipOptional, stripComments } from './latex/scanner';
import { normalizeChars } from './normalize';
import { CitationNumbers } from './references';

export interface LatexResult {
  title?: string;
  authors?: string;
  abstract?: string;
  sections: RawSection[];
}

// Front matter that classes let authors put in the preamble (apa6/papaja's \abstract, most titles).
const PREAMBLE_CMDS = ['title', 'icmltitle', 'author', 'abstract', 'Abstract'] as const;

function readPreamble(preamble: string, ctx: Ctx) {
  for (const cmd of PREAMBLE_CMDS) {
    for (const m of preamble.matchAll(new RegExp(`\\\\${cmd}\\s*[\\[{]`, 'g'))) {
      const sc = new Scanner(preamble.slice(m.index));
      sc.commandName();
      skipOptional(sc);
      const g = sc.group();
      if (g !== null) convert(`\\${cmd}{${g}}`, ctx, 0);
      if (cmd !== 'author') break;
    }
  }
}

export function parseLatexParts(src: string): LatexResult {
  const { text, macros } = collectMacros(dropFalseConditionals(dropCodeChunks(stripComments(normalizeChars(src)))));
  let s = expandMacros(text, macros);
  const ctx: Ctx = { cites: new CitationNumbers(), labels: numberLabels(s), sections: [] };
  const docStart = s.indexOf('\\begin{document}');
  if (docStart >= 0) {
    // Title/author may live in the preamble; read them, then drop the rest of the preamble.
    const pre: Ctx = { ...ctx, sections: [] };
    readPreamble(s.slice(0, docStart), pre);
    Object.assign(ctx, { title: pre.title, authors: pre.authors, abstract: pre.abstract });
    s = s.slice(docStart + '\\begin{document}'.length);
  }
  const docEnd = s.indexOf('\\end{document}');
  if (docEnd >= 0) s = s.slice(0, docEnd);
  const tail = convert(s, ctx, 0);
  // Text before the first \section belongs to an untitled lead section.
  const raw: RawSection[] = [];
  const lead = ctx.sections.length ? ctx.sections[0].paragraphs[0] : tail;
  raw.push({ title: '', level: 1, paragraphs: paragraphs(lead ?? '') });
  ctx.sections.forEach((sec, k) => {
    // Each section's own text is what was accumulated until the next section command.
    const body = k + 1 < ctx.sections.length ? ctx.sections[k + 1].paragraphs[0] : tail;
    raw.push({ title: sec.title, level: sec.level, paragraphs: paragraphs(body ?? ''), kind: sec.kind });
  });
  if (ctx.abstract) raw.unshift({ title: 'Abstract', level: 1, paragraphs: paragraphs(ctx.abstract) });
  return { title: ctx.title, authors: ctx.authors, abstract: ctx.abstract, sections: raw };
}

export function parseLatex(src: string, source: string, warnings: string[] = []): Paper {
  const r = parseLatexParts(src);
  if (/\\(input|include|subfile)\{/.test(stripComments(src))) {
    warnings.push('This LaTeX file includes other files (\\input/\\include); only this file was read. Drop the whole folder or its .zip/.tar.gz archive to read them all.');
  }
  return buildPaper({ title: r.title, authors: r.authors, sections: r.sections, source, warnings });
}
