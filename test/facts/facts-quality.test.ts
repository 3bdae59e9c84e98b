// Facts card quality on real papers: precision and recall per field against a gold set written by
// hand from each paper's source (expected.json). Papers are read as the corpus report reads them
// (test/corpus/measure.ts). Thresholds sit a little under the figures reached when committed; a
// change that lowers one fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/pipeline/facts';
import { linkKey } from '../../src/pipeline/facts/links';
import type { PaperFacts } from '../../src/pipeline/facts';
import { CORPUS_DIR, read, type Expected } from '../corpus/measure';

interface Gold {
  id: string;
  title: string;
  authors: string[];
  doi: string | null;
  arxivId: string | null;
  links: string[];
  datasets: string[];
  results: string[];
}

const FIELDS = ['title', 'authors', 'doi', 'arxivId', 'links', 'datasets', 'results'] as const;
type Field = (typeof FIELDS)[number];

// Reached when committed: title, authors, doi 100%/100% (arXiv: no paper states its own); links
// 81.3%/59.5%; datasets 71.4%/70.6%; results 50.0%/50.0%; overall 91.0%/85.1%. A few points under.
const THRESHOLDS: Record<Field | 'overall', { precision: number; recall: number }> = {
  title: { precision: 0.95, recall: 0.95 },
  authors: { precision: 0.95, recall: 0.95 },
  doi: { precision: 0.95, recall: 0.95 },
  arxivId: { precision: 1, recall: 1 },
  links: { precision: 0.75, recall: 0.55 },
  datasets: { precision: 0.65, recall: 0.65 },
  results: { precision: 0.45, recall: 0.45 },
  overall: { precision: 0.88, recall: 0.82 },
};

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

interface Count {
  tp: number;
  predicted: number;
  gold: number;
  found: number;
}

/** Predicted values, gold values and how they match, per field. */
function score(f: PaperFacts, g: Gold): Record<Field, Count> {
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

const ratio = (a: number, b: number) => (b ? a / b : 1);

describe('facts card on real papers', async () => {
  const gold = (JSON.parse(readFileSync(join(import.meta.dirname, 'expected.json'), 'utf8')) as { papers: Gold[] }).papers;
  const corpus = (JSON.parse(readFileSync(join(CORPUS_DIR, 'expected.json'), 'utf8')) as { papers: Expected[] }).papers;
  const totals = Object.fromEntries(FIELDS.map((k) => [k, { tp: 0, predicted: 0, gold: 0, found: 0 }])) as Record<Field, Count>;
  const misses: string[] = [];
  for (const g of gold) {
    const entry = corpus.find((e) => e.id === g.id);
    if (!entry) throw new Error(`${g.id}: not in test/corpus/expected.json`);
    const { paper } = await read(entry);
    const s = score(extractFacts(paper), g);
    for (const k of FIELDS) {
      for (const key of ['tp', 'predicted', 'gold', 'found'] as const) totals[k][key] += s[k][key];
      if (s[k].tp < s[k].predicted || s[k].found < s[k].gold) misses.push(`${g.id}.${k}: ${s[k].tp}/${s[k].predicted} right, ${s[k].found}/${s[k].gold} found`);
    }
  }
  const figures = Object.fromEntries(FIELDS.map((k) => [k, { precision: ratio(totals[k].tp, totals[k].predicted), recall: ratio(totals[k].found, totals[k].gold) }])) as Record<Field, { precision: number; recall: number }>;
  const sum = (key: keyof Count) => FIELDS.reduce((n, k) => n + totals[k][key], 0);
  const overall = { precision: ratio(sum('tp'), sum('predicted')), recall: ratio(sum('found'), sum('gold')) };
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(
    [
      `facts card, ${gold.length} papers`,
      '| field | precision | recall | predicted | gold |',
      '| --- | --- | --- | --- | --- |',
      ...FIELDS.map((k) => `| ${k} | ${pct(figures[k].precision)} | ${pct(figures[k].recall)} | ${totals[k].predicted} | ${totals[k].gold} |`),
      `| overall | ${pct(overall.precision)} | ${pct(overall.recall)} | ${sum('predicted')} | ${sum('gold')} |`,
      '',
      ...misses,
    ].join('\n'),
  );

  it('scores a gold set of at least 10 corpus papers and the test/data papers', () => {
    expect(gold.length).toBeGreaterThanOrEqual(17);
  });

  it.each([...FIELDS, 'overall' as const])('%s stays at or above its thresholds', (k) => {
    const f = k === 'overall' ? overall : figures[k];
    expect(f.precision).toBeGreaterThanOrEqual(THRESHOLDS[k].precision);
    expect(f.recall).toBeGreaterThanOrEqual(THRESHOLDS[k].recall);
  });
}, 120_000);
