// Citations and cross-references, the same way for every source format: citations become numbered
// markers "[1, 2]" (numbered by first use, which removeCitations and the ranker understand), and a
// reference to a figure, table, equation or section becomes its label in brackets, "Figure [arch]".
// The label stands in for the number we cannot know without typesetting; dropping it would leave
// "see Figure and", and inventing a number would be wrong.

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

/**
 * The text for a reference to `labels`. `withKind` adds the kind word the way \cref or a bare
 * pandoc-crossref "@fig:x" print it ("Figure [x]"); \ref prints only the number, so the source
 * already has "Figure~\ref{x}".
 */
export function refText(labels: string[], withKind: boolean): string {
  const parts = labels.map(split).filter((p) => p.name);
  if (!parts.length) return '';
  const names = parts.map((p) => `[${p.name}]`).join(', ');
  return withKind && parts[0].kind ? `${parts[0].kind} ${names}` : names;
}

// Pandoc citation keys: start with a letter, digit or _, may hold URL punctuation but no brackets
// or parentheses, and never end in punctuation.
const KEY = String.raw`[A-Za-z0-9_][^\s;,\][()]*[^\s;,\][().:]|[A-Za-z0-9_]`;
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
  const key = new RegExp(`-?@(${KEY})`, 'g');
  let out = line.replace(/\[([^[\]]*@[^[\]]*)\]/g, (whole, body: string) => {
    const parts = body.split(';');
    const keys = parts.map((p) => [...p.matchAll(key)].map((m) => m[1]));
    // Every part must cite something, or this is ordinary bracketed text with an "@" in it.
    if (keys.some((k) => k.length !== 1)) return whole;
    const flat = keys.flat();
    if (flat.every((k) => CROSSREF.test(k))) return refText(flat, true);
    return cites.marker(flat.filter((k) => !CROSSREF.test(k)));
  });
  const kindBefore = /\b(Figures?|Figs?\.|Tables?|Tabs?\.|Equations?|Eqs?\.|Sections?|Secs?\.|Listings?)\s+$/i;
  out = out.replace(new RegExp(`(^|[\\s(])-?@(${KEY})`, 'g'), (whole: string, pre: string, k: string, at: number, all: string) => {
    // "Figure @fig:x" already names the kind; a bare "@fig:x" gets it.
    if (CROSSREF.test(k)) return pre + refText([k], !kindBefore.test(all.slice(0, at) + pre));
    if (BARE_PREFIX.test(k)) return pre + cites.marker([k]);
    return whole;
  });
  // A marker glued to the previous word ("repositories[1]") gets a space, as in LaTeX output.
  return out.replace(/([A-Za-z0-9)])\[(\d+(?:, \d+)*)\]/g, '$1 [$2]');
}
