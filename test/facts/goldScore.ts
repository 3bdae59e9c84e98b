// Scoring the facts card against the hand-written gold set (expected.json): per field, predicted
// values that match a gold value and gold values found, with each field's own notion of a match.
import { linkKey } from '../../src/pipeline/facts/links';
import type { PaperFacts } from '../../src/pipeline/facts';

export interface Gold {
  id: string;
  title: string;
  authors: string[];
  doi: string | null;
  arxivId: string | null;
  links: string[];
  datasets: string[];
  results: string[];
}

export const FIELDS = ['title', 'authors', 'doi', 'arxivId', 'links', 'datasets', 'results'] as const;
export type Field = (typeof FIELDS)[number];

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const num = (s: string) => s.replace(/,/g, '');
const linkMatch = (a: string, b: string) => {
  const [x, y] = [linkKey(a), linkKey(b)];
  return x.startsWith(y) || y.startsWith(x);
};
const datasetMatch = (pred: string, gold: string) =>
  gold.split('|').some((alias) => {
    const [p, g] = [fold(pred), fold(alias)];
    return p.length >= 3 && (p.includes(g) || g.includes(p));
  });

export interface Count {
  tp: number;
  predicted: number;
  gold: number;
  found: number;
}

/** Predicted values, gold values and how they match, per field. */
export function score(f: PaperFacts, g: Gold): Record<Field, Count> {
  const lists: Record<Field, [string[], string[], (p: string, g: string) => boolean]> = {
    title: [f.title ? [f.title.value] : [], [g.title], (a, b) => fold(a) === fold(b)],
    authors: [f.authors.map((a) => a.value), g.authors, (a, b) => fold(a) === fold(b)],
    doi: [f.doi ? [f.doi.value] : [], g.doi ? [g.doi] : [], (a, b) => a.toLowerCase() === b.toLowerCase()],
    arxivId: [f.arxivId ? [f.arxivId.value] : [], g.arxivId ? [g.arxivId] : [], (a, b) => a.replace(/v\d+$/, '') === b.replace(/v\d+$/, '')],
    // The card's code and data links are what the gold lists; project and other links are not scored.
    links: [f.links.filter((l) => l.kind === 'code' || l.kind === 'data').map((l) => l.value), g.links, linkMatch],
    datasets: [f.datasets.map((d) => d.value), g.datasets, datasetMatch],
    // Gold lists only key numbers, so results are scored on papers that have some, and precision
    // is a lower bound (a true but minor number counts as a false positive).
    results: [g.results.length ? f.results.map((r) => r.value) : [], g.results, (a, b) => num(a) === num(b)],
  };
  const out = {} as Record<Field, Count>;
  for (const k of FIELDS) {
    const [pred, gold, eq] = lists[k];
    out[k] = { tp: pred.filter((p) => gold.some((x) => eq(p, x))).length, predicted: pred.length, gold: gold.length, found: gold.filter((x) => pred.some((p) => eq(p, x))).length };
  }
  return out;
}

export const ratio = (a: number, b: number) => (b ? a / b : 1);

export interface Figures {
  precision: number;
  recall: number;
}

/** Counts over papers, per field and overall, and the papers where a field missed or erred. */
export class Tally {
  readonly totals = Object.fromEntries(FIELDS.map((k) => [k, { tp: 0, predicted: 0, gold: 0, found: 0 }])) as Record<Field, Count>;
  readonly misses: string[] = [];

  add(id: string, s: Record<Field, Count>, fields: readonly Field[] = FIELDS): void {
    for (const k of fields) {
      for (const key of ['tp', 'predicted', 'gold', 'found'] as const) this.totals[k][key] += s[k][key];
      if (s[k].tp < s[k].predicted || s[k].found < s[k].gold) this.misses.push(`${id}.${k}: ${s[k].tp}/${s[k].predicted} right, ${s[k].found}/${s[k].gold} found`);
    }
  }

  field(k: Field): Figures {
    return { precision: ratio(this.totals[k].tp, this.totals[k].predicted), recall: ratio(this.totals[k].found, this.totals[k].gold) };
  }

  overall(fields: readonly Field[] = FIELDS): Figures {
    const sum = (key: keyof Count) => fields.reduce((n, k) => n + this.totals[k][key], 0);
    return { precision: ratio(sum('tp'), sum('predicted')), recall: ratio(sum('found'), sum('gold')) };
  }
}
