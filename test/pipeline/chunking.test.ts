import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkSections, splitLongText, type ChunkSection } from '../../src/pipeline/chunking';

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
// A tokenizer that is not additive at joins: every chunk pays one extra token per 10 words.
const lumpy = (s: string) => words(s) + Math.floor(words(s) / 10);

const sentenceArb = fc
  .array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 30 })
  .map((ws) => `${ws.join(' ')}.`);
const sectionsArb = fc.array(
  fc.record({ title: fc.constantFrom('Intro', 'Method', 'Results'), sentences: fc.array(sentenceArb, { minLength: 0, maxLength: 12 }) }),
  { minLength: 1, maxLength: 6 },
);

describe('chunkSections', () => {
  it('keeps every chunk within the limit, owns each sentence exactly once, in order', () => {
    fc.assert(
      fc.property(
        sectionsArb,
        fc.integer({ min: 40, max: 120 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom<'always' | 'prefer'>('always', 'prefer'),
        fc.constantFrom(words, lumpy),
        (sections: ChunkSection[], maxTokens, overlapTokens, sectionBreaks, countTokens) => {
          const chunks = chunkSections(sections, { countTokens, maxTokens, overlapTokens, sectionBreaks });
          const all = sections.flatMap((s) => s.sentences);
          for (const c of chunks) {
            expect(countTokens(c.text)).toBeLessThanOrEqual(maxTokens);
            expect(c.tokens).toBe(countTokens(c.text));
          }
          const owned = chunks.flatMap((c) => c.sentenceIds);
          expect(owned).toEqual(all.map((_, i) => i));
          // Each chunk's text is its overlap sentences then its own sentences, verbatim and in order.
          for (const c of chunks) {
            expect(c.text).toBe([...c.overlapIds, ...c.sentenceIds].map((i) => all[i]).join(' '));
            for (const o of c.overlapIds) expect(o).toBeLessThan(c.sentenceIds[0]);
          }
          if (overlapTokens === 0) expect(chunks.every((c) => c.overlapIds.length === 0)).toBe(true);
          if (sectionBreaks === 'always') {
            for (const c of chunks) expect(c.sections).toHaveLength(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('splits a single over-long sentence by words as a last resort', () => {
    const long = `${Array.from({ length: 250 }, (_, i) => `w${i}`).join(' ')}.`;
    const chunks = chunkSections([{ title: 'A', sentences: ['Short one.', long, 'Short two.'] }], { countTokens: words, maxTokens: 100 });
    expect(chunks.every((c) => words(c.text) <= 100)).toBe(true);
    expect(chunks.map((c) => c.text).join(' ')).toBe(`Short one. ${long} Short two.`);
  });

  it('cuts a huge single word by characters', () => {
    const chars = (s: string) => Math.ceil(s.length / 4);
    const pieces = splitLongText('x'.repeat(1000), 50, chars);
    expect(pieces.join('')).toBe('x'.repeat(1000));
    expect(pieces.every((p) => chars(p) <= 50)).toBe(true);
  });

  it('starts a new chunk at a section that does not fit when the current one is half full', () => {
    const s = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag} sentence number ${i} here.`);
    const chunks = chunkSections(
      [
        { title: 'A', sentences: s(12, 'alpha') }, // 60 tokens
        { title: 'B', sentences: s(10, 'beta') }, // 50 tokens
      ],
      { countTokens: words, maxTokens: 100 },
    );
    expect(chunks.map((c) => c.sections)).toEqual([[0], [1]]);
  });

  it('counts each sentence a bounded number of times (linear work)', () => {
    let calls = 0;
    const counting = (t: string) => {
      calls++;
      return words(t);
    };
    const sentences = Array.from({ length: 2000 }, (_, i) => `This is sentence ${i} of the long paper.`);
    chunkSections([{ title: 'A', sentences }], { countTokens: counting, maxTokens: 200, overlapTokens: 20 });
    expect(calls).toBeLessThan(2000 * 1.2);
  });

  it('rejects a limit below one token', () => {
    expect(() => chunkSections([{ title: 'A', sentences: ['x.'] }], { countTokens: words, maxTokens: 0 })).toThrow(RangeError);
  });
});
