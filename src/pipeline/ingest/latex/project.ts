// A LaTeX project of several files (a dropped folder, several files, an arXiv source archive) made
// into one source: the main file is the one with \documentclass and \begin{document}; \input,
// \include, \subfile and \import/\subimport are replaced by the files they name (relative to the
// including file's folder, then the main file's, with ".tex" added when missing), and
// \bibliography by the project's .bbl, which holds the typeset reference list.
import { stripComments } from './scanner';

export interface ProjectText {
  path: string;
  text: string;
}

const MAX_INCLUDE_DEPTH = 16;
const INCLUDE = /\\(input|include|subfile|import|subimport|includefrom|subincludefrom)\*?\s*(?:\{([^{}]*)\})(?:\s*\{([^{}]*)\})?|\\input\s+([^\s{}\\]+)/g;

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '');
const baseOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);

function normalizePath(p: string): string {
  const out: string[] = [];
  for (const part of p.replace(/\\/g, '/').split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** The main file: \documentclass and \begin{document}; among several, a conventional name, else the longest. */
export function findMainFile(files: ProjectText[]): ProjectText | undefined {
  const tex = files.filter((f) => /\.(tex|ltx|latex|rnw)$/i.test(f.path));
  const mains = tex.filter((f) => {
    const s = stripComments(f.text);
    // A \subfile child has its own \documentclass[main.tex]{subfiles}: it is not the main file.
    return /\\documentclass/.test(s) && /\\begin\s*\{document\}/.test(s) && !/\\documentclass\s*(\[[^\]]*\])?\s*\{subfiles\}/.test(s);
  });
  const pool = mains.length ? mains : tex;
  const named = pool.find((f) => /^(main|ms|paper|manuscript|article)\.tex$/i.test(baseOf(f.path)));
  return named ?? [...pool].sort((a, b) => dirOf(a.path).split('/').length - dirOf(b.path).split('/').length || b.text.length - a.text.length)[0];
}

/** A \subfile's body: what lies between its own \begin{document} and \end{document}. */
function subfileBody(text: string): string {
  const b = text.indexOf('\\begin{document}');
  if (b < 0) return text;
  const e = text.indexOf('\\end{document}', b);
  return text.slice(b + '\\begin{document}'.length, e < 0 ? undefined : e);
}

export function flattenProject(files: ProjectText[]): { main?: string; text: string; missing: string[] } {
  const main = findMainFile(files);
  if (!main) return { text: '', missing: [] };
  const byPath = new Map(files.map((f) => [normalizePath(f.path), f.text]));
  const mainDir = dirOf(normalizePath(main.path));
  const missing: string[] = [];
  const lookup = (name: string, fromDir: string): { path: string; text: string } | null => {
    const clean = name.trim().replace(/^"|"$/g, '');
    for (const dir of [fromDir, mainDir, '']) {
      for (const candidate of [clean, `${clean}.tex`]) {
        const p = normalizePath(dir + candidate);
        const text = byPath.get(p);
        if (text !== undefined) return { path: p, text };
      }
    }
    // Files picked or dropped loose lose their folders: "sections/intro" is then just "intro.tex".
    const base = baseOf(normalizePath(clean));
    const loose = [...byPath.keys()].filter((p) => baseOf(p) === base || baseOf(p) === `${base}.tex`);
    return loose.length === 1 ? { path: loose[0], text: byPath.get(loose[0])! } : null;
  };
  const expand = (text: string, dir: string, depth: number, seen: Set<string>): string =>
    stripComments(text).replace(INCLUDE, (whole, cmd: string | undefined, a: string | undefined, b: string | undefined, bare: string | undefined) => {
      if (depth >= MAX_INCLUDE_DEPTH) return '';
      const isImport = cmd !== undefined && /import|from$/.test(cmd);
      // \import{dir/}{file}: the file is found in that folder (relative to the main file for \import).
      const folder = isImport ? normalizePath((cmd!.startsWith('sub') ? dir : mainDir) + (a ?? '')) + '/' : dir;
      const name = isImport ? (b ?? '') : (a ?? bare ?? '');
      if (isImport && b === undefined) return whole;
      const found = lookup(name, folder);
      if (!found) {
        missing.push(name.trim());
        return '';
      }
      if (seen.has(found.path)) return '';
      const body = cmd === 'subfile' ? subfileBody(found.text) : found.text;
      const inner = expand(body, dirOf(found.path), depth + 1, new Set([...seen, found.path]));
      // \include starts a new page: keep its text apart from the paragraph before it.
      return cmd === 'include' ? `\n\n${inner}\n\n` : inner;
    });
  let text = expand(main.text, mainDir, 0, new Set([normalizePath(main.path)]));
  const bbl = files.find((f) => normalizePath(f.path) === normalizePath(main.path).replace(/\.[^.]+$/, '.bbl')) ?? files.find((f) => /\.bbl$/i.test(f.path));
  if (bbl && !/\\begin\{thebibliography\}/.test(text)) {
    const at = text.search(/\\bibliography\s*\{|\\printbibliography\b/);
    text = at >= 0 ? text.slice(0, at) + bbl.text + text.slice(at) : text.replace(/\\end\{document\}/, `${bbl.text}\n\\end{document}`);
  }
  return { main: main.path, text, missing: [...new Set(missing)] };
}
