// Citations and cross-references, the same way for every source format: citations become numbered
// markers "[1, 2]" (numbered by first use, which removeCitations and the ranker understand), and a
// reference to a figure, table, equation or section becomes its label in brackets, "Figure [arch]".
// The label stands in for the number we cannot know without typesetting; dropping it would leave
// "see Figure and", and inventing a number would be wrong.

import { CJK_TEXT_CLASS, hasCjk } from '../cjk/script';

/** Numbers citation keys in order of first use across one document. */
export class CitationNumbers {
  private readonly numbers = new Map<string, number>();

  marker(keys: string[]): string {
    const nums = [...new Set(keys.map((k) => k.trim()).filter(Boolean))].map((k) => {
      if (!this.numbers.has(k)) this.numbers.set(k, this.numbers.size + 1);
      return this.numbers.get(k)!;
    });
    return nums.length ? `[${nums.join(', ')}]` : '';
  }
}

const KINDS: Record<string, string> = {
  fig: 'Figure',
  figure: 'Figure',
  tab: 'Table',
  tbl: 'Table',
  table: 'Table',
  eq: 'Equation',
  eqn: 'Equation',
  sec: 'Section',
  ssec: 'Section',
  subsec: 'Section',
  chap: 'Chapter',
  ch: 'Chapter',
  app: 'Appendix',
  appendix: 'Appendix',
  alg: 'Algorithm',
  lst: 'Listing',
  thm: 'Theorem',
  lem: 'Lemma',
  def: 'Definition',
  prop: 'Proposition',
  cor: 'Corollary',
};

function split(label: string): { kind?: string; name: string } {
  const m = /^([A-Za-z]+)[:\-_.](.+)$/.exec(label.trim());
  if (m && KINDS[m[1].toLowerCase()]) return { kind: KINDS[m[1].toLowerCase()], name: m[2] };
  return { name: label.trim() };
}

// The kind words a Chinese paper prints before a reference: "图 [arch]", not "Figure [arch]".
const KINDS_ZH: Record<string, string> = {
  Figure: '图',
  Table: '表',
  Equation: '式',
  Section: '节',
  Chapter: '章',
  Appendix: '附录',
  Algorithm: '算法',
  Listing: '代码',
  Theorem: '定理',
  Lemma: '引理',
  Definition: '定义',
  Proposition: '命题',
  Corollary: '推论',
};

/**
 * The text for a reference to `labels`. `withKind` adds the kind word the way \cref or a bare
 * pandoc-crossref "@fig:x" print it ("Figure [x]", "图 [x]" in Chinese text); \ref prints only
 * the number, so the source already has "Figure~\ref{x}".
 */
export function refText(labels: string[], withKind: boolean, chinese = false): string {
  const parts = labels.map(split).filter((p) => p.name);
  if (!parts.length) return '';
  const names = parts.map((p) => `[${p.name}]`).join(', ');
  const kind = parts[0].kind && (chinese ? KINDS_ZH[parts[0].kind] : parts[0].kind);
  return withKind && kind ? `${kind} ${names}` : names;
}

// Pandoc citation keys: start with a letter, digit or _, may hold URL punctuation but no brackets
// or parentheses, and never end in punctuation. A key ends where Chinese text resumes: a Chinese
// paper writes "无法安装 @doi:10.1186/x。此外，……" with no space after the key, and a key that ran
// on to the next space swallowed the sentences after it.
const NOT_KEY = String.raw`\s;,\][()` + CJK_TEXT_CLASS;
const KEY = String.raw`[A-Za-z0-9_](?:[^${NOT_KEY}]*[^${NOT_KEY}.:])?`;
const CROSSREF = /^(fig|tbl|eq|sec|lst):/;
// Manubot's citation-by-identifier prefixes: a bare "@doi:..." in running text is a citation,
// unlike an @handle or an e-mail address.
const BARE_PREFIX = /^(doi|pmid|pmcid|arxiv|isbn|url|wikidata|tag|raw|https?):/i;

/**
 * Pandoc Markdown citations and pandoc-crossref references in one line of text:
 * "[@doi:10/x; @smith2020, p. 3]" -> "[1, 2]", "text @doi:10/x" -> "text [1]",
 * "Figure @fig:workflow" -> "Figure [workflow]", "(@tbl:roles)" -> "(Table [roles])".
 */
export function pandocCitations(line: string, cites: CitationNumbers): string {
  const key = new RegExp(`-?@(${KEY})`, 'gu');
  const chinese = hasCjk(line);
  let out = line.replace(/\[([^[\]]*@[^[\]]*)\]/g, (whole, body: string) => {
    const parts = body.split(';');
    const keys = parts.map((p) => [...p.matchAll(key)].map((m) => m[1]));
    // Every part must cite something, or this is ordinary bracketed text with an "@" in it.
    if (keys.some((k) => k.length !== 1)) return whole;
    const flat = keys.flat();
    if (flat.every((k) => CROSSREF.test(k))) return refText(flat, true, chinese);
    return cites.marker(flat.filter((k) => !CROSSREF.test(k)));
  });
  const kindBefore = /(?:\b(?:Figures?|Figs?\.|Tables?|Tabs?\.|Equations?|Eqs?\.|Sections?|Secs?\.|Listings?)|图|表|公式|式|节|章|附录|算法)\s*$/i;
  // Before a key: a space or parenthesis, or in Chinese text any character or punctuation mark.
  out = out.replace(new RegExp(`(^|[\\s(（]|[\\p{Script=Han}，。；：、])-?@(${KEY})`, 'gu'), (whole: string, pre: string, k: string, at: number, all: string) => {
    // "Figure @fig:x" already names the kind; a bare "@fig:x" gets it.
    if (CROSSREF.test(k)) return pre + refText([k], !kindBefore.test(all.slice(0, at) + pre), chinese);
    if (BARE_PREFIX.test(k)) return pre + cites.marker([k]);
    return whole;
  });
  // A marker glued to the previous word ("repositories[1]") gets a space, as in LaTeX output.
  return out.replace(/([A-Za-z0-9)])\[(\d+(?:, \d+)*)\]/g, '$1 [$2]');
}
