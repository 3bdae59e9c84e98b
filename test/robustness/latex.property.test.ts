// Property: LaTeX ingest (macro expansion, conditionals, labels, literate chunks, the converter)
// never throws and stays fast on any mix of the constructs it reads, however broken: a macro
// that recurses, a conditional never closed, an argument that never ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLatex } from '../../src/pipeline/ingest/latex';
import { flattenProject } from '../../src/pipeline/ingest/latex/project';

const token = fc.constantFrom(
  '\\def\\a{\\a\\a}', '\\def\\b#1{\\b{#1#1}}', '\\newcommand{\\c}[2][x]{#1#2\\c}', '\\renewcommand\\section{\\@ifstar}', '\\DeclareMathOperator{\\d}{d}',
  '\\a', '\\b{y}', '\\c[z]{w}', '\\d', '\\iffalse', '\\if0', '\\else', '\\fi', '\\appendix', '\\begin{appendix}', '\\end{appendix}',
  '\\section{S}', '\\subsection[s]{\\cite{k}}', '\\label{sec:a}', '\\ref{sec:a}', '\\cref{x,y}', '\\eqref{eq}', '\\begin{align}', '\\\\', '\\nonumber',
  '\\end{align}', '\\begin{equation}', '\\end{equation}', '$', '$$', '{', '}', '[', ']', '#1', '%', '\n', '\n\n', ' ', 'word', 'é', '\\"o', '\\c{c}',
  '\\code{a$b}', '\\verb|x', '\\Sexpr{n}', '<<chunk>>=\n', '\n@\n', '\\title{T}', '\\Abstract{A}', '\\twocolumn[', '\\icmltitle{I}', '\\input{f}',
  '\\begin{document}', '\\end{document}', '\\begin{thebibliography}{9}', '\\bibitem{k}', '\\end{thebibliography}', '~', '--', '``', "''",
);

describe('LaTeX ingest on any source', () => {
  it('never throws and finishes quickly', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        const src = tokens.join('');
        const t = performance.now();
        const p = parseLatex(src, 'fuzz.tex');
        expect(Array.isArray(p.sections)).toBe(true);
        expect(performance.now() - t).toBeLessThan(2000);
      }),
      { numRuns: 400, seed: 13 },
    );
  });

  it('flattens any project of such files without throwing or looping', () => {
    fc.assert(
      fc.property(fc.array(fc.array(token, { maxLength: 20 }), { minLength: 1, maxLength: 4 }), (files) => {
        const texts = files.map((f, i) => ({ path: i === 0 ? 'main.tex' : `f${i}.tex`, text: `\\documentclass{article}\\begin{document}\\input{f1}\\include{f2}${f.join('')}\\input{main}\\end{document}` }));
        expect(typeof flattenProject(texts).text).toBe('string');
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});
