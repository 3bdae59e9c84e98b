// Streaming detokenization with the fixtures' real tokenizers: byte-level BPE (BART, Qwen2) and
// Unigram/Metaspace (T5). Streamed text must only ever grow into the final text: no broken
// characters, no spacing that is later taken back.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { StreamingDetokenizer } from '../../src/engine/detokenizer';
import { readJson } from '../../src/engine/modelFolder';
import { TextTokenizer } from '../../src/engine/tokenizer';
import { fixture } from '../support/engine';

const TEXTS = [
  'Café naïve résumé: the élite coöperation of Zürich.',
  'Η περίληψη του άρθρου είναι σύντομη και σαφής.',
  '本文提出了一种新的摘要方法，效果显著。',
  'Results 🚀 improved by 12.5% 😀👍🏽 over the baseline!',
  "It isn't done , is it ? We 're sure .",
  '  leading spaces and   runs of spaces\tand\ttabs\nnew lines  ',
];

const tokenizers: Record<string, TextTokenizer> = {};
beforeAll(async () => {
  for (const name of ['tiny-bart', 'tiny-t5', 'tiny-qwen2']) {
    const src = fixture(name);
    tokenizers[name] = new TextTokenizer(src.id, await readJson(src, 'tokenizer.json'), await readJson(src, 'tokenizer_config.json'));
  }
});

/** Streams `ids` in chunks of `chunk`, checking after every push that the stream stays a prefix. */
function stream(tok: TextTokenizer, ids: number[], chunk = 1) {
  let longest = 0;
  const decoder = {
    decode: (s: readonly number[]) => {
      if (s.length !== ids.length) longest = Math.max(longest, s.length);
      return tok.decode(s);
    },
  };
  const final = tok.decode(ids);
  const d = new StreamingDetokenizer(decoder);
  const deltas: string[] = [];
  for (let i = 0; i < ids.length; i += chunk) {
    deltas.push(d.push(ids.slice(i, i + chunk)));
    expect(final.startsWith(d.text)).toBe(true);
  }
  deltas.push(d.flush());
  return { deltas, final, longest, text: d.text };
}

describe.each(['tiny-bart', 'tiny-t5', 'tiny-qwen2'])('%s tokenizer', (name) => {
  it('streams accents, Greek, Chinese and emoji without broken characters or spacing', () => {
    const tok = tokenizers[name];
    for (const text of TEXTS) {
      const ids = tok.encode(text, false);
      const { deltas, final, text: streamed } = stream(tok, ids);
      expect(deltas.join('')).toBe(final);
      expect(streamed).toBe(final);
      for (const delta of deltas) {
        expect(delta).not.toMatch(/\uFFFD/);
        // A lone surrogate would be half an emoji.
        expect(delta).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }
      // Text really streamed, not all held back to the end.
      // (T5's tiny vocabulary maps Chinese to <unk>, which decodes to nothing.)
      if (final.length > 10) expect(deltas.filter(Boolean).length).toBeGreaterThan(2);
    }
  });

  it('decodes a bounded window per step, not the whole sequence', () => {
    const tok = tokenizers[name];
    const ids = tok.encode(TEXTS.join(' ').repeat(6), false);
    expect(ids.length).toBeGreaterThan(200);
    const { longest, deltas, final } = stream(tok, ids);
    expect(deltas.join('')).toBe(final);
    expect(longest).toBeLessThan(40);
  });

  it('keeps the stream a prefix of the final text for arbitrary token sequences', () => {
    const tok = tokenizers[name];
    const vocab = tok.vocabSize;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: vocab - 1 }), { maxLength: 60 }), fc.integer({ min: 1, max: 3 }), (ids, chunk) => {
        const { deltas, final } = stream(tok, ids, chunk);
        expect(deltas.join('')).toBe(final);
      }),
      { numRuns: 150 },
    );
  });
});
