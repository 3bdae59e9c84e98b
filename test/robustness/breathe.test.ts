// A decoding loop whose model steps settle through promise jobs only (as ORT's WASM run does) must
// still let the event loop run: cancel messages, batched text and heartbeats depend on it.
import { describe, expect, it } from 'vitest';
import type { StepModel } from '../../src/engine/generation/contract';
import { callStep } from '../../src/engine/generation/step';

function spin(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy, like a synchronous WASM kernel
  }
}

const busyModel = {
  vocabSize: 4,
  async step(tokens: number[][]) {
    spin(5);
    return tokens.map(() => new Float32Array(4));
  },
} as unknown as StepModel;

describe('callStep', () => {
  it('gives timers a turn during a long run of promise-only steps', async () => {
    let fired = false;
    setTimeout(() => (fired = true), 0);
    const started = Date.now();
    let steps = 0;
    while (!fired && Date.now() - started < 1000) {
      await callStep(busyModel, [[1]], null, undefined);
      steps++;
    }
    expect(fired).toBe(true);
    // Not after every step either: turns are spaced by decoding time.
    expect(steps).toBeGreaterThan(1);
  });

  it('notices an abort that arrives as a macrotask (a cancel message) before the next step', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 0);
    let result: Awaited<ReturnType<typeof callStep>> = [];
    // 400 steps of 5 ms: far longer than one turn of the event loop needs.
    for (let i = 0; i < 400 && typeof result !== 'symbol'; i++) result = await callStep(busyModel, [[1]], null, ac.signal);
    expect(typeof result).toBe('symbol');
  });
});
