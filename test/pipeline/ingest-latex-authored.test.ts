// LaTeX as authors really write it: their own macros, their class's front-matter commands,
// appendices, hidden drafts and cross-references. Each case is a defect found on real sources.
import { describe, expect, it } from 'vitest';
import { parseLatex } from '../../src/pipeline/ingest/latex';
import { selectSections } from '../../src/pipeline/selection';

const all = (p: ReturnType<typeof parseLatex>) => p.sections.map((s) => s.text).join('\n');

describe('LaTeX: the document’s own macros', () => {
  it('expands \\newcommand without and with arguments, defaults, \\def and \\DeclareMathOperator', () => {
    const p = parseLatex(
      String.raw`\documentclass{article}
\newcommand{\method}{\textsc{LensNet}}
\newcommand*\inst{HIRES}
\newcommand{\term}[2][very]{#1 #2}
\renewcommand{\vec}[1]{\mathbf{#1}}
\def\dataset#1{the #1 corpus}
\DeclareMathOperator*{\argmax}{arg\,max}
\title{\method: Reading Spectra from \inst{}}
\begin{document}
\maketitle
\section{Intro}
We train \method{} on \dataset{ArXiv} with a \term{large} and a \term[small]{fast} model, picking $\argmax_x f(\vec{x})$.
\end{document}`,
      'macros.tex',
    );
    expect(p.title).toBe('LensNet: Reading Spectra from HIRES');
    expect(p.sections[0].text).toBe('We train LensNet on the ArXiv corpus with a very large and a small fast model, picking arg max_x f(x).');
  });

  it('drops equations written through macros (\\beq ... \\eeq) instead of leaking their alignment marks', () => {
    const p = parseLatex(
      String.raw`\def\beq{\begin{eqnarray}}
\def\eeq{\end{eqnarray}}
\begin{document}
\section{Model}
The energy is
\beq E &=& mc^2 \\ p &=& mv \eeq
in natural units.
\end{document}`,
      'eq.tex',
    );
    expect(p.sections[0].text).not.toContain('&');
    expect(p.sections[0].text).toMatch(/The energy is in natural units\./);
  });

  it('survives a macro that doubles its argument at every level, keeping the text after it', () => {
    const p = parseLatex(String.raw`\def\c#1{\c{#1#1}}\begin{document}\section{S} Before \c{x} after.\section{T} Still here.\end{document}`, 'bomb.tex');
    expect(p.sections.map((s) => s.title)).toEqual(['S', 'T']);
    expect(p.sections[0].text).toMatch(/^Before .*after\.$/);
    expect(p.sections[1].text).toBe('Still here.');
  });

  it('cannot be hung by a macro that expands to itself', () => {
    const p = parseLatex(String.raw`\newcommand{\loop}{a \loop}\begin{document}\section{S} Text \loop end.\end{document}`, 'loop.tex');
    expect(p.sections.length).toBeGreaterThan(0);
    expect(all(p).length).toBeLessThan(20_000);
  });
});

describe('LaTeX: class title and abstract commands', () => {
  it.each([
    [
      'ICML (\\icmltitle in \\twocolumn[...])',
      String.raw`\documentclass{article}\usepackage{icml2024}
\begin{document}
\twocolumn[
\icmltitle{Sparse Attention for Long Papers}
\begin{icmlauthorlist}\icmlauthor{Ada Lovelace}{uni}\icmlauthor{Alan Turing}{uni}\end{icmlauthorlist}
\icmlaffiliation{uni}{University of Nowhere}
\vskip 0.3in]
\begin{abstract}We read long papers sparsely.\end{abstract}
\section{Introduction} Body text here.
\end{document}`,
      'Sparse Attention for Long Papers',
      'We read long papers sparsely.',
    ],
    [
      'Springer svjour / sn-jnl (\\abstract{...} command)',
      String.raw`\documentclass{svjour3}
\begin{document}
\title{Soil Carbon under Drought\thanks{Funded by X.}}
\titlerunning{Soil carbon}
\author{M. Curie}
\institute{Lab of Soils}
\maketitle
\abstract{Drought lowers soil carbon. We measured it at ten sites.}
\section{Introduction} Body text here.
\end{document}`,
      'Soil Carbon under Drought',
      'Drought lowers soil carbon. We measured it at ten sites.',
    ],
    [
      'papaja / apa6 (\\abstract in the preamble, \\shorttitle dropped)',
      String.raw`\documentclass[man]{apa6}
\title{Attention and Memory in Reading}
\shorttitle{Attention and memory}
\author{Jane Doe}
\affiliation{Some University}
\abstract{
Readers remember more when they attend. Two studies show it.
}
\keywords{attention, memory}
\begin{document}
\maketitle
Readers differ. 
\section{Methods} Body text here.
\end{document}`,
      'Attention and Memory in Reading',
      'Readers remember more when they attend. Two studies show it.',
    ],
    [
      'elsarticle (frontmatter, keyword environment)',
      String.raw`\documentclass{elsarticle}
\begin{document}
\begin{frontmatter}
\title{Corrosion of Steel in Seawater}
\author[a]{P. Smith}\ead{p@x.org}
\address[a]{Dept. of Materials}
\begin{abstract}Steel corrodes fast in warm seawater.\end{abstract}
\begin{keyword}steel \sep corrosion\end{keyword}
\end{frontmatter}
\section{Introduction} Body text here.
\end{document}`,
      'Corrosion of Steel in Seawater',
      'Steel corrodes fast in warm seawater.',
    ],
    [
      'IEEEtran (\\IEEEauthorblockN / A)',
      String.raw`\documentclass[conference]{IEEEtran}
\begin{document}
\title{Low-Power Radio Links}
\author{\IEEEauthorblockN{Grace Hopper}\IEEEauthorblockA{Navy Lab\\ Washington}}
\maketitle
\begin{abstract}We cut radio power by half.\end{abstract}
\begin{IEEEkeywords}radio, power\end{IEEEkeywords}
\section{Introduction} Body text here.
\end{document}`,
      'Low-Power Radio Links',
      'We cut radio power by half.',
    ],
    [
      'revtex (\\affiliation, \\email, \\pacs)',
      String.raw`\documentclass[aps,prl,twocolumn]{revtex4-2}
\begin{document}
\title{Quantum Dots at Room Temperature}
\author{L. Meitner}
\email{lm@inst.org}
\affiliation{Institute of Physics, Berlin}
\date{\today}
\begin{abstract}Dots glow at room temperature.\end{abstract}
\pacs{73.21.La}
\maketitle
\section{Introduction} Body text here.
\end{document}`,
      'Quantum Dots at Room Temperature',
      'Dots glow at room temperature.',
    ],
    [
      'acmart (abstract before \\maketitle, CCS concepts, \\keywords)',
      String.raw`\documentclass[sigconf]{acmart}
\begin{document}
\title{Fast Joins on Small Machines}
\author{E. Codd}
\affiliation{\institution{IBM Research}\city{San Jose}\country{USA}}
\begin{abstract}Joins can be fast on small machines.\end{abstract}
\begin{CCSXML}<ccs2012>x</ccs2012>\end{CCSXML}
\ccsdesc[500]{Information systems~Join algorithms}
\keywords{joins, databases}
\maketitle
\section{Introduction} Body text here.
\end{document}`,
      'Fast Joins on Small Machines',
      'Joins can be fast on small machines.',
    ],
  ])('%s', (_name, src, title, abstract) => {
    const p = parseLatex(src, 'paper.tex');
    expect(p.title).toBe(title);
    expect(p.abstract).toBe(abstract);
    expect(p.sections[0].kind).toBe('abstract');
    expect(all(p)).not.toMatch(/University of Nowhere|Lab of Soils|Navy Lab|Dept\. of Materials|Attention and memory\b|Soil carbon\b|p@x|Berlin|73\.21|IBM Research|Join algorithms|databases/);
  });

  it('reads the ICML and IEEE author names', () => {
    const icml = parseLatex(String.raw`\begin{document}\twocolumn[\icmltitle{T}\icmlauthor{Ada Lovelace}{uni}\icmlauthor{Alan Turing}{uni}]\section{S} x y z.\end{document}`, 'a.tex');
    expect(icml.authors).toBe('Ada Lovelace, Alan Turing');
  });
});

describe('LaTeX: appendices and hidden drafts', () => {
  const SRC = String.raw`\begin{document}
\section{Introduction} Real text.
\iffalse
\section{Old draft} This section was cut and must not be summarized.
\fi
\begin{comment}Reviewer notes that are not part of the paper.\end{comment}
\if0 Another hidden note. \fi
\iffalse hidden \else shown when compiled. \fi
\section{Conclusion} Done.
\appendix
\section{Proofs} Proof of the theorem.
\subsection{Lemma details} More proof.
\end{document}`;
  const p = parseLatex(SRC, 'a.tex');

  it('drops \\iffalse ... \\fi, \\if0 and comment blocks, keeping an \\else branch', () => {
    expect(p.sections.map((s) => s.title)).toEqual(['Introduction', 'Conclusion', 'Proofs', 'Lemma details']);
    expect(all(p)).not.toMatch(/cut and must|Reviewer notes|hidden/);
    expect(p.sections[0].text).toContain('shown when compiled.');
  });

  it('marks sections after \\appendix as appendix and leaves them out of the default selection', () => {
    expect(p.sections.map((s) => s.kind)).toEqual(['body', 'body', 'appendix', 'appendix']);
    expect(selectSections(p)).toEqual([0, 1]);
  });

  it('numbers appendix sections with letters for \\ref', () => {
    const q = parseLatex(String.raw`\begin{document}\section{A} See \cref{app:proofs} and Section~\ref{sec:b}.\section{B}\label{sec:b} x.\appendix\section{Proofs}\label{app:proofs} y.\end{document}`, 'r.tex');
    expect(q.sections[0].text).toBe('See Appendix A and Section 2.');
  });

  it('numbers align rows, skipping \\nonumber rows', () => {
    const q = parseLatex(
      String.raw`\begin{document}\section{A}\begin{equation}a\label{eq:a}\end{equation}\begin{align} x &= 1 \nonumber\\ y &= 2 \label{eq:y}\\ z &= 3\label{eq:z}\end{align} By \eqref{eq:y} and \eqref{eq:z}.\end{document}`,
      'r.tex',
    );
    expect(q.sections[0].text).toBe('By (2) and (3).');
  });
});

describe('LaTeX: redefined structure commands', () => {
  it('keeps headings when the paper restyles \\section with \\renewcommand (as aastex papers do)', () => {
    const p = parseLatex(
      String.raw`\documentclass{aastex6}
\makeatletter
\renewcommand\section{\@ifstar{\starsection}{\nostarsection}}
\newcommand\nostarsection[1]{\sectionprelude\origsection{#1}}
\makeatother
\begin{document}
\section{Introduction} Text one.
\section{Method} Text two.
\end{document}`,
      'ms.tex',
    );
    expect(p.sections.map((s) => s.title)).toEqual(['Introduction', 'Method']);
  });
});

describe('LaTeX: defects found on the real-paper corpus', () => {
  it('reads accent commands as accented letters (f\\"ur, K\\"onigstuhl, Baz\\\'an, na\\"{\\i}ve)', () => {
    const p = parseLatex(String.raw`\begin{document}\section{A} Max-Planck-Institut f\"ur Astronomie, K\"onigstuhl; Juanjo Baz\'an; a na\"{\i}ve fa\c{c}ade by \v{S}imon and Erd\H{o}s.\end{document}`, 'a.tex');
    expect(p.sections[0].text).toBe('Max-Planck-Institut für Astronomie, Königstuhl; Juanjo Bazán; a naïve façade by Šimon and Erdős.');
  });

  it('does not expand a template’s redefinition of a command the converter reads (pandoc JOSS \\href through \\ifx)', () => {
    const p = parseLatex(
      String.raw`\makeatletter
\let\href@Orig=\href
\def\href@Urllike#1#2{\href@Orig{#1}{\begingroup#2\endgroup}}
\def\href#1#2{\@ifnextchar\relax{\href@Urllike{#1}{#2}}{\href@Orig{#1}{#2}}}
\makeatother
\begin{document}\section{Summary} A progress bar using \href{https://tqdm.github.io}{\texttt{tqdm}} and more.\end{document}`,
      'paper.tex',
    );
    // The link's words, then where it points (ingest keeps web addresses for the facts card).
    expect(p.sections[0].text).toBe('A progress bar using tqdm (https://tqdm.github.io) and more.');
  });

  it('keeps an \\href target after its words, and no target for an anchor or an address it already shows', () => {
    const p = parseLatex(
      String.raw`\begin{document}\section{A} Code is \href{https://github.com/x/y}{on GitHub}; see \href{https://x.org/a\#b}{https://x.org/a\#b} and \href{\#sec}{below}.\end{document}`,
      'a.tex',
    );
    expect(p.sections[0].text).toBe('Code is on GitHub (https://github.com/x/y); see https://x.org/a#b and below.');
  });

  it('drops counters, colours and table-of-contents lines instead of printing their arguments', () => {
    const p = parseLatex(
      String.raw`\newcounter{affilcounter}\begin{document}\section{A}\addcontentsline{toc}{section}{References} One {\color{linky}two} three.\stepcounter{affilcounter}\end{document}`,
      'a.tex',
    );
    expect(p.sections[0].text).toBe('One two three.');
  });
});

describe('LaTeX: literate sources (Sweave/knitr .Rnw, JSS class)', () => {
  const RNW = String.raw`\documentclass[nojss]{jss}
\title{Counting Things in \proglang{R}}
\Plaintitle{Counting Things in R}
\Abstract{We count things. The \pkg{countit} package helps.}
\Keywords{counting, \proglang{R}}
\begin{document}
\section{Introduction}
Load it:
<<load, echo=TRUE>>=
library("countit")
x <- c(1, 2, 3)
@
It provides $n = \Sexpr{length(x)}$ observations of $\Sexpr{ncol(d)}$ covariates, via \code{x$count} and \verb|a$b|.
\subsection[Smith (2020) and Jones (2021)]{\cite{smith} and \cite{jones}}
They counted too.
\begin{appendix}
\section{Details} More.
\end{appendix}
\end{document}`;
  const p = parseLatex(RNW, 'countit.Rnw');

  it('reads the JSS \\Abstract from the preamble and drops \\Plaintitle and \\Keywords', () => {
    expect(p.title).toBe('Counting Things in R');
    expect(p.abstract).toBe('We count things. The countit package helps.');
  });

  it('drops code chunks, and \\Sexpr inside math does not open display math ($$)', () => {
    const intro = p.sections[1].text;
    expect(intro).not.toMatch(/library|<-/);
    expect(intro).toContain('observations of … covariates, via x$count and a$b.');
  });

  it('uses the short title of a heading made of citations, and reads the appendix environment', () => {
    expect(p.sections.map((s) => [s.title, s.kind])).toEqual([
      ['Abstract', 'abstract'],
      ['Introduction', 'body'],
      ['Smith (2020) and Jones (2021)', 'body'],
      ['Details', 'appendix'],
    ]);
  });
});
