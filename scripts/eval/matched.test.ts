import { describe, expect, it } from 'vitest';
import { rougeJs } from './metrics';
import { matchedLength, type ModelStyleFigures } from './model';

const row = (text: string): Record<string, ModelStyleFigures> => ({
  tldr: { rouge: { r1: 0, r2: 0, rl: 0 }, echo: {}, redundancy: {}, seconds: 0, text },
});

describe('ROUGE at matched length', () => {
  it('cuts both summaries of a paper to the shorter one, so a longer restating summary no longer wins by length', () => {
    const reference = 'Plots from 114 countries are released as open data with their species and their climate.';
    const short = 'Plots from 114 countries are released.';
    const long = 'Plots are plots. Plots are plots again, plots from everywhere, released with species and climate data.';
    // In full, the long one scores higher on ROUGE-1 F (it has more of the reference's words).
    expect(rougeJs(long, reference).r1).toBeGreaterThan(rougeJs(short, reference).r1);
    const m = matchedLength([row(short)], [row(long)], [reference]).tldr;
    expect(m.words).toBe(6);
    expect(m.a.r1).toBeCloseTo(rougeJs(short, reference).r1, 10);
    expect(m.b.r1).toBeCloseTo(rougeJs('Plots are plots. Plots are plots', reference).r1, 10);
    expect(m.a.r1).toBeGreaterThan(m.b.r1);
  });
});
