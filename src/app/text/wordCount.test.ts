import { describe, expect, it } from 'vitest';
import { countWords, estimateTokens } from './wordCount';

describe('countWords', () => {
  it('counts runs of non-space characters', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   \n\t ')).toBe(0);
    expect(countWords('one')).toBe(1);
    expect(countWords('  one two\nthree\t\tfour  ')).toBe(4);
    expect(countWords('a\u00a0b')).toBe(2);
  });

  it('agrees with a regex split on random text', () => {
    const parts = ['alpha', ' ', '\n', 'beta', '\t', 'γάμμα', '  ', 'x'];
    for (let n = 0; n < 50; n++) {
      let s = '';
      for (let i = 0; i < 40; i++) s += parts[(n * 7 + i * 13 + i * i) % parts.length];
      expect(countWords(s)).toBe(s.split(/\s+/).filter(Boolean).length);
    }
  });

  it('estimates more tokens than words', () => {
    expect(estimateTokens(1000)).toBeGreaterThan(1000);
    expect(estimateTokens(0)).toBe(0);
  });
});
