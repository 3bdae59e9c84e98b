// The KV cache must be invisible: decoding with it gives the same logits as recomputing the whole
// sequence from scratch at every step, for every layout, and row reordering (beam search) keeps
// each row's own history.
import { afterAll, describe, expect, it } from 'vitest';
import type { Backbone } from '../../src/engine/backbone';
import type { ModelSpec } from '../../src/engine/config';
import { argmax, fixtureBackbone, maxAbsDiff } from '../support/engine';

const TOL = 1e-4;
const STEPS = 12;
const opened: Backbone[] = [];
afterAll(async () => {
  await Promise.all(opened.map((b) => b.dispose()));
});

async function setup(name: string) {
  const f = await fixtureBackbone(name);
  opened.push(f.backbone);
  return f;
}

/** Encoder input (seq2seq) and start sequence (decoder start, or a prompt for decoder-only). */
function inputs(spec: ModelSpec): { enc: number[]; start: number[] } {
  const prompt = [5, 17, 42, 99, 7, 300, 12, 64, 8, 2 + (spec.vocabSize! >> 1)];
  return spec.kind === 'seq2seq'
    ? { enc: [...prompt, spec.decoderStartTokenId === 0 ? 1 : 2], start: [spec.decoderStartTokenId] }
    : { enc: [], start: prompt };
}

describe.each(['tiny-bart', 'tiny-bart-split', 'tiny-t5', 'tiny-qwen2'])('%s', (name) => {
  it('cached greedy decoding matches recomputing without cache at every step', async () => {
    const { spec, backbone } = await setup(name);
    const { enc, start } = inputs(spec);
    const cached = await backbone.startRunner(enc);
    const history = [...start];
    let feed = [start];
    let parents: number[] | null = null;
    const produced: number[] = [];
    for (let s = 0; s < STEPS; s++) {
      const [withCache] = await cached.step(feed, parents);
      const fresh = await backbone.startRunner(enc);
      const [without] = await fresh.step([history], null);
      fresh.dispose();
      expect(withCache.length).toBe(spec.vocabSize);
      expect(maxAbsDiff(withCache, without)).toBeLessThan(TOL);
      const next = argmax(withCache);
      expect(next).toBe(argmax(without));
      produced.push(next);
      history.push(next);
      feed = [[next]];
      parents = [0];
    }
    cached.dispose();
    // A degenerate model emitting one token forever would make the comparison weak.
    expect(new Set(produced).size).toBeGreaterThan(1);
  });

  it('reorders cache rows by parents (1 -> 2 rows, then swapped)', async () => {
    const { spec, backbone } = await setup(name);
    const { enc, start } = inputs(spec);
    const runner = await backbone.startRunner(enc);
    await runner.step([start], null);
    // Expand to two rows with different continuations, then swap the rows.
    const a = 11;
    const b = 23;
    await runner.step([[a], [b]], [0, 0]);
    const [rowB, rowA] = await runner.step([[31], [37]], [1, 0]);
    runner.dispose();
    const expected: [Float32Array, number[]][] = [
      [rowB, [...start, b, 31]],
      [rowA, [...start, a, 37]],
    ];
    for (const [got, hist] of expected) {
      const fresh = await backbone.startRunner(enc);
      const [want] = await fresh.step([hist], null);
      fresh.dispose();
      expect(maxAbsDiff(got, want)).toBeLessThan(TOL);
    }
    // The two rows really differ, so a swap bug could not pass unnoticed.
    expect(maxAbsDiff(rowA, rowB)).toBeGreaterThan(1e-3);
  });
});
