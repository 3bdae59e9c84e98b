// The forward scan from LaTeX to text: keeps prose, section titles, the abstract, inline math
// (readably), turns citations into [n] markers and references into numbers. Section commands at
// the top level close the text gathered so far; every loop advances, so broken input cannot hang.
import type { RawSection } from '../../structure';
import { linkText } from '../markup';
import type { CitationNumbers } from '../references';
import { referenceText, type LabelTarget } from './labels';
import { Scanner, skipOptional } from './scanner';
import { ABSTRACT_CMDS, ACCENTS, AUTHOR_CMDS, CITE, DROP_ARG_COUNT, DROP_CMDS, DROP_ENVS, KEEP_ARG, LETTERS, REF, SECTION_LEVEL, SYMBOLS, TITLE_CMDS } from './vocabulary';

export interface Ctx {
  cites: CitationNumbers;
  labels: Map<string, LabelTarget>;
  /** Sections in order; each holds the text gathered before it, as paragraphs[0]. */
  sections: RawSection[];
  title?: string;
  authors?: string;
  abstract?: string;
  /** After \appendix (or inside \begin{appendices}): sections are appendix sections. */
  appendix?: boolean;
}

const MAX_DEPTH = 64;
const VERBATIM_ARG = /^(code|verb\*?|path|lstinline|Verb)$/;
const DISPLAY_MATH = /^(equation|align|gather|multline|eqnarray|displaymath|flalign|alignat|subequations)\*?$/;

function mathToText(m: string, ctx: Ctx, depth: number): string {
  return convert(m, ctx, depth + 1, true)
    .replace(/\\?[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function addAuthor(ctx: Ctx, v: string) {
  if (v) ctx.authors = ctx.authors ? `${ctx.authors}, ${v}` : v;
}

/** Converts a LaTeX fragment to text; section commands push into ctx.sections (top level only). */
export function convert(src: string, ctx: Ctx, depth: number, math = false): string {
  if (depth > MAX_DEPTH) return src.replace(/[\\{}]/g, ' ');
  const sc = new Scanner(src);
  let out = '';
  while (!sc.done) {
    const c = sc.peek();
    if (c === '\\') {
      const name = sc.commandName();
      if (!name) continue;
      if (name === '\\') {
        skipOptional(sc);
        out += math ? ' ' : '\n';
        continue;
      }
      if (name === '[' || name === '(') {
        // \[ display \] is dropped; \( inline \) kept readable.
        const end = name === '[' ? '\\]' : '\\)';
        const j = src.indexOf(end, sc.i);
        const body = src.slice(sc.i, j < 0 ? src.length : j);
        sc.i = j < 0 ? src.length : j + 2;
        if (name === '(') out += mathToText(body, ctx, depth);
        continue;
      }
      if (name === 'begin') {
        const env = sc.group() ?? '';
        out += beginEnvironment(env, sc, ctx, depth);
        if (env.trim() === 'thebibliography' && depth === 0) {
          // Marked as a References section so it is excluded by default (its entries are dropped).
          ctx.sections.push({ title: 'References', level: 1, paragraphs: [out], kind: 'references' });
          out = '';
        }
        continue;
      }
      if (name === 'end') {
        sc.group();
        out += '\n\n';
        continue;
      }
      if (name === 'appendix') {
        ctx.appendix = true;
        continue;
      }
      if (name === 'twocolumn') {
        // ICML puts the title block in \twocolumn[...]: read it rather than drop it as an option.
        sc.skipSpaces();
        const opt = sc.peek() === '[' ? sc.group('[', ']') : null;
        if (opt) out += convert(opt, ctx, depth);
        continue;
      }
      const bare = name.replace(/\*$/, '');
      if (SECTION_LEVEL[bare] !== undefined && depth === 0) {
        sc.skipSpaces();
        const short = sc.peek() === '[' ? sc.group('[', ']') : null;
        const long = sc.group() ?? '';
        // A heading made of citations ("\cite{a} and \cite{b}") prints author names we cannot
        // know without the .bib; the short title the author gave for the contents says them.
        const heading = short !== null && /\\cite/.test(long) ? short : long;
        const title = convert(heading, ctx, depth + 1).replace(/\s+/g, ' ').trim();
        ctx.sections.push({ title, level: SECTION_LEVEL[bare], paragraphs: [out], kind: ctx.appendix ? 'appendix' : undefined });
        out = '';
        continue;
      }
      if (bare === 'paragraph' || bare === 'subparagraph') {
        const t = convert(sc.group() ?? '', ctx, depth + 1).trim();
        out += `\n\n${t.replace(/[.:]$/, '')}. `;
        continue;
      }
      if (TITLE_CMDS.test(name) || AUTHOR_CMDS.test(name)) {
        skipOptional(sc);
        const isAuthor = AUTHOR_CMDS.test(name);
        const v = convert(sc.group() ?? '', ctx, depth + 1)
          .replace(/\s*\n\s*/g, isAuthor ? ', ' : ' ')
          .replace(/(,\s*)+/g, ', ')
          .replace(/\s+/g, ' ')
          .replace(/^[,\s]+|[,\s]+$/g, '');
        // \icmlauthor{Name}{affiliation keys}
        if (name === 'icmlauthor') sc.group();
        if (isAuthor) addAuthor(ctx, v);
        else ctx.title ??= v;
        continue;
      }
      if (ABSTRACT_CMDS.test(name)) {
        const g = sc.group();
        if (g !== null) ctx.abstract ??= convert(g, ctx, depth + 1).trim();
        continue;
      }
      if (name === 'and' || name === 'AND') {
        out += '\n';
        continue;
      }
      if (CITE.test(name)) {
        skipOptional(sc);
        out += ctx.cites.marker((sc.group() ?? '').split(','));
        continue;
      }
      if (REF.test(name)) {
        skipOptional(sc);
        out += referenceText(name, (sc.group() ?? '').split(','), ctx.labels);
        continue;
      }
      if (name === 'href') {
        const url = (sc.group() ?? '').replace(/\\([#%&_~$])/g, '$1');
        out += linkText(convert(sc.group() ?? '', ctx, depth + 1, math), url);
        continue;
      }
      if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
        const a = mathToText(sc.group() ?? '', ctx, depth);
        const b = mathToText(sc.group() ?? '', ctx, depth);
        out += `${a.length > 1 ? `(${a})` : a}/${b.length > 1 ? `(${b})` : b}`;
        continue;
      }
      if (name === 'item') {
        skipOptional(sc);
        out += '\n\n- ';
        continue;
      }
      if (DROP_CMDS.has(name)) {
        skipOptional(sc);
        const n = DROP_ARG_COUNT[name] ?? 1;
        for (let k = 0; k < n; k++) {
          if (sc.group() === null) break;
          skipOptional(sc);
        }
        continue;
      }
      if (VERBATIM_ARG.test(name)) {
        // JSS's \code{x$coef}, \path, \verb|...|: literal text, in which $ and % are characters.
        const raw = name === 'verb' || name === 'verb*' ? verbArgument(sc) : (sc.group() ?? '');
        out += raw.replace(/\\([%$&#_{}~^])/g, '$1');
        continue;
      }
      if (ACCENTS[name] !== undefined && !math) {
        // \"o, \'{e}, \c{c}, \"{\i}: the letter with its combining mark.
        const base = convert(sc.argument(), ctx, depth + 1, math).replace(/ı/g, 'i').replace(/ȷ/g, 'j');
        out += (base.charAt(0) + ACCENTS[name] + base.slice(1)).normalize('NFC');
        continue;
      }
      if (LETTERS[name] !== undefined && !math) {
        out += LETTERS[name];
        continue;
      }
      if (SYMBOLS[name] !== undefined) {
        out += SYMBOLS[name];
        if (/^[A-Za-z]/.test(name) && sc.peek() === ' ' && !math) out += ' ';
        continue;
      }
      if (KEEP_ARG.test(name)) {
        if (name === 'textcolor' || name === 'colorbox') sc.group();
        const g = sc.group();
        if (g !== null) out += convert(g, ctx, depth + 1, math);
        continue;
      }
      // Unknown command: drop its name and optional args, keep the text of brace arguments.
      skipOptional(sc);
      continue;
    }
    if (c === '{' || c === '}') {
      sc.i++;
      continue;
    }
    if (c === '$') {
      const display = sc.peek(1) === '$';
      sc.i += display ? 2 : 1;
      let j = sc.i;
      while (j < src.length && !(src[j] === '$' && src[j - 1] !== '\\')) j++;
      const body = src.slice(sc.i, j);
      sc.i = Math.min(src.length, j + (display ? 2 : 1));
      if (!display) out += mathToText(body, ctx, depth);
      continue;
    }
    if (c === '~') {
      out += ' ';
      sc.i++;
      continue;
    }
    if (!math && c === '`' && sc.peek(1) === '`') {
      out += '"';
      sc.i += 2;
      continue;
    }
    if (!math && c === "'" && sc.peek(1) === "'") {
      out += '"';
      sc.i += 2;
      continue;
    }
    if (!math && c === '-' && sc.peek(1) === '-') {
      const em = sc.peek(2) === '-';
      out += em ? '—' : '–';
      sc.i += em ? 3 : 2;
      continue;
    }
    out += c;
    sc.i++;
  }
  return out;
}

function verbArgument(sc: Scanner): string {
  const delim = sc.peek();
  if (!delim || /\s/.test(delim)) return '';
  const end = sc.s.indexOf(delim, sc.i + 1);
  const stop = end < 0 ? Math.min(sc.s.length, sc.i + 200) : end;
  const raw = sc.s.slice(sc.i + 1, stop);
  sc.i = end < 0 ? stop : end + 1;
  return raw;
}

function beginEnvironment(env: string, sc: Scanner, ctx: Ctx, depth: number): string {
  const name = env.trim();
  if (name === 'appendices' || name === 'appendix') ctx.appendix = true;
  if (DROP_ENVS.has(name) || name === 'abstract') {
    // Skip to the matching \end{name}, counting nested \begin{name}.
    const s = sc.s;
    const open = `\\begin{${name}}`;
    const close = `\\end{${name}}`;
    let level = 1;
    let j = sc.i;
    let endAt = -1;
    while (level > 0) {
      const nextClose = s.indexOf(close, j);
      if (nextClose < 0) break;
      const nextOpen = s.indexOf(open, j);
      if (nextOpen >= 0 && nextOpen < nextClose) {
        level++;
        j = nextOpen + open.length;
      } else {
        level--;
        j = nextClose + close.length;
        if (level === 0) endAt = nextClose;
      }
    }
    if (endAt < 0) {
      // Unterminated: an abstract runs to the first section; anything else is dropped to the end of its paragraph.
      const stop = name === 'abstract' ? s.slice(sc.i).search(/\\(section|maketitle)/) : s.slice(sc.i).search(/\n\s*\n/);
      endAt = stop < 0 ? s.length : sc.i + stop;
      j = endAt;
    }
    const body = s.slice(sc.i, endAt);
    sc.i = j;
    if (name === 'abstract') ctx.abstract ??= convert(body, ctx, depth + 1).trim();
    // Display math sits inside a sentence ("The energy is \begin{equation}...\end{equation} in units").
    if (!DISPLAY_MATH.test(name)) return '\n\n';
    // Its line end must not turn into a paragraph break with the one before it.
    const after = /^[ \t]*\n(?![ \t]*\n)/.exec(s.slice(sc.i, sc.i + 200));
    if (after) sc.i += after[0].length;
    return ' ';
  }
  if (name === 'itemize' || name === 'enumerate' || name === 'description') return '\n\n';
  return '';
}

export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').replace(/\s+([.,;:!?)])/g, '$1').replace(/\(\s+/g, '(').trim())
    .filter((p) => p && /\p{L}/u.test(p));
}
