// LaTeX source to Paper without a TeX engine: a single forward scan that keeps prose, section
// titles, the abstract, inline math (readably) and turns citations into [n] markers. Every loop
// advances and brace reading stops at the end of input, so broken sources cannot hang or throw.
import { buildPaper, type RawSection } from '../structure';
import type { Paper } from '../types';
import { normalizeChars } from './normalize';
import { CitationNumbers, refText } from './references';

const DROP_ENVS = new Set([
  'figure', 'figure*', 'table', 'table*', 'tabular', 'tabular*', 'tabularx', 'wrapfigure', 'wraptable', 'algorithm', 'algorithm*',
  'algorithmic', 'lstlisting', 'verbatim', 'minted', 'tikzpicture', 'picture', 'comment', 'thebibliography', 'filecontents',
  'equation', 'equation*', 'align', 'align*', 'gather', 'gather*', 'multline', 'multline*', 'eqnarray', 'eqnarray*',
  'displaymath', 'flalign', 'flalign*', 'subequations', 'IEEEkeywords', 'keywords', 'CCSXML', 'acks',
]);
// Commands whose arguments are all dropped (metadata, layout, references to labels).
const DROP_CMDS = new Set([
  'label', 'pageref', 'vspace', 'hspace', 'vspace*', 'hspace*', 'footnote',
  'footnotetext', 'thanks', 'includegraphics', 'bibliography', 'bibliographystyle', 'usepackage', 'documentclass', 'newcommand',
  'renewcommand', 'providecommand', 'def', 'setlength', 'setcounter', 'addtolength', 'input', 'include', 'affiliation', 'address',
  'email', 'institute', 'date', 'keywords', 'ccsdesc', 'acmConference', 'copyrightyear', 'acmYear', 'acmDOI', 'setcopyright',
  'newtheorem', 'DeclareMathOperator', 'hypersetup', 'definecolor', 'pagestyle', 'thispagestyle', 'graphicspath', 'linenumbers',
  'newenvironment', 'renewenvironment', 'icmltitlerunning', 'icmlaffiliation', 'icmlcorrespondingauthor', 'icmlkeywords', 'orcid',
]);
// References to labels print a number we cannot know: they become the label (see ./references).
const REF = /^(ref|eqref|nameref|vref)$/;
const REF_WITH_KIND = /^(autoref|cref|Cref|cpageref|Vref)$/;
const CITE = /^(cite|citep|citet|citealp|citealt|citeauthor|citeyear|parencite|textcite|autocite|nocite|Citep|Citet)$/;
const SECTION_LEVEL: Record<string, number> = { section: 1, subsection: 2, subsubsection: 3, chapter: 1, part: 1 };
const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', kappa: 'κ',
  lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ',
  omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', times: '×',
  cdot: '·', pm: '±', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '~', infty: '∞', sum: 'Σ',
  prod: 'Π', int: '∫', partial: '∂', nabla: '∇', in: '∈', rightarrow: '→', to: '→', leftarrow: '←', Rightarrow: '⇒', mid: '|',
  ldots: '...', cdots: '...', dots: '...', log: 'log', exp: 'exp', max: 'max', min: 'min', sqrt: '√', LaTeX: 'LaTeX', TeX: 'TeX',
  '%': '%', '&': '&', '$': '$', '#': '#', _: '_', '{': '{', '}': '}', ',': ' ', ';': ' ', ' ': ' ', '!': '', textbackslash: '\\',
};
// Text-formatting commands: keep the (last) argument's text.
const KEEP_ARG = /^(textbf|textit|emph|texttt|textsc|textrm|textsf|underline|mbox|text|mathrm|mathbf|mathit|mathcal|mathbb|mathsf|operatorname|boldsymbol|bm|hat|bar|tilde|vec|overline|small|large|textnormal|textup|uppercase|lowercase|MakeUppercase|emph|enquote|url|nolinkurl|fbox|centerline|textcolor|colorbox|hbox|ensuremath|mathtt|mathfrak|widetilde|widehat|dot|ddot|textsuperscript|textsubscript|tt|it|bf|rm|sf)$/;

const MAX_DEPTH = 64;

class Scanner {
  i = 0;
  constructor(readonly s: string) {}
  get done() {
    return this.i >= this.s.length;
  }
  peek(k = 0) {
    return this.s[this.i + k] ?? '';
  }
  skipSpaces() {
    while (!this.done && /[ \t]/.test(this.peek())) this.i++;
  }
  /** Reads a {...} group (balanced, escaped braces respected); unterminated groups end at input end. */
  group(open = '{', close = '}'): string | null {
    const save = this.i;
    while (!this.done && /[ \t\n]/.test(this.peek()) && this.peek() !== open) this.i++;
    if (this.peek() !== open) {
      this.i = save;
      return null;
    }
    let depth = 0;
    const start = this.i + 1;
    for (; this.i < this.s.length; this.i++) {
      const c = this.s[this.i];
      if (c === '\\') {
        this.i++;
        continue;
      }
      if (c === open) depth++;
      else if (c === close && --depth === 0) {
        this.i++;
        return this.s.slice(start, this.i - 1);
      }
    }
    return this.s.slice(start);
  }
  commandName(): string {
    // at '\\'
    this.i++;
    const m = /^([A-Za-z@]+\*?|.)/.exec(this.s.slice(this.i, this.i + 40));
    const name = m ? m[1] : '';
    this.i += name.length;
    return name;
  }
}

export interface LatexResult {
  title?: string;
  authors?: string;
  abstract?: string;
  sections: RawSection[];
}

interface Ctx {
  cites: CitationNumbers;
  sections: RawSection[];
  title?: string;
  authors?: string;
  abstract?: string;
}

function stripComments(src: string): string {
  return src.replace(/(^|[^\\])%.*$/gm, '$1');
}

function mathToText(m: string, ctx: Ctx, depth: number): string {
  return convert(m, ctx, depth + 1, true)
    .replace(/\\?[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function skipOptional(sc: Scanner) {
  while (sc.peek() === '[' || (sc.peek() === ' ' && sc.peek(1) === '[')) {
    sc.skipSpaces();
    sc.group('[', ']');
  }
}

function citeMarker(keys: string, ctx: Ctx): string {
  return ctx.cites.marker(keys.split(','));
}

/** Converts a LaTeX fragment to text; section commands push into ctx.sections (top level only). */
function convert(src: string, ctx: Ctx, depth: number, math = false): string {
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
          ctx.sections.push({ title: 'References', level: 1, paragraphs: [out] });
          out = '';
        }
        continue;
      }
      if (name === 'end') {
        sc.group();
        out += '\n\n';
        continue;
      }
      const bare = name.replace(/\*$/, '');
      if (SECTION_LEVEL[bare] !== undefined && depth === 0) {
        skipOptional(sc);
        const title = convert(sc.group() ?? '', ctx, depth + 1).replace(/\s+/g, ' ').trim();
        ctx.sections.push({ title, level: SECTION_LEVEL[bare], paragraphs: [out] });
        out = '';
        continue;
      }
      if (bare === 'paragraph' || bare === 'subparagraph') {
        const t = convert(sc.group() ?? '', ctx, depth + 1).trim();
        out += `\n\n${t.replace(/[.:]$/, '')}. `;
        continue;
      }
      if (name === 'title' || name === 'author') {
        skipOptional(sc);
        const v = convert(sc.group() ?? '', ctx, depth + 1)
          .replace(/\s*\n\s*/g, name === 'author' ? ', ' : ' ')
          .replace(/(,\s*)+/g, ', ')
          .replace(/^[,\s]+|[,\s]+$/g, '');
        if (name === 'title') ctx.title ??= v;
        else ctx.authors = ctx.authors ? `${ctx.authors}, ${v}` : v;
        continue;
      }
      if (name === 'and' || name === 'AND') {
        out += '\n';
        continue;
      }
      if (CITE.test(name)) {
        skipOptional(sc);
        out += citeMarker(sc.group() ?? '', ctx);
        continue;
      }
      if (REF.test(name) || REF_WITH_KIND.test(name)) {
        skipOptional(sc);
        out += refText((sc.group() ?? '').split(','), REF_WITH_KIND.test(name));
        continue;
      }
      if (name === 'href') {
        sc.group();
        out += convert(sc.group() ?? '', ctx, depth + 1, math);
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
        // Commands with two arguments (\newcommand{\x}{...}, \setlength{a}{b}, \footnotetext[..]{..}).
        const g = sc.group();
        if (g !== null && /^(newcommand|renewcommand|providecommand|setlength|setcounter|addtolength|newtheorem|DeclareMathOperator|definecolor|icmlaffiliation|newenvironment|renewenvironment)$/.test(name)) {
          skipOptional(sc);
          sc.group();
          if (/environment$/.test(name)) sc.group();
          if (name === 'definecolor') sc.group();
        }
        if (name === 'def') {
          // \def\foo{...}: name then body
          while (!sc.done && sc.peek() !== '{' && sc.peek() !== '\n') sc.i++;
          sc.group();
        }
        continue;
      }
      if (SYMBOLS[name] !== undefined) {
        out += SYMBOLS[name];
        if (/^[A-Za-z]/.test(name) && sc.peek() === ' ' && !math) out += ' ';
        continue;
      }
      if (KEEP_ARG.test(name) || name === 'textcolor' || name === 'colorbox') {
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
    if (math && (c === '^' || c === '_')) {
      out += c;
      sc.i++;
      continue;
    }
    out += c;
    sc.i++;
  }
  return out;
}

function beginEnvironment(env: string, sc: Scanner, ctx: Ctx, depth: number): string {
  const name = env.trim();
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
    return '\n\n';
  }
  if (name === 'itemize' || name === 'enumerate' || name === 'description') return '\n\n';
  return '';
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').replace(/\s+([.,;:!?)])/g, '$1').replace(/\(\s+/g, '(').trim())
    .filter((p) => p && /\p{L}/u.test(p));
}

export function parseLatexParts(src: string): LatexResult {
  let s = stripComments(normalizeChars(src));
  const ctx: Ctx = { cites: new CitationNumbers(), sections: [] };
  const docStart = s.indexOf('\\begin{document}');
  if (docStart >= 0) {
    // Title/author may live in the preamble; read them, then drop the rest of the preamble.
    const preamble = s.slice(0, docStart);
    const pre: Ctx = { cites: ctx.cites, sections: [] };
    for (const cmd of ['title', 'author'] as const) {
      const k = preamble.search(new RegExp(`\\\\${cmd}\\s*[\\[{]`));
      if (k >= 0) {
        const sc = new Scanner(preamble.slice(k));
        sc.commandName();
        skipOptional(sc);
        const g = sc.group();
        if (g !== null) convert(`\\${cmd}{${g}}`, pre, 0);
      }
    }
    ctx.title = pre.title;
    ctx.authors = pre.authors;
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
    raw.push({ title: sec.title, level: sec.level, paragraphs: paragraphs(body ?? '') });
  });
  if (ctx.abstract) raw.unshift({ title: 'Abstract', level: 1, paragraphs: paragraphs(ctx.abstract) });
  return { title: ctx.title, authors: ctx.authors, abstract: ctx.abstract, sections: raw };
}

export function parseLatex(src: string, source: string): Paper {
  const r = parseLatexParts(src);
  const warnings: string[] = [];
  if (/\\(input|include)\{/.test(src)) warnings.push('This LaTeX file includes other files (\\input/\\include); only this file was read.');
  return buildPaper({ title: r.title, authors: r.authors, sections: r.sections, source, warnings });
}
