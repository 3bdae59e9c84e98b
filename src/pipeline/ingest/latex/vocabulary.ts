// What the converter knows of LaTeX's commands and environments: which to drop with their
// arguments, which keep their text, which print a symbol, and the front-matter commands of the
// common classes (article, revtex, aastex, elsarticle, IEEEtran, acmart, ICML/NeurIPS styles,
// Springer's svjour/sn-jnl/llncs, papaja/apa6), which name the same things differently.

export const DROP_ENVS = new Set([
  'figure', 'figure*', 'table', 'table*', 'tabular', 'tabular*', 'tabularx', 'wrapfigure', 'wraptable', 'algorithm', 'algorithm*',
  'algorithmic', 'lstlisting', 'verbatim', 'minted', 'tikzpicture', 'picture', 'comment', 'thebibliography', 'filecontents', 'filecontents*',
  'equation', 'equation*', 'align', 'align*', 'gather', 'gather*', 'multline', 'multline*', 'eqnarray', 'eqnarray*',
  'displaymath', 'flalign', 'flalign*', 'alignat', 'alignat*', 'subequations', 'IEEEkeywords', 'keywords', 'keyword', 'CCSXML', 'acks',
  'highlights', 'graphicalabstract', 'icmlauthorlist', 'Schunk', 'Sinput', 'Soutput', 'Scode', 'CodeChunk', 'CodeInput', 'CodeOutput',
]);

// Commands whose arguments are all dropped (metadata, layout, references to labels).
export const DROP_CMDS = new Set([
  'label', 'pageref', 'vspace', 'hspace', 'vspace*', 'hspace*', 'footnote', 'footnotetext', 'thanks', 'includegraphics',
  'bibliography', 'bibliographystyle', 'usepackage', 'documentclass', 'setlength', 'setcounter', 'addtolength', 'input', 'include',
  'affiliation', 'address', 'email', 'institute', 'date', 'keywords', 'ccsdesc', 'acmConference', 'copyrightyear', 'acmYear',
  'acmDOI', 'setcopyright', 'newtheorem', 'hypersetup', 'definecolor', 'pagestyle', 'thispagestyle', 'graphicspath', 'linenumbers',
  'newenvironment', 'renewenvironment', 'icmltitlerunning', 'icmlaffiliation', 'icmlcorrespondingauthor', 'icmlkeywords', 'orcid',
  'icmlsetsymbol', 'shorttitle', 'titlerunning', 'authorrunning', 'shortauthors', 'runningtitle', 'runninghead', 'leftheader',
  'tnotetext', 'cortext', 'fntext', 'ead', 'corref', 'preprint', 'received', 'accepted', 'published', 'authornote', 'affil',
  'altaffiliation', 'PACS', 'pacs', 'IEEEauthorblockA', 'subjclass', 'markboth', 'journal', 'institution', 'city', 'country',
  'state', 'postcode', 'streetaddress', 'correspondingauthor', 'note', 'abstracttitle', 'authorsaddresses', 'keyword', 'affiliations',
  'newcounter', 'stepcounter', 'refstepcounter', 'addtocounter', 'color', 'addcontentsline', 'hypertarget', 'phantomsection',
  'Plaintitle', 'Shorttitle', 'Plainauthor', 'Keywords', 'Plainkeywords', 'Address', 'Volume', 'Issue', 'Month', 'Year', 'Submitdate',
  'Acceptdate', 'Pages', 'setkeys', 'DefineVerbatimEnvironment', 'RecustomVerbatimEnvironment', 'SweaveOpts', 'titleformat', 'titlespacing', 'fancyhead', 'fancyfoot', 'geometry', 'captionsetup', 'renewcaptionname', 'defcitealias',
]);

// Dropped commands with more than one argument, and how many.
export const DROP_ARG_COUNT: Record<string, number> = {
  setlength: 2, setcounter: 2, addtolength: 2, newtheorem: 2, definecolor: 3, icmlaffiliation: 2, newenvironment: 3,
  renewenvironment: 3, icmlcorrespondingauthor: 2, tnotetext: 1, ead: 1, fntext: 1, cortext: 1, addtocounter: 2, addcontentsline: 3,
  titleformat: 5, titlespacing: 4, defcitealias: 2, setkeys: 2, DefineVerbatimEnvironment: 3, RecustomVerbatimEnvironment: 3,
};

// Accents written with commands (\"o, \'{e}, \c{c}) as combining marks; the text is NFC-composed.
export const ACCENTS: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307', c: '\u0327', v: '\u030C',
  u: '\u0306', H: '\u030B', r: '\u030A', k: '\u0328', d: '\u0323', b: '\u0331',
};
// Letters written as commands.
export const LETTERS: Record<string, string> = { i: 'ı', j: 'ȷ', ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł' };

export const TITLE_CMDS = /^(title|icmltitle|Title)$/;
export const AUTHOR_CMDS = /^(author|icmlauthor|IEEEauthorblockN|Author)$/;
// Classes that take the abstract as an argument rather than an environment (svjour, sn-jnl, apa6/papaja).
export const ABSTRACT_CMDS = /^(abstract|Abstract)$/;

export const CITE = /^(cite|citep|citet|citealp|citealt|citeauthor|citeyear|parencite|textcite|autocite|nocite|Citep|Citet|citenum|footcite)$/;
export const REF = /^(ref|eqref|autoref|cref|Cref|vref|Vref|nameref|subref)$/;
export const SECTION_LEVEL: Record<string, number> = { section: 1, subsection: 2, subsubsection: 3, chapter: 1, part: 1 };

export const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', kappa: 'κ',
  lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ',
  omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', times: '×',
  cdot: '·', pm: '±', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '~', infty: '∞', sum: 'Σ',
  prod: 'Π', int: '∫', partial: '∂', nabla: '∇', in: '∈', rightarrow: '→', to: '→', leftarrow: '←', Rightarrow: '⇒', mid: '|',
  ldots: '...', cdots: '...', dots: '...', log: 'log', exp: 'exp', max: 'max', min: 'min', sqrt: '√', LaTeX: 'LaTeX', TeX: 'TeX',
  '%': '%', '&': '&', '$': '$', '#': '#', _: '_', '{': '{', '}': '}', ',': ' ', ';': ' ', ' ': ' ', '!': '', textbackslash: '\\',
};

// Text-formatting commands: keep the (last) argument's text.
export const KEEP_ARG = /^(textbf|textit|emph|texttt|textsc|textrm|textsf|underline|mbox|text|mathrm|mathbf|mathit|mathcal|mathbb|mathsf|operatorname|boldsymbol|bm|hat|bar|tilde|vec|overline|small|large|textnormal|textup|uppercase|lowercase|MakeUppercase|emph|enquote|url|nolinkurl|fbox|centerline|textcolor|colorbox|hbox|ensuremath|mathtt|mathfrak|widetilde|widehat|dot|ddot|textsuperscript|textsubscript|tt|it|bf|rm|sf)$/;

const HANDLED = new Set(['href', 'frac', 'dfrac', 'tfrac', 'item', 'begin', 'end', 'appendix', 'twocolumn', 'paragraph', 'subparagraph', 'and', 'AND', 'maketitle', 'caption', 'input', 'include', 'bibliography']);

/**
 * Commands the converter gives a meaning of its own. A paper's redefinition of one (class and
 * template code restyling \section through \@ifstar, pandoc's JOSS template wrapping \href in
 * \ifx tests) is not expanded: without TeX's conditionals the expansion would garble the text.
 */
export function isConverterCommand(name: string): boolean {
  return (
    HANDLED.has(name) || DROP_CMDS.has(name) || SYMBOLS[name] !== undefined || KEEP_ARG.test(name) || CITE.test(name) || REF.test(name) ||
    SECTION_LEVEL[name] !== undefined || TITLE_CMDS.test(name) || AUTHOR_CMDS.test(name) || ABSTRACT_CMDS.test(name) || LETTERS[name] !== undefined
  );
}
