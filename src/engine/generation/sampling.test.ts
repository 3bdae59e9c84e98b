import { describe, expect, it } from 'vitest';
import type { GenerationOptions } from '../types';
import { decode } from './decode';
import { createRng } from './rng';
import { Sampler } from './sampler';
import { ToyModel } from './testing/toy-model';

const EOS = 0;

async function gen(options: GenerationOptions, modelSeed = 7) {
  const res = await decode({
    model: new ToyModel({ vocabSize: 8, seed: modelSeed, scale: 1.5, bias: { [EOS]: -3 } }),
    start: [1],
    countedStartLength: 1,
    options: { max_new_tokens: 12, ...options },
    special: { eosTokenIds: [EOS] },
  });
  return res.sequences[0].ids;
}

function frequencies(sampler: Sampler, logits: Float32Array, draws: number): number[] {
  const counts = new Array<number>(logits.length).fill(0);
  for (let i = 0; i < draws; i++) counts[sampler.sample(logits).token]++;
  return counts.map((c) => c / draws);
}

describe('sampling', () => {
  it('is reproducible for a seed and differs between seeds', async () => {
    const a = await gen({ do_sample: true, seed: 42, top_k: 0 });
    expect(await gen({ do_sample: true, seed: 42, top_k: 0 })).toEqual(a);
    const others = await Promise.all([1, 2, 3, 4, 5].map((s) => gen({ do_sample: true, seed: s, top_k: 0 })));
    expect(others.filter((o) => JSON.stringify(o) === JSON.stringify(a)).length).toBeLessThan(2);
    expect(new Set(others.map((o) => JSON.stringify(o))).size).toBeGreaterThan(2);
  });

  it('without a seed still samples (a fresh random seed each call)', async () => {
    const runs = await Promise.all(Array.from({ length: 6 }, () => gen({ do_sample: true, top_k: 0 })));
    expect(new Set(runs.map((r) => JSON.stringify(r))).size).toBeGreaterThan(1);
  });

  it('collapses to greedy for temperature -> 0, top_k = 1 and a tiny top_p', async () => {
    for (let m = 1; m <= 12; m++) {
      const greedy = await gen({}, m);
      for (const seed of [1, 2, 3]) {
        expect(await gen({ do_sample: true, seed, temperature: 1e-4, top_k: 0 }, m)).toEqual(greedy);
        expect(await gen({ do_sample: true, seed, top_k: 1 }, m)).toEqual(greedy);
        expect(await gen({ do_sample: true, seed, top_k: 0, top_p: 1e-6 }, m)).toEqual(greedy);
      }
    }
  });

  it('matches a fixed distribution empirically, with temperature, top-k and top-p', () => {
    const p = [0.5, 0.3, 0.15, 0.05];
    const logits = Float32Array.from(p.map(Math.log));
    const draws = 40_000;
    const tol = 0.012;
    const check = (opts: { temperature: number; topK: number; topP: number }, want: number[]) => {
      const got = frequencies(new Sampler(opts, 4, createRng(123)), logits, draws);
      got.forEach((f, i) => expect(Math.abs(f - want[i])).toBeLessThan(tol));
    };
    check({ temperature: 1, topK: 0, topP: 1 }, p);
    const sq = p.map(Math.sqrt);
    const z = sq.reduce((a, b) => a + b);
    check({ temperature: 2, topK: 0, topP: 1 }, sq.map((x) => x / z));
    check({ temperature: 1, topK: 2, topP: 1 }, [0.5 / 0.8, 0.3 / 0.8, 0, 0]);
    // top_p 0.7: 0.5 alone is short of 0.7, so 0.3 joins; then the mass reaches 0.7.
    check({ temperature: 1, topK: 0, topP: 0.7 }, [0.5 / 0.8, 0.3 / 0.8, 0, 0]);
    check({ temperature: 1, topK: 0, topP: 0.9 }, [0.5 / 0.95, 0.3 / 0.95, 0.15 / 0.95, 0]);
    check({ temperature: 1, topK: 3, topP: 0.7 }, [0.5 / 0.8, 0.3 / 0.8, 0, 0]);
  });

  it('top-p over a large vocabulary keeps exactly the nucleus', () => {
    // 2000 tokens with slowly decreasing logits: the 0.9 nucleus is far beyond the first batch.
    const V = 2000;
    const logits = Float32Array.from({ length: V }, (_, i) => -i * 0.001);
    const probs = Array.from(logits, (l) => Math.exp(l));
    const z = probs.reduce((a, b) => a + b);
    let cum = 0;
    let nucleus = 0;
    while (cum < 0.9) cum += probs[nucleus++] / z;
    const sampler = new Sampler({ temperature: 1, topK: 0, topP: 0.9 }, V, createRng(9));
    let maxSeen = 0;
    for (let i = 0; i < 4000; i++) maxSeen = Math.max(maxSeen, sampler.sample(logits).token);
    expect(maxSeen).toBeLessThan(nucleus);
    expect(maxSeen).toBeGreaterThan(nucleus - 30);
  });

  it('whole-vocabulary top-p keeps exactly the brute-force nucleus, ties included', () => {
    const rng = createRng(77);
    for (let trial = 0; trial < 40; trial++) {
      const V = 30 + Math.floor(rng() * 40);
      // Rounded logits make ties common; some tokens are masked.
      const logits = Float32Array.from({ length: V }, () => (rng() < 0.1 ? -Infinity : Math.round(rng() * 12) / 4));
      const topP = 0.2 + rng() * 0.75;
      const temperature = 0.5 + rng();
      const order = Array.from({ length: V }, (_, i) => i)
        .filter((i) => logits[i] > -Infinity)
        .sort((a, b) => logits[b] - logits[a] || a - b);
      const w = order.map((i) => Math.exp(logits[i] / temperature));
      const z = w.reduce((a, b) => a + b);
      const nucleus = new Set<number>();
      let before = 0;
      order.forEach((i, k) => {
        if (k === 0 || before / z < topP) nucleus.add(i);
        before += w[k];
      });
      const sampler = new Sampler({ temperature, topK: 0, topP }, V, createRng(trial));
      const seen = new Set<number>();
      for (let d = 0; d < 3000; d++) seen.add(sampler.sample(logits).token);
      for (const t of seen) expect(nucleus.has(t)).toBe(true);
      // Every nucleus member with >= 1% of the kept mass shows up.
      const keptMass = order.reduce((a, i, k) => a + (nucleus.has(i) ? w[k] : 0), 0);
      order.forEach((i, k) => {
        if (nucleus.has(i) && w[k] / keptMass > 0.01) expect(seen.has(i)).toBe(true);
      });
    }
  });

  it('never samples a masked token', () => {
    const logits = Float32Array.from([5, -Infinity, 5, -Infinity]);
    const s = new Sampler({ temperature: 1, topK: 0, topP: 1 }, 4, createRng(1));
    for (let i = 0; i < 2000; i++) expect([0, 2]).toContain(s.sample(logits).token);
    expect(() => s.sample(new Float32Array(4).fill(-Infinity))).toThrow(/masked/);
  });

  it('draws uniform doubles from the seeded generator', () => {
    const r = createRng(2024);
    let sum = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const x = r();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
    expect(createRng(2 ** 40)()).not.toBe(createRng(0)());
  });
});
