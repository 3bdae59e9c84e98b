// The map and reduce stages hand all their passes to generateBatch when the generator has it:
// the same summary as one pass at a time, progress still monotone and complete, and an abort
// in the middle of a batch returns the finished chunk summaries marked partial.
import { describe, expect, it } from 'vitest';
import { ingest, summarizePaper } from '../../src/pipeline';
import type { BatchHooks, GenerationOptions, GenerationResult } from '../../src/engine/types';
import type { SummaryEvent, SummaryStyle } from '../../src/pipeline/types';
import { FakeGenerator } from './support/fakeGenerator';
import { checkMonotone } from './support/progress';
import { syntheticPaper } from './support/synthetic';

class BatchingFake extends FakeGenerator {
  batches: number[] = [];
  abortAfter?: { controller: AbortController; results: number };
  async generateBatch(inputs: string[], options: GenerationOptions, hooks: BatchHooks = {}): Promise<GenerationResult[]> {
    this.batches.push(inputs.length);
    const out: GenerationResult[] = [];
    // Finishes in reverse order, as a batch may.
    for (let i = inputs.length - 1; i >= 0; i--) {
      const r = await this.generate(inputs[i], options, { signal: hooks.signal });
      out[i] = r;
      hooks.onResult?.(i, r);
      if (this.abortAfter && out.filter(Boolean).length === this.abortAfter.results) this.abortAfter.controller.abort();
    }
    return out;
  }
}

describe('map-reduce through generateBatch', async () => {
  const paper = await ingest({ text: syntheticPaper(12_000) });
  for (const [style, kind] of [['tldr', 'causal'], ['key_points', 'causal'], ['abstract', 'seq2seq']] as [SummaryStyle, 'causal' | 'seq2seq'][]) {
    it(`${style} (${kind}): same summary as one pass at a time`, async () => {
      const plain = await summarizePaper(paper, { style, length: 'short' }, { generator: new FakeGenerator(400, kind) });
      const gen = new BatchingFake(400, kind);
      const events: SummaryEvent[] = [];
      const batched = await summarizePaper(paper, { style, length: 'short' }, { generator: gen, onEvent: (e) => events.push(e) });
      expect(batched).toEqual(plain);
      expect(gen.batches[0]).toBeGreaterThan(5);
      const maps = checkMonotone(events).filter((p) => p.stage === 'map');
      expect(maps.at(-1)!.done).toBe(maps.at(-1)!.total);
      expect(maps.at(-1)!.total).toBe(gen.batches[0]);
    });
  }

  it('an abort mid-batch keeps the finished chunk summaries, marked partial', async () => {
    const gen = new BatchingFake(400, 'causal');
    const controller = new AbortController();
    gen.abortAfter = { controller, results: 3 };
    const out = await summarizePaper(paper, { style: 'tldr', length: 'short' }, { generator: gen, signal: controller.signal });
    expect(out.partial).toBe(true);
    expect(out.text.length).toBeGreaterThan(10);
  });
});
