import { describe, expect, it } from 'vitest';
import { ingest, summarizePaper } from '../../src/pipeline';
import type { SummaryEvent, SummaryStyle } from '../../src/pipeline/types';
import { syntheticPaper } from './support/synthetic';

const STYLES: SummaryStyle[] = ['tldr', 'key_points', 'sections', 'lay', 'abstract'];

describe('extractive summarizer', () => {
  it.each(STYLES)('%s streams sentences whose concatenation is the result', async (style) => {
    const paper = await ingest({ text: syntheticPaper(3000) });
    const events: SummaryEvent[] = [];
    const out = await summarizePaper(paper, { style, length: 'medium' }, { onEvent: (e) => events.push(e) });
    const deltas = events.filter((e) => e.type === 'delta');
    expect(out.kind).toBe('extractive');
    expect(out.partial).toBe(false);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((d) => (d.type === 'delta' ? d.text : '')).join('').trim()).toBe(out.text);
    // Every quoted sentence comes from the paper body, never from the references.
    expect(out.text).not.toMatch(/Journal of Imaginary Results/);
  });

  it('lengths grow short < medium < long', async () => {
    const paper = await ingest({ text: syntheticPaper(5000) });
    for (const style of STYLES) {
      const [s, m, l] = await Promise.all(
        (['short', 'medium', 'long'] as const).map((length) => summarizePaper(paper, { style, length })),
      );
      expect(s.text.length, style).toBeLessThan(m.text.length);
      expect(m.text.length, style).toBeLessThan(l.text.length);
    }
  });

  it('key points are bullets and sections carry headings', async () => {
    const paper = await ingest({ text: syntheticPaper(3000) });
    const kp = await summarizePaper(paper, { style: 'key_points', length: 'medium' });
    expect(kp.text.split('\n').every((l) => l.startsWith('- '))).toBe(true);
    const sec = await summarizePaper(paper, { style: 'sections', length: 'short' });
    expect(sec.text).toMatch(/^## Abstract$/m);
    expect(sec.text).toMatch(/^## Introduction$/m);
    expect(sec.text).not.toMatch(/^## References$/m);
  });

  it('lay prefers sentences without citations and numbers', async () => {
    const paper = await ingest({ text: syntheticPaper(3000) });
    const lay = await summarizePaper(paper, { style: 'lay', length: 'medium' });
    expect(lay.text).not.toMatch(/\[\d+\]/);
    const digits = (lay.text.match(/\d/g) ?? []).length;
    const abs = await summarizePaper(paper, { style: 'abstract', length: 'medium' });
    expect(digits).toBeLessThanOrEqual((abs.text.match(/\d/g) ?? []).length);
  });

  it('respects requested sections', async () => {
    const paper = await ingest({ text: syntheticPaper(3000) });
    const results = paper.sections.findIndex((s) => s.title === 'Results');
    const out = await summarizePaper(paper, { style: 'key_points', length: 'short', sectionIndexes: [results] });
    const resultsText = paper.sections[results].text;
    for (const line of out.text.split('\n')) expect(resultsText).toContain(line.slice(2));
  });

  it('cancelling returns the sentences so far, marked partial', async () => {
    const paper = await ingest({ text: syntheticPaper(3000) });
    const ac = new AbortController();
    let deltas = 0;
    const out = await summarizePaper(paper, { style: 'key_points', length: 'long' }, {
      signal: ac.signal,
      onEvent: (e) => {
        if (e.type === 'delta' && ++deltas === 2) ac.abort();
      },
    });
    expect(out.partial).toBe(true);
    expect(out.text.split('\n')).toHaveLength(2);
  });
});
