import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeltaBatcher, type DeltaBatch } from './deltaBatcher';

describe('DeltaBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first text at once, then one batch per interval, losing nothing', () => {
    const sent: DeltaBatch[] = [];
    const b = new DeltaBatcher((x) => sent.push(x), 30);
    b.push('A', 1);
    expect(sent).toEqual([{ text: 'A', tokens: 1 }]);
    for (const w of [' b', ' c', ' d']) b.push(w, 1);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(30);
    expect(sent).toEqual([{ text: 'A', tokens: 1 }, { text: ' b c d', tokens: 3 }]);
    b.push(' e', 1);
    b.flush();
    expect(sent.map((x) => x.text).join('')).toBe('A b c d e');
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(3);
  });

  it('posts every token when the interval is 0', () => {
    const sent: DeltaBatch[] = [];
    const b = new DeltaBatcher((x) => sent.push(x), 0);
    for (const w of ['a', 'b', 'c']) b.push(w, 1);
    expect(sent.map((x) => x.text)).toEqual(['a', 'b', 'c']);
  });

  it('drops pending text on discard', () => {
    const sent: DeltaBatch[] = [];
    const b = new DeltaBatcher((x) => sent.push(x), 30);
    b.push('first', 1);
    b.push(' pending', 1);
    b.discard();
    vi.advanceTimersByTime(100);
    expect(sent.map((x) => x.text)).toEqual(['first']);
  });
});
