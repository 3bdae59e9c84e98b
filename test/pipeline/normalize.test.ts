import { describe, expect, it } from 'vitest';
import { joinLines } from '../../src/pipeline/ingest/normalize';

describe('joinLines', () => {
  it('keeps a suspended hyphen before "and"/"or" (found in a real paper: "data- and computational-intensive")', () => {
    expect(joinLines(['the demands of data-', 'and computational-intensive research'])).toBe('the demands of data- and computational-intensive research');
    expect(joinLines(['pre-', 'or post-processing'])).toBe('pre- or post-processing');
  });

  it('still mends words the typesetter cut, including one ending in "and" the document spells whole', () => {
    expect(joinLines(['a trans-', 'former model'])).toBe('a transformer model');
    expect(joinLines(['one thous-', 'and samples'], new Set(), new Set(['thousand']))).toBe('one thousand samples');
  });
});
