// Facts card quality on real papers: precision and recall per field against a gold set written by
// hand from each paper's source (expected.json). Papers are read as the corpus report reads them
// (test/corpus/measure.ts). Thresholds sit a little under the figures reached when committed; a
// change that lowers one fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/pipeline/facts';
import { CORPUS_DIR, read, type Expected } from '../corpus/measure';
import { FIELDS, score, Tally, type Count, type Field, type Gold } from './goldScore';

// Reached when committed: title, authors, doi 100%/100% (arXiv: no paper states its own); links
// 82.6%/78.6% (81.3%/59.5% before Markdown footnotes and link targets were read); datasets
// 71.4%/70.6%; results 50.0%/50.0%; overall 90.5%/90.1%. A few points under.
const THRESHOLDS: Record<Field | 'overall', { precision: number; recall: number }> = {
  title: { precision: 0.95, recall: 0.95 },
  authors: { precision: 0.95, recall: 0.95 },
  doi: { precision: 0.95, recall: 0.95 },
  arxivId: { precision: 1, recall: 1 },
  links: { precision: 0.75, recall: 0.72 },
  datasets: { precision: 0.65, recall: 0.65 },
  results: { precision: 0.45, recall: 0.45 },
  overall: { precision: 0.87, recall: 0.87 },
};

describe('facts card on real papers', async () => {
  const gold = (JSON.parse(readFileSync(join(import.meta.dirname, 'expected.json'), 'utf8')) as { papers: Gold[] }).papers;
  const corpus = (JSON.parse(readFileSync(join(CORPUS_DIR, 'expected.json'), 'utf8')) as { papers: Expected[] }).papers;
  const tally = new Tally();
  for (const g of gold) {
    const entry = corpus.find((e) => e.id === g.id);
    if (!entry) throw new Error(`${g.id}: not in test/corpus/expected.json`);
    const { paper } = await read(entry);
    tally.add(g.id, score(extractFacts(paper), g));
  }
  const { totals, misses } = tally;
  const figures = Object.fromEntries(FIELDS.map((k) => [k, tally.field(k)])) as Record<Field, { precision: number; recall: number }>;
  const sum = (key: keyof Count) => FIELDS.reduce((n, k) => n + totals[k][key], 0);
  const overall = tally.overall();
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
