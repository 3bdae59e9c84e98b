// Sentences on any text: lowercased text is split although no sentence starts with a capital,
// no sentence is longer than the cap, and so an extractive summary stays bounded on any paste.
import { describe, expect, it } from 'vitest';
import { ingest, summarizePaper } from '../../src/pipeline';
import { MAX_SENTENCE_CHARS } from '../../src/pipeline/sentenceBounds';
import { splitSentences } from '../../src/pipeline/sentences';

describe('sentence bounds', () => {
  it('splits lowercased text (OCR output) at sentence punctuation, keeping abbreviations and initials', () => {
    const text =
      'deep networks need data. we collected ten thousand scans, e.g. from three hospitals. smith et al. reported similar counts. ' +
      'the model was trained by j. doe in two days! results are in fig. 3 and tab. 2. is this enough? we think so.';
    expect(splitSentences(text)).toEqual([
      'deep networks need data.',
      'we collected ten thousand scans, e.g. from three hospitals.',
      'smith et al. reported similar counts.',
      'the model was trained by j. doe in two days!',
      'results are in fig. 3 and tab. 2.',
      'is this enough?',
      'we think so.',
    ]);
  });

  it('leaves ordinary capitalized prose as the segmenter and repairs split it', () => {
    const text = 'We use e.g. the method of Smith et al. and it works. The results hold in three settings, as expected.';
    expect(splitSentences(text)).toEqual(['We use e.g. the method of Smith et al. and it works.', 'The results hold in three settings, as expected.']);
  });

  it('cuts a long run at ; first, then :, then a clause boundary, never above the cap', () => {
    const clause = (w: string, n: number) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
    const run = `${clause('alpha', 40)}; ${clause('beta', 40)}: ${clause('gamma', 40)}, which ${clause('delta', 40)}, and ${clause('eps', 40)}.`;
    const out = splitSentences(run);
    expect(out.length).toBeGreaterThan(2);
    for (const s of out) expect(s.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(out[0].endsWith(';')).toBe(true);
    expect(out.join(' ').replace(/\s+/g, ' ')).toBe(run);
  });

  it('hard-cuts text that has no boundary at all', () => {
    const out = splitSentences('x'.repeat(5000));
    expect(out.every((s) => s.length <= MAX_SENTENCE_CHARS)).toBe(true);
    expect(out.join('')).toBe('x'.repeat(5000));
  });

  it('keeps the extractive summary bounded on a huge lowercase paste with no sentence ends', async () => {
    const words = ['the', 'model', 'reads', 'papers', 'and', 'data', 'from', 'many', 'fields', 'with', 'care'];
    const text = Array.from({ length: 200_000 }, (_, i) => words[(i * 7) % words.length] + (i % 97 === 0 ? ',' : '')).join(' ');
    const paper = await ingest({ text });
    for (const style of ['tldr', 'key_points', 'abstract'] as const) {
      const out = await summarizePaper(paper, { style, length: 'long' });
      expect(out.text.length).toBeLessThan(10 * MAX_SENTENCE_CHARS);
    }
  }, 60_000);
});

describe('display math and Markdown markup', () => {
  const MD = `# On Energy

## Introduction

The energy of a body at rest is
$$
E = m c^2 \\quad \\text{where the constant is large and the mass is small, so it matters}
$$
in natural units, which is the central fact we use in this paper.

Mass and energy are two forms of the same quantity, as the formula above states for every body.
`;

  it('drops $$ display math from Markdown without cutting the sentence around it', async () => {
    const paper = await ingest({ text: MD });
    expect(paper.sections[0].text).toBe(
      'The energy of a body at rest is in natural units, which is the central fact we use in this paper.\n\nMass and energy are two forms of the same quantity, as the formula above states for every body.',
    );
  });

  it('never picks display math as a summary sentence in plain text', async () => {
    const text = `Title of a Paste\n\n${'We study mass and energy in bodies at rest and in motion. '.repeat(3)}\n\n$$ E = mc^2 \\text{ holds for energy and mass of every body at rest and in motion } $$\n\n${'Energy and mass are related by a constant for bodies. '.repeat(2)}`;
    const paper = await ingest({ text });
    for (const length of ['short', 'medium', 'long'] as const) {
      const out = await summarizePaper(paper, { style: 'key_points', length });
      expect(out.text).not.toContain('$$');
    }
  });

  it('keeps Markdown emphasis out of a pasted title', async () => {
    const paper = await ingest({ text: '**Sparse Routing for Long Papers**\n\nAda Lovelace\n\nWe route tokens sparsely. It is cheap and it works well on long inputs of many kinds.' });
    expect(paper.title).toBe('Sparse Routing for Long Papers');
  });
});

describe('sentence bounds on any text (property)', () => {
  it('no sentence is longer than the cap, and no character other than whitespace is lost', async () => {
    const fc = (await import('fast-check')).default;
    const piece = fc.constantFrom('word', 'Word', 'e.g.', 'et al.', '. ', '; ', ': ', ', and ', ', ', ' ', '', 'x'.repeat(700), 'https://a.org/x.y?z=1', '!', '?', '3.5', 'J. ', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), (parts) => {
        const text = parts.join('');
        const out = splitSentences(text);
        for (const s of out) expect(s.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
        expect(out.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});
