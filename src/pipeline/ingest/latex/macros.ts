// The document's own macros: \newcommand / \renewcommand / \providecommand (with an argument count
// and an optional first argument's default), plain \def with #1..#9 parameters, and
// \DeclareMathOperator. Papers name their method, instrument or data set through such macros, so
// dropping them loses words from titles and prose; equations wrapped in macros (\beq ... \eeq)
// would leak their alignment marks into the text. Definitions are collected and removed, then the
// uses are expanded with bounded depth and output size (a recursive macro cannot hang ingest).
import { Scanner } from './scanner';
import { isConverterCommand } from './vocabulary';

export interface Macro {
  args: number;
  /** Default of the optional first argument (\newcommand{\x}[2][dflt]{...}); undefined: none. */
  optional?: string;
  body: string;
}

const DEFINERS = /^(newcommand|renewcommand|providecommand|DeclareRobustCommand|def|gdef|edef|xdef|DeclareMathOperator|DeclareMathOperator\*|newcommand\*|renewcommand\*|providecommand\*|DeclareRobustCommand\*)$/;
const MAX_EXPANSION_DEPTH = 32;
// Commands that start with \if but open no conditional.
const NOT_CONDITIONALS = new Set(['iff', 'ifthenelse']);

/** Reads `\name` or `{\name}` after a definer. */
function definedName(sc: Scanner): string | null {
  const g = sc.group();
  const raw = g ?? (sc.peek() === '\\' ? sc.argument() : null);
  const m = raw ? /^\s*\\([A-Za-z@]+|.)\s*$/.exec(raw) : null;
  return m ? m[1] : null;
}

/** Removes macro definitions from `src`, returning the text left and the macros defined. */
export function collectMacros(src: string): { text: string; macros: Map<string, Macro> } {
  const macros = new Map<string, Macro>();
  const sc = new Scanner(src);
  let out = '';
  let from = 0;
  while (!sc.done) {
    if (sc.peek() !== '\\') {
      sc.i++;
      continue;
    }
    const at = sc.i;
    const cmd = sc.commandName();
    if (!DEFINERS.test(cmd)) continue;
    const name = definedName(sc);
    if (name === null) continue;
    let macro: Macro;
    if (/^(g|e|x)?def$/.test(cmd)) {
      // \def\name#1#2{body}: the parameter text runs to the body's brace.
      const start = sc.i;
      while (!sc.done && sc.peek() !== '{' && sc.i - start < 40) sc.i++;
      const params = sc.s.slice(start, sc.i);
      const args = (params.match(/#[1-9]/g) ?? []).length;
      macro = { args, body: sc.group() ?? '' };
    } else if (cmd.startsWith('DeclareMathOperator')) {
      macro = { args: 0, body: `\\operatorname{${sc.group() ?? ''}}` };
    } else {
      let args = 0;
      let optional: string | undefined;
      const n = sc.peek() === '[' || (sc.peek() === ' ' && sc.peek(1) === '[') ? (sc.skipSpaces(), sc.group('[', ']')) : null;
      if (n !== null) args = Math.min(9, Number.parseInt(n, 10) || 0);
      sc.skipSpaces();
      if (sc.peek() === '[') optional = sc.group('[', ']') ?? '';
      macro = { args, optional, body: sc.group() ?? '' };
    }
    // \providecommand does not replace an existing definition; the others do. Redefinitions of
    // commands the converter already reads (see isConverterCommand) are dropped.
    if (!isConverterCommand(name) && !(cmd.startsWith('providecommand') && macros.has(name))) macros.set(name, macro);
    out += src.slice(from, at);
    from = sc.i;
  }
  return { text: out + src.slice(from), macros };
}

function substitute(body: string, args: string[]): string {
  return body.replace(/#([1-9])/g, (_, d: string) => args[Number(d) - 1] ?? '');
}

/** Expands uses of `macros` in `src`; output stops growing at `limit` characters. */
export function expandMacros(src: string, macros: Map<string, Macro>, limit = src.length * 4 + 10_000, depth = 0): string {
  if (!macros.size || depth > MAX_EXPANSION_DEPTH) return src;
  const sc = new Scanner(src);
  let out = '';
  let from = 0;
  while (!sc.done && out.length < limit) {
    if (sc.peek() !== '\\') {
      sc.i++;
      continue;
    }
    const at = sc.i;
    const name = sc.commandName().replace(/\*$/, '');
    const macro = macros.get(name);
    if (!macro) continue;
    // A starred use (\foo*) is not this macro unless the name itself took the star.
    if (sc.s[sc.i - 1] === '*') sc.i--;
    const args: string[] = [];
    if (macro.optional !== undefined) {
      sc.skipSpaces();
      const o = sc.peek() === '[' ? sc.group('[', ']') : null;
      args.push(o ?? macro.optional);
    }
    while (args.length < macro.args) args.push(sc.argument());
    // A macro that doubles its argument at each level (\def\c#1{\c{#1#1}}) grows
    // exponentially: measure before substituting; a use over the budget is dropped.
    const size = macro.body.length + [...macro.body.matchAll(/#([1-9])/g)].reduce((n, m) => n + (args[Number(m[1]) - 1]?.length ?? 0), 0);
    const budget = limit - out.length - (at - from);
    if (size > budget) {
      out += src.slice(from, at);
      from = sc.i;
      continue;
    }
    const expanded = expandMacros(substitute(macro.body, args), macros, budget, depth + 1);
    out += src.slice(from, at) + expanded;
    from = sc.i;
  }
  if (sc.done) out += src.slice(from);
  return out.slice(0, Math.max(limit, 0));
}

/** Drops \iffalse ... \fi (nested \if... \fi counted) and \if0 ... \fi, the usual ways to hide a draft. */
export function dropFalseConditionals(src: string): string {
  let s = src;
  for (let guard = 0; guard < 1000; guard++) {
    const m = /\\if(?:false\b|\s*0\b)/.exec(s);
    if (!m) break;
    const tokens = /\\(if[A-Za-z@]*|fi\b|else\b)/g;
    tokens.lastIndex = m.index + m[0].length;
    let level = 1;
    let end = s.length;
    let resume = s.length;
    for (let t = tokens.exec(s); t; t = tokens.exec(s)) {
      if (t[1] === 'fi') {
        if (--level === 0) {
          end = resume = t.index + t[0].length;
          break;
        }
      } else if (t[1] === 'else') {
        // \iffalse A \else B \fi keeps B.
        if (level === 1) {
          const rest = s.slice(t.index + t[0].length);
          const close = findFi(rest);
          s = s.slice(0, m.index) + rest.slice(0, close) + rest.slice(close < rest.length ? close + 3 : close);
          end = -1;
          break;
        }
      } else if (!NOT_CONDITIONALS.has(t[1])) level++;
    }
    if (end >= 0) s = s.slice(0, m.index) + s.slice(resume);
  }
  return s;
}

function findFi(s: string): number {
  const tokens = /\\(if[A-Za-z@]*|fi\b)/g;
  let level = 1;
  for (let t = tokens.exec(s); t; t = tokens.exec(s)) {
    if (t[1] === 'fi') {
      if (--level === 0) return t.index;
    }
    else if (t[1] !== 'fi' && !NOT_CONDITIONALS.has(t[1])) level++;
  }
  return s.length;
}

