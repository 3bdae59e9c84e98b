import { describe, expect, it } from 'vitest';
import { PassCache } from './passCache';

describe('pass cache', () => {
  const model = {};
  const opts = { max_new_tokens: 110, min_new_tokens: 20 };

  it('reuses only an identical pass of the same model', () => {
    const c = new PassCache();
    const key = c.key(model, 'map', 'chunk one', opts, true)!;
    c.set(key, 'summary one');
    expect(c.get(c.key(model, 'map', 'chunk one', { min_new_tokens: 20, max_new_tokens: 110 }, true))).toBe('summary one');
    expect(c.get(c.key({}, 'map', 'chunk one', opts, true))).toBeUndefined();
    expect(c.get(c.key(model, 'reduce', 'chunk one', opts, true))).toBeUndefined();
    expect(c.get(c.key(model, 'map', 'chunk one.', opts, true))).toBeUndefined();
    expect(c.get(c.key(model, 'map', 'chunk one', { ...opts, max_new_tokens: 111 }, true))).toBeUndefined();
    expect(c.get(c.key(model, 'map', 'chunk one', opts, false))).toBeUndefined();
    expect([c.hits, c.misses]).toEqual([1, 5]);
  });

  it('never keeps a sampled pass', () => {
    const c = new PassCache();
    expect(c.key(model, 'map', 'x', { ...opts, do_sample: true }, true)).toBeUndefined();
    c.set(undefined, 'y');
    expect(c.size).toBe(0);
  });

  it('drops the least recently used passes past its size', () => {
    const c = new PassCache(250); // about two entries of 100 characters (key and text)
    const k = (i: number) => c.key(model, 'map', `chunk ${i}`, opts, true)!;
    const text = 'x'.repeat(40);
    c.set(k(1), text);
    c.set(k(2), text);
    expect(c.get(k(1))).toBe(text); // 1 is now the most recent
    c.set(k(3), text);
    expect(c.size).toBe(2);
    expect(c.get(k(2))).toBeUndefined();
    expect(c.get(k(1))).toBe(text);
    expect(c.get(k(3))).toBe(text);
    c.set(k(4), 'y'.repeat(500)); // larger than the whole cache: not kept
    expect(c.get(k(4))).toBeUndefined();
  });
});
