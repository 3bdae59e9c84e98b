// Extractive quality on real CC-BY papers (see test/data/papers/SOURCES.md): ROUGE against the
// paper's own abstract, compared with the lead baseline of the same length in words: better on
// average, and better on a clear majority (at least two thirds) of the papers one by one.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as rouge from 'js-rouge';
import { describe, expect, it } from 'vitest';
import { ingest, summarizePaper } from '../../src/pipeline';
import { paperSentences, selectSections } from '../../src/pipeline/selection';

const DIR = join(__dirname, '../data/papers');
const ids = readdirSync(DIR)
  .filter((f) => f.endsWith('.body.md'))
  .map((f) => f.replace(/\.body\.md$/, ''));

interface Scores {
  r1: number;
  r2: number;
  rl: number;
}

function score(candidate: string, reference: string): Scores {
  const opts = { caseSensitive: false };
  return {
    r1: rouge.n(candidate, reference, { ...opts, n: 1 }),
    r2: rouge.n(candidate, reference, { ...opts, n: 2 }),
    rl: rouge.l(candidate, reference, opts),
  };
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (s: Scores) => `R1 ${s.r1.toFixed(3)}  R2 ${s.r2.toFixed(3)}  RL ${s.rl.toFixed(3)}`;

describe('extractive summaries of real papers', () => {
  it('has real papers to test with', () => {
    expect(ids.length).toBeGreaterThanOrEqual(7);
  });

  it('beats the lead baseline of equal length on average and on most papers (ROUGE-1/2/L vs the abstract)', async () => {
    const ours: Scores[] = [];
    const lead: Scores[] = [];
    const rows: string[] = [];
    for (const id of ids) {
      const body = readFileSync(join(DIR, `${id}.body.md`), 'utf8');
      const reference = readFileSync(join(DIR, `${id}.abstract.txt`), 'utf8').replace(/\s+/g, ' ').trim();
      const paper = await ingest({ name: `${id}.md`, bytes: new TextEncoder().encode(body) });
      expect(paper.abstract).toBeUndefined(); // the reference must not be part of the input
      const summary = await summarizePaper(paper, { style: 'abstract', length: 'medium' });
      // Lead-k: the first sentences of the same input, cut to the summary's word count.
      const sentences = paperSentences(paper, selectSections(paper)).map((s) => s.text);
      const budget = words(summary.text);
      const leadText: string[] = [];
      for (const s of sentences) {
        if (words(leadText.join(' ')) >= budget) break;
        leadText.push(s);
      }
      const leadCut = leadText.join(' ').split(/\s+/).slice(0, budget).join(' ');
      const o = score(summary.text, reference);
      const b = score(leadCut, reference);
      ours.push(o);
      lead.push(b);
      rows.push(`${id.padEnd(16)} ours ${fmt(o)}   lead ${fmt(b)}   ${o.r2 > b.r2 ? 'R2+' : 'R2-'} ${o.rl > b.rl ? 'RL+' : 'RL-'}  (${budget} words)`);
    }
    const avg = (xs: Scores[]): Scores => ({ r1: mean(xs.map((x) => x.r1)), r2: mean(xs.map((x) => x.r2)), rl: mean(xs.map((x) => x.rl)) });
    const o = avg(ours);
    const b = avg(lead);
    const winsR2 = ours.filter((x, k) => x.r2 > lead[k].r2).length;
    const winsRL = ours.filter((x, k) => x.rl > lead[k].rl).length;
    rows.push(`${'mean'.padEnd(16)} ours ${fmt(o)}   lead ${fmt(b)}   ours ahead on R2 ${winsR2}/${ids.length}, RL ${winsRL}/${ids.length}`);
    console.log(rows.join('\n'));
    expect(o.r1).toBeGreaterThan(b.r1);
    expect(o.r2).toBeGreaterThan(b.r2);
    expect(o.rl).toBeGreaterThan(b.rl);
    const majority = Math.ceil((ids.length * 2) / 3);
    expect(winsR2).toBeGreaterThanOrEqual(majority);
    expect(winsRL).toBeGreaterThanOrEqual(majority);
  });
});
