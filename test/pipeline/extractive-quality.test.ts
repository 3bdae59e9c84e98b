// Extractive quality on real CC-BY papers (see test/data/papers/SOURCES.md): ROUGE against the
// paper's own abstract, compared with the lead baseline of the same length in words.
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
    expect(ids.length).toBeGreaterThanOrEqual(4);
  });

  it('beats the lead baseline of equal length on average (ROUGE-1/2/L vs the abstract)', async () => {
    const ours: Scores[] = [];
    const lead: Scores[] = [];
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
      console.log(`${id.padEnd(12)} ours ${fmt(o)}   lead ${fmt(b)}   (${budget} words)`);
    }
    const avg = (xs: Scores[]): Scores => ({ r1: mean(xs.map((x) => x.r1)), r2: mean(xs.map((x) => x.r2)), rl: mean(xs.map((x) => x.rl)) });
    const o = avg(ours);
    const b = avg(lead);
    console.log(`${'mean'.padEnd(12)} ours ${fmt(o)}   lead ${fmt(b)}`);
    expect(o.r1 + o.r2 + o.rl).toBeGreaterThan(b.r1 + b.r2 + b.rl);
    expect(o.r1).toBeGreaterThan(b.r1);
  });
});
