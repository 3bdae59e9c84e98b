import { describe, expect, it } from 'vitest';
import { ingest, summarizePaper } from '../../src/pipeline';
import { citationFactor, isHeadingFragment, rankSentences } from '../../src/pipeline/extractive/rank';
import { paperSentences, selectSections } from '../../src/pipeline/selection';
import { splitSentences } from '../../src/pipeline/sentences';
import type { Paper, Section, SummaryEvent, SummaryStyle } from '../../src/pipeline/types';
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
    // The abstract is the reader's already (the paper view shows it): the sections are the body's.
    expect(paper.sections.some((s) => s.kind === 'abstract')).toBe(true);
    expect(sec.text).not.toMatch(/^## Abstract$/m);
    expect(sec.text).toMatch(/^## Introduction$/m);
    expect(sec.text).not.toMatch(/^## References$/m);
  });

  it('styles other than TL;DR quote the body, not the abstract the reader already has', async () => {
    const paper = await ingest({ text: syntheticPaper(3000) });
    const abstract = paper.sections.find((s) => s.kind === 'abstract')!.text.replace(/\s+/g, ' ');
    for (const style of ['key_points', 'abstract', 'lay', 'sections'] as const) {
      const out = await summarizePaper(paper, { style, length: 'medium' });
      const quoted = out.text.split('\n').flatMap((l) => splitSentences(l.replace(/^- |^#+ .*/, '')));
      expect(quoted.length, style).toBeGreaterThan(0);
      for (const q of quoted) expect(abstract.includes(q), `${style}: ${q}`).toBe(false);
    }
    // Asked for the abstract's section alone, a summary still has something to quote.
    const only = paper.sections.findIndex((s) => s.kind === 'abstract');
    expect((await summarizePaper(paper, { style: 'key_points', length: 'short', sectionIndexes: [only] })).text).not.toBe('');
  });

  it('key points spread over the main sections', async () => {
    const paper = await ingest({ text: syntheticPaper(5000) });
    const out = await summarizePaper(paper, { style: 'key_points', length: 'long' });
    const from = new Set(
      out.text.split('\n').map((l) => paper.sections.findIndex((s) => s.kind === 'body' && s.text.replace(/\s+/g, ' ').includes(l.slice(2).trim()))),
    );
    expect(from.size).toBeGreaterThanOrEqual(5);
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

  it('never quotes figure or table captions, or heading fragments left in the text', async () => {
    const paper = handPaper([
      ['Results', [
        'Figure 2: Summarization accuracy of the sparse transformer on long papers.',
        'The sparse transformer improves summarization accuracy on long papers by four points.',
        'Table 1. Summarization accuracy of the sparse transformer and the dense baseline.',
        'Sparse Transformer Accuracy on Long Papers',
        'Accuracy on long papers rises with the sparse transformer because it reads the whole paper.',
        'The dense baseline truncates long papers and loses accuracy on their later sections.',
      ]],
    ]);
    // Asking for more points than there are real sentences: only real sentences may fill them.
    const out = await summarizePaper(paper, { style: 'key_points', length: 'long' });
    expect(out.text.split('\n')).toHaveLength(3);
    expect(out.text).not.toMatch(/Figure 2|Table 1|Sparse Transformer Accuracy/);
  });

  it.each([
    ['3.2 Experimental Setup', true],
    ['Related Work and Background', true],
    ['Results on the Test Set', true],
    ['We report results on the test set.', false],
    ['the model was trained for three days', false],
    ['Our Approach Works Well In Practice And Scales To Long Papers With Many Sections Too', false],
  ])('isHeadingFragment(%j) is %s', (text, expected) => {
    expect(isHeadingFragment(text)).toBe(expected);
  });

  it('citation-heavy sentences rank lower, contribution statements higher', () => {
    expect(citationFactor('Workflows make analyses reproducible.')).toBe(1);
    expect(citationFactor('Workflows help [@doi:10.1/a; @doi:10.1/b].')).toBeLessThan(citationFactor('Workflows help [3].'));
    expect(citationFactor('Workflows help (Smith et al., 2020).')).toBeLessThan(1);
    // The same sentence, once stated as the authors' finding and once not: the finding ranks higher.
    const scoreOf = (opening: string) => {
      const paper = handPaper([
        ['Results', [
          'Long document summarizers need a lot of memory on small devices.',
          'Dense attention grows with the square of the input length.',
          `${opening} that sparse attention halves the memory of long document summarizers.`,
          'Sparse attention keeps the memory of summarizers low on long inputs.',
        ]],
      ]);
      const r = rankSentences(paper, paperSentences(paper, selectSections(paper)));
      return r.scores[2];
    };
    expect(scoreOf('Here we show')).toBeGreaterThan(scoreOf('Here they show')); // same terms, no cue
  });

  it('sections style quotes a sentence once even when a later section repeats it', async () => {
    const repeated = 'Sparse attention halves the memory use of long-document summarizers without hurting accuracy.';
    const paper = handPaper([
      ['Introduction', [repeated, 'Long papers exceed the input size of most summarization models.', 'Memory use grows with the square of the input length.']],
      ['Conclusion', ['We conclude that long papers can be summarized on small devices.', repeated, 'Sparse attention keeps memory use of summarizers low on long inputs.']],
    ]);
    const out = await summarizePaper(paper, { style: 'sections', length: 'short' });
    expect(out.text.split(repeated)).toHaveLength(2);
    expect(out.text).toMatch(/^## Conclusion\n\S/m);
  });
});

/** A paper from section titles and sentences, without ingest in between. */
function handPaper(parts: [string, string[]][]): Paper {
  const sections: Section[] = parts.map(([title, sentences]) => {
    // One paragraph per sentence, as a heading fragment would stand in extracted text.
    const text = sentences.join('\n\n');
    return { title, level: 1, text, wordCount: text.split(/\s+/).length, kind: 'body' };
  });
  return { title: 'A Hand-Made Paper', sections, wordCount: sections.reduce((n, s) => n + s.wordCount, 0), source: 'test', warnings: [] };
}
