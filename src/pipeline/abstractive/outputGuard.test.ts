import { describe, expect, it } from 'vitest';
import { OutputGuard, withoutRepeats } from './outputGuard';

/** Streams `text` in small pieces, as tokens come; returns the piece count at which the guard said stop. */
function stream(g: OutputGuard, text: string): number | null {
  const pieces = text.match(/\S+\s*|\s+/g) ?? [];
  for (let i = 0; i < pieces.length; i++) if (g.push(pieces[i])) return i + 1;
  return null;
}

// SmolLM2-135M's one-sentence TL;DR of sPlotOpen (the eval's first real-model row), shortened.
const LOOPING =
  'The project aims to enhance the biodiversity database by releasing open vegetation plots. ' +
  'The project aims to enhance the biodiversity database with open vegetation plot data. ' +
  'Plots span every continent and many biomes. ' +
  'The aim of the project is to enhance the database of biodiversity with vegetation plots. ' +
  'It also aims to enhance the biodiversity database for vegetation plots worldwide. ' +
  'Researchers can reuse the data freely.';

describe('output guard', () => {
  it('stops a TL;DR at the asked number of sentences while it streams', () => {
    const g = new OutputGuard({ unit: 'sentences', count: 1 });
    const at = stream(g, 'We release 94,210 vegetation plots. They span 114 countries. More follows here.');
    expect(at).not.toBeNull();
    // The stop comes when the second sentence has begun, not at the end of the text.
    expect(at!).toBeLessThan(12);
    expect(g.text()).toBe('We release 94,210 vegetation plots.');
  });

  it('drops restatements and stops at the second one', () => {
    const g = new OutputGuard();
    expect(stream(g, LOOPING)).not.toBeNull();
    expect(g.text()).toBe('The project aims to enhance the biodiversity database by releasing open vegetation plots. Plots span every continent and many biomes.');
    expect(g.dropped).toBe(2);
    // One restatement alone is dropped, the rest kept.
    expect(withoutRepeats('Plots span every continent. Plots span every continent there is. Data are free to reuse.')).toBe('Plots span every continent. Data are free to reuse.');
  });

  it('counts points by list lines, not the line before the list, and drops a repeated point', () => {
    const g = new OutputGuard({ unit: 'points', count: 3 });
    const text = 'Here are the key points:\n- Plots come from 114 countries.\n- Plots come from 114 countries worldwide.\n- Data are open.\n- Methods are described.\n- Extra point.\n';
    expect(stream(g, text)).not.toBeNull();
    expect(g.text()).toBe('Here are the key points:\n- Plots come from 114 countries.\n- Data are open.\n- Methods are described.');
  });

  it('ends an abstract near the asked words and leaves out a last sentence that runs far past them', () => {
    const sentence = (n: number, w: string) => `${Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ')}.`;
    const g = new OutputGuard({ unit: 'words', count: 20 });
    stream(g, `${sentence(10, 'a')} ${sentence(5, 'b')} ${sentence(30, 'c')} ${sentence(5, 'd')}`);
    expect(g.stopped).toBe(true);
    expect(g.text().split(/\s+/)).toHaveLength(15);
    const h = new OutputGuard({ unit: 'words', count: 20 });
    stream(h, `${sentence(10, 'a')} ${sentence(9, 'b')} ${sentence(9, 'c')}`);
    expect(h.text().split(/\s+/)).toHaveLength(19);
  });

  it('counts Chinese characters and keeps Chinese sentences joined without spaces', () => {
    const g = new OutputGuard({ unit: 'chars', count: 15 });
    stream(g, '本文发布植被样地数据。数据覆盖全球。更多内容在此。');
    expect(g.text()).toBe('本文发布植被样地数据。数据覆盖全球。');
  });

  it('keeps a pass that ended by itself whole, and drops the unfinished tail of one cut by max tokens', () => {
    const g = new OutputGuard({ unit: 'sentences', count: 3 });
    stream(g, 'One claim here. Another result there');
    expect(g.stopped).toBe(false);
    expect(new OutputGuard({ unit: 'sentences', count: 3 }).text()).toBe('');
    const whole = new OutputGuard({ unit: 'sentences', count: 3 });
    stream(whole, 'One claim here. Another result there');
    expect(whole.text(true)).toBe('One claim here. Another result there');
    expect(g.text(false)).toBe('One claim here.');
  });

  it('judges the sentences of key points written as prose, one point each', () => {
    // SmolLM2's key points of metapangenomes: one line, its second and third sentences restating the first.
    const prose =
      'The paper shows that metagenomics enables accurate estimation of metapangenomes. ' +
      'This approach enables accurate estimation of metapangenomes with minimal reliance on references. ' +
      'Reads are mapped to gene families without assembly. ' +
      'The methods enable metapangenomes by enabling accurate estimation of metapangenomes. ' +
      'Results hold on three gut data sets.';
    const g = new OutputGuard({ unit: 'points', count: 3 });
    stream(g, prose);
    // Both restatements dropped, and the second ends the pass (a model that loops has no more to say).
    expect(g.text()).toBe('The paper shows that metagenomics enables accurate estimation of metapangenomes.\nReads are mapped to gene families without assembly.');
    expect(g.dropped).toBe(2);
    // Prose of distinct sentences gives the asked three points, the first sentence counted too.
    const h = new OutputGuard({ unit: 'points', count: 3 });
    expect(stream(h, 'Plots come from 114 countries. Data are open. Methods are described. Extra sentence.')).not.toBeNull();
    expect(h.text()).toBe('Plots come from 114 countries.\nData are open.\nMethods are described.');
  });

  it('ends a pass that loops inside a sentence that never ends, keeping what came before the loop', () => {
    const looping = 'The sPlot initiative builds a global database of vegetation plots, a key part of sPlot Open-Access Open-Access Open-Access Online Open-Access Online Online Open-Access Open-Access Online Online Online Open-Access';
    const g = new OutputGuard({ unit: 'words', count: 60 });
    expect(stream(g, looping + ' Online Online Online Open-Access Online')).not.toBeNull();
    expect(g.text(false)).toBe('The sPlot initiative builds a global database of vegetation plots, a key part of sPlot Open-Access');
    // After a kept sentence, the looping one is left out whole.
    const h = new OutputGuard({ unit: 'words', count: 60 });
    stream(h, `Plots come from 114 countries. ${looping}`);
    expect(h.text(false)).toBe('Plots come from 114 countries.');
    // An ordinary long sentence is no loop.
    expect(withoutRepeats('We release 94,210 vegetation plots from 114 countries with their species, cover values, header data and the climate of each plot, as open data.')).toContain('open data.');
  });
});
