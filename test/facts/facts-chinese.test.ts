// The facts card on real papers in Chinese translation (test/data/papers-zh-translated): the eight
// papers that are both in the gold set (expected.json) and translated, scored on the fields a
// translation leaves as they are (authors, DOI, arXiv id, code and data links, datasets, key
// numbers; not the title, which is translated), beside the same papers in English in the same run.
// The rules must find in Chinese what they find in English.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline';
import { extractFacts } from '../../src/pipeline/facts';
import { CORPUS_DIR, read, type Expected } from '../corpus/measure';
import { FIELDS, score, Tally, type Field, type Gold } from './goldScore';

const ZH = join(import.meta.dirname, '../data/papers-zh-translated');
const KEPT: readonly Field[] = FIELDS.filter((k) => k !== 'title');

describe('facts card on Chinese translations of real papers', async () => {
  const gold = (JSON.parse(readFileSync(join(import.meta.dirname, 'expected.json'), 'utf8')) as { papers: Gold[] }).papers;
  const corpus = (JSON.parse(readFileSync(join(CORPUS_DIR, 'expected.json'), 'utf8')) as { papers: Expected[] }).papers;
  const files = readdirSync(ZH);
  const en = new Tally();
  const zh = new Tally();
  const ids: string[] = [];
  for (const g of gold) {
    const file = files.find((f) => f === `${g.id}.body.md` || f === `${g.id}.tex` || f === `${g.id}.Rnw`);
    if (!file) continue;
    ids.push(g.id);
    const paper = await ingest({ name: file.replace('.body', ''), bytes: readFileSync(join(ZH, file)) });
    expect(paper.language, g.id).toBe('zh');
    zh.add(g.id, score(extractFacts(paper), g), KEPT);
    const { paper: original } = await read(corpus.find((e) => e.id === g.id)!);
    en.add(g.id, score(extractFacts(original), g), KEPT);
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const row = (name: string, f: { precision: number; recall: number }) => `${name}: precision ${pct(f.precision)} recall ${pct(f.recall)}`;
  console.log(
    [
      `facts card on ${ids.length} papers, Chinese translation vs English original (${ids.join(', ')})`,
      ...KEPT.map((k) => `${k.padEnd(8)} ${row('zh', zh.field(k))} | ${row('en', en.field(k))} | gold ${zh.totals[k].gold}`),
      `overall  ${row('zh', zh.overall(KEPT))} | ${row('en', en.overall(KEPT))}`,
      ...zh.misses.map((m) => `zh ${m}`),
    ].join('\n'),
  );

  it('scores the translated papers of the gold set', () => {
    expect(ids.length).toBeGreaterThanOrEqual(8);
    // 16 gold values when written: few, so the comparison below is with the English run, not a threshold.
    expect(KEPT.reduce((n, k) => n + zh.totals[k].gold, 0)).toBeGreaterThanOrEqual(15);
  });

  it('finds in Chinese what it finds in English, as precisely', () => {
    const [z, e] = [zh.overall(KEPT), en.overall(KEPT)];
    expect(z.recall).toBeGreaterThanOrEqual(e.recall - 0.05);
    expect(z.precision).toBeGreaterThanOrEqual(e.precision - 0.05);
  });
}, 120_000);
