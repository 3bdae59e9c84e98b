// Map-reduce with the real engine on the random-weight fixtures: the output is gibberish by
// design, so these tests check the plumbing the fake generator cannot: the model's own token
// counts and input limit drive chunking, nothing is truncated, streaming and abort behave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type LoadedModel } from '../../src/engine';
import { ingest, summarizePaper, type Paper } from '../../src/pipeline';
import type { SummaryEvent } from '../../src/pipeline/types';
import { fixture, ort } from '../support/engine';
import { ObservedGenerator } from './support/observedGenerator';
import { checkMonotone, deltasAfterIntermediate } from './support/progress';
import { syntheticPaper } from './support/synthetic';

// Few new tokens and greedy search keep each pass short on a shared 2-core machine.
const GENERATION = { max_new_tokens: 6, num_beams: 1 };
const MAX_CHUNKS = 3;

let paper: Paper;
beforeAll(async () => {
  paper = await ingest({ text: syntheticPaper(20_000) });
});

describe.each([
  // tiny-qwen2's context is capped so a prefill stays cheap; the cap is what maxInputTokens reports.
  { name: 'tiny-bart', contextTokens: undefined, style: 'abstract' as const },
  { name: 'tiny-qwen2', contextTokens: 1024, style: 'tldr' as const },
])('$name', ({ name, contextTokens, style }) => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await loadModel(fixture(name), { ort, backend: 'wasm', dtype: 'fp32', contextTokens });
  });
  afterAll(() => model?.dispose());

  it('summarizes a 20k-word paper within the model limit, streaming only the final pass', async () => {
    expect(paper.wordCount).toBeGreaterThan(18_000);
    const gen = new ObservedGenerator(model);
    const events: SummaryEvent[] = [];
    const out = await summarizePaper(paper, { style, length: 'short', generation: GENERATION }, {
      generator: gen,
      onEvent: (e) => events.push(e),
      mapReduce: { maxMapChunks: MAX_CHUNKS },
    });
    expect(out).toMatchObject({ kind: 'abstractive', partial: false, style });

    const progress = checkMonotone(events);
    const maps = progress.filter((p) => p.stage === 'map');
    expect(maps.length).toBeGreaterThan(0);
    expect(maps.at(-1)!.total).toBeGreaterThan(1);
    expect(maps.at(-1)!.total).toBeLessThanOrEqual(MAX_CHUNKS);
    expect(maps.at(-1)!.done).toBe(maps.at(-1)!.total);
    expect(progress.at(-1)).toMatchObject({ stage: 'final', done: 1, total: 1 });

    // Every input fits the model as the model counts it: the engine never had to cut one.
    for (const c of gen.calls) {
      expect(c.tokens).toBeLessThanOrEqual(model.maxInputTokens);
      expect(c.result?.truncated).toBeUndefined();
    }
    // ...and the chunks are not needlessly small: the map inputs use most of the real limit
    // (a word count or per-sentence template overhead would leave them far emptier or overfull).
    const mapCalls = gen.calls.slice(0, maps.at(-1)!.total);
    expect(Math.max(...mapCalls.map((c) => c.tokens))).toBeGreaterThan(model.maxInputTokens * 0.75);
    if (model.kind === 'causal') expect(mapCalls[0].input).toMatch(/^Paper: "A Synthetic Study of Neural Methods"\nSummarize the following part/);

    // One streamed call, the last; the deltas are that call's text and come after map/reduce.
    expect(gen.calls.filter((c) => c.streamed)).toHaveLength(1);
    expect(gen.calls.at(-1)!.streamed).toBe(true);
    const deltas = deltasAfterIntermediate(events);
    expect(deltas.afterIntermediate).toBe(true);
    expect(deltas.text).toBe(gen.calls.at(-1)!.result!.text);
    expect(out.text).toBe(deltas.text.replace(/\s*\n+\s*/g, ' ').trim());
    for (const c of gen.calls) expect(c.result!.ids.length).toBeLessThanOrEqual(GENERATION.max_new_tokens);
  });

  it('abort during a map pass returns the finished chunk summaries, marked partial', async () => {
    const gen = new ObservedGenerator(model);
    const ac = new AbortController();
    // Abort on the second token of the second map pass.
    gen.onToken = (n, step) => {
      if (n === 1 && step === 2) ac.abort();
    };
    const events: SummaryEvent[] = [];
    const out = await summarizePaper(paper, { style, length: 'short', generation: { ...GENERATION, min_new_tokens: 4 } }, {
      generator: gen,
      signal: ac.signal,
      onEvent: (e) => events.push(e),
      mapReduce: { maxMapChunks: MAX_CHUNKS },
    });
    expect(out.partial).toBe(true);
    expect(gen.calls).toHaveLength(2);
    expect(gen.calls[1].result!.stopReason).toBe('aborted');
    expect(out.text).toBe(gen.calls[0].result!.text.trim());
    expect(events.some((e) => e.type === 'delta')).toBe(false);
    expect(events.some((e) => e.type === 'progress' && e.stage === 'final')).toBe(false);
  });
});
