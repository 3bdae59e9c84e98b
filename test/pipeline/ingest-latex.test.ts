import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline';
import { parseLatex } from '../../src/pipeline/ingest/latex';

const SRC = String.raw`\documentclass{article}
\usepackage{amsmath} % a comment in the preamble
\newcommand{\R}{\mathbb{R}}
\title{A \textbf{Bold} Study of {Nested} Things}
\author{Ann Author \and Bob Writer\thanks{Equal contribution.}}
\begin{document}
\maketitle
\begin{abstract}
We study things. % hidden comment
They matter \cite{a,b}.
\end{abstract}
\section{Introduction}\label{sec:intro}
Transformers \citep[see][p.~3]{vaswani} changed NLP. We bound $x^2 + \alpha \leq \frac{1}{2}$ here.
Prices fell by 50\% overall. % not this
\begin{figure}[t]
\centering \includegraphics{x.png}
\caption{Should not appear.}
\begin{figure}nested\end{figure}
\end{figure}
\subsection{Details}
We use \emph{very \textit{nested \textbf{commands}}} here \cite{b}.
\begin{equation} E = mc^2 \end{equation}
\section*{Conclusion}
Done \cite{c}.
\begin{thebibliography}{9}
\bibitem{a} A. Author. Title. 2020.
\end{thebibliography}
\end{document}`;

describe('LaTeX ingest', () => {
  const paper = parseLatex(SRC, 'paper.tex');

  it('keeps title, authors and the abstract environment', () => {
    expect(paper.title).toBe('A Bold Study of Nested Things');
    expect(paper.authors).toBe('Ann Author, Bob Writer');
    expect(paper.abstract).toBe('We study things. They matter [1, 2].');
  });

  it('turns sections into sections and drops figures, comments, labels and display math', () => {
    expect(paper.sections.map((s) => [s.title, s.level, s.kind])).toEqual([
      ['Abstract', 1, 'abstract'],
      ['Introduction', 1, 'body'],
      ['Details', 2, 'body'],
      ['Conclusion', 1, 'body'],
      ['References', 1, 'references'],
    ]);
    const all = paper.sections.map((s) => s.text).join(' ');
    expect(all).not.toMatch(/Should not appear|nested\b(?! commands)|comment|sec:intro|mc\^2|\\/);
  });

  it('numbers citations by first use and keeps inline math readable', () => {
    const intro = paper.sections[1].text;
    expect(intro).toContain('Transformers [3] changed NLP.');
    expect(intro).toContain('x^2 + α ≤ 1/2');
    expect(intro).toContain('50% overall');
    expect(paper.sections[2].text).toBe('We use very nested commands here [2].');
    expect(paper.sections[3].text).toBe('Done [4].');
  });

  it.each([
    String.raw`\section{A} text {{{ \textbf{ unclosed $x`,
    String.raw`\begin{figure} never closed \section{B} body`,
    String.raw`}}}} \section{C} closing braces first }}} then text`,
    String.raw`\begin{abstract} no end`,
    '\\'.repeat(1000) + '{'.repeat(5000) + 'deep',
  ])('never throws or hangs on broken source %#', (src) => {
    const p = parseLatex(src, 'broken.tex');
    expect(Array.isArray(p.sections)).toBe(true);
    for (const s of p.sections) expect(s.text).not.toMatch(/[{}]/);
  });

  it('turns references into the numbers LaTeX would print, and unknown labels into neutral words, never raw labels', () => {
    const p = parseLatex(
      String.raw`\section{Method}\label{sec:method}
\begin{figure}\caption{x}\label{fig:arch}\end{figure}
\begin{table}\caption{y}\label{tab:main}\end{table}
\begin{equation}\label{eq:loss} L = 0 \end{equation}
\section{Results}
As Figure~\ref{fig:arch} and Table \ref{tab:main} show, Equation~\eqref{eq:loss} holds (\cref{sec:method}; \Cref{fig:a,fig:b}).
See \autoref{app:proofs} and \ref{mylabel} on page \pageref{mylabel}.\label{sec:results}`,
      'x.tex',
    );
    expect(p.sections[1].text).toBe(
      'As Figure 1 and Table 1 show, Equation (1) holds (Section 1; the figures). See the appendix and on page.',
    );
  });

  it('numbers \\cite keys by first use across the document, each key once', () => {
    const p = parseLatex(String.raw`\section{A} One \cite{x,y,x}. Two \citet{y} and \citep[p.~2]{z}.`, 'x.tex');
    expect(p.sections[0].text).toBe('One [1, 2]. Two [2] and [3].');
  });

  it('keeps the text after an unbalanced brace', () => {
    const p = parseLatex(String.raw`\section{Intro} Unbalanced {brace here. And more text after it.`, 'x.tex');
    expect(p.sections[0].text).toBe('Unbalanced brace here. And more text after it.');
  });

  it('is detected from content even without the .tex extension', async () => {
    const p = await ingest({ name: 'main', bytes: new TextEncoder().encode(SRC) });
    expect(p.title).toBe('A Bold Study of Nested Things');
  });
});
