import { describe, expect, it } from 'vitest';
import { parseUrlOptions } from './urlParams';

describe('parseUrlOptions', () => {
  it('reads model, backend and the failure hook', () => {
    expect(parseUrlOptions('?model=fixtures/tiny-bart&backend=wasm&failWebgpuAtStep=3&deltaMs=0')).toEqual({
      model: 'fixtures/tiny-bart',
      backend: 'wasm',
      failWebgpuAtStep: 3,
      deltaMs: 0,
    });
  });

  it('defaults to no model, auto backend and no failure', () => {
    expect(parseUrlOptions('')).toEqual({ model: null, backend: 'auto', failWebgpuAtStep: undefined, deltaMs: undefined, contextTokens: undefined });
    expect(parseUrlOptions('?backend=cuda&failWebgpuAtStep=-1&deltaMs=x&context=12')).toEqual({ model: null, backend: 'auto', failWebgpuAtStep: undefined, deltaMs: undefined, contextTokens: undefined });
    expect(parseUrlOptions('?context=1024').contextTokens).toBe(1024);
  });

  it('refuses model paths that leave the models folder', () => {
    for (const bad of ['../secret', 'fixtures/../../x', '/etc/passwd', 'a//b', 'https://evil.example/m']) {
      expect(parseUrlOptions(`?model=${encodeURIComponent(bad)}`).model).toBeNull();
    }
  });
});
