import { describe, expect, it } from 'vitest';
import { withoutUnfinishedTail } from './tail';

describe('withoutUnfinishedTail', () => {
  it('cuts after the last complete sentence', () => {
    expect(withoutUnfinishedTail('The plots cover 114 countries. They were resampled to balance the cli')).toBe('The plots cover 114 countries.');
    expect(withoutUnfinishedTail('It works (see "Methods.") And then the')).toBe('It works (see "Methods.")');
  });

  it('drops an unfinished list item, keeping the finished ones', () => {
    expect(withoutUnfinishedTail('- Open data for 95,104 plots\n- Balanced across climates\n- Resampled with')).toBe('- Open data for 95,104 plots\n- Balanced across climates');
  });

  it('keeps text that ends well, and text with nothing to cut back to', () => {
    expect(withoutUnfinishedTail('Done. ')).toBe('Done.');
    expect(withoutUnfinishedTail('a fragment without any end')).toBe('a fragment without any end');
    // A decimal point is no sentence end.
    expect(withoutUnfinishedTail('Accuracy rose to 0.93 on the')).toBe('Accuracy rose to 0.93 on the');
  });
});
