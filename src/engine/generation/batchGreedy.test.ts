// batchGreedy against the single-row greedy loop on a fake model whose logits depend on each
// row's history: rows stop (EOS, length) at different steps and leave the batch, and every row
// gets the tokens decode() gives it alone, processors included.
import { describe, expect, it } from 'vitest';
import { batchGreedy, type BatchStepModel } from './batchGreedy';
import type { StepModel } from './contract';
import { decode } from './decode';

const V = 9;
const EOS = 8;
function logitsOf(ids: readonly number[]): Float32Array {
  const l = new Float32Array(V);
  const s = ids.reduce((a, b) => a + b, 0);
  l[(s * 5 + ids.length * 3) % V] = 3;
  l[(s + 1) % V] = 2.5;
  return l;
}

class FakeBatch implements BatchStepModel {
  readonly vocabSize = V;
  rows: number[][] = [];
  steps: number[] = [];
  async prefill(p: number[][]) {
    this.rows = p.map((r) => r.slice());
    return this.rows.map(logitsOf);
  }
  async step(t: number[]) {
    this.steps.push(t.length);
    t.forEach((x, i) => this.rows[i].push(x));
    return this.rows.map(logitsOf);
  }
  async keep(r: number[]) {
    this.rows = r.map((i) => this.rows[i]);
  }
}

function single(): StepModel {
  let row: number[] = [];
  return {
    vocabSize: V,
    async step(tokens) {
      row = [...row, ...tokens[0]];
      return [logitsOf(row)];
    },
  };
}

describe('batchGreedy', () => {
  const starts = [[1, 2, 3], [4], [2, 2, 2, 2, 2], [0, 5], [3, 1]];
  for (const options of [{ max_new_tokens: 10 }, { max_new_tokens: 10, min_new_tokens: 4, repetition_penalty: 1.3, no_repeat_ngram_size: 2 }, { max_length: 9 }]) {
    it(`equals greedy one row at a time (${JSON.stringify(options)})`, async () => {
      const special = { eosTokenIds: [EOS] };
      const model = new FakeBatch();
      const got = await batchGreedy({ model, rows: starts.map((start) => ({ start })), options, special });
      const want = [];
      for (const start of starts) want.push(await decode({ model: single(), start, countedStartLength: start.length, options, special }));
      expect(got.map((r) => r.sequences[0].ids)).toEqual(want.map((r) => r.sequences[0].ids));
      expect(got.map((r) => r.stopReason)).toEqual(want.map((r) => r.stopReason));
      // Rows left the batch as they finished.
      expect(new Set(got.map((r) => r.sequences[0].ids.length)).size).toBeGreaterThan(1);
      expect(model.steps[model.steps.length - 1]).toBeLessThan(starts.length);
    });
  }

  it('stops every row on abort, keeping what each has', async () => {
    const ac = new AbortController();
    let n = 0;
    const got = await batchGreedy({
      model: new FakeBatch(),
      rows: starts.map((start) => ({ start })),
      options: { max_new_tokens: 50 },
      special: { eosTokenIds: [] },
      signal: ac.signal,
      onToken: () => {
        if (++n === 7) ac.abort();
      },
    });
    expect(got.every((r) => r.stopReason === 'aborted')).toBe(true);
    expect(got.every((r) => r.sequences[0].ids.length <= 2)).toBe(true);
  });
});
