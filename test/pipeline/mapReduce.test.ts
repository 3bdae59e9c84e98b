import { describe, expect, it } from 'vitest';
import { ingest, PassCache, summarizePaper } from '../../src/pipeline';
import { LENGTH_PRESETS } from '../../src/pipeline/abstractive/prompts';
import type { GenerateHooks, GenerationOptions } from '../../src/engine/types';
import type { SummaryEvent, SummaryStyle } from '../../src/pipeline/types';
import { FakeGenerator } from './support/fakeGenerator';
import { checkMonotone, type Progress } from './support/progress';
import { syntheticPaper } from './support/synthetic';

describe('map-reduce over a 20k-word paper', async () => {
  const paper = await ingest({ text: syntheticPaper(20_000) });

  it('maps every chunk, reduces, and streams only the final pass', async () => {
    expect(paper.wordCount).toBeGreaterThan(18_000);
    const gen = new FakeGenerator(400);
    const events: SummaryEvent[] = [];
    // extractFirst off: every body sentence goes through the map stage.
    const out = await summarizePaper(paper, { style: 'abstract', length: 'medium' }, {
      generator: gen,
      onEvent: (e) => events.push(e),
      mapReduce: { extractFirst: false },
    });
    expect(out).toMatchObject({ kind: 'abstractive', partial: false, style: 'abstract' });
    expect(out.text.length).toBeGreaterThan(20);
    const progress = checkMonotone(events);
    const maps = progress.filter((p) => p.stage === 'map');
    expect(maps.at(-1)!.done).toBe(maps.at(-1)!.total);
    expect(maps[0].label).toMatch(/^chunk 1 of \d+$/);
    expect(maps.at(-1)!.total).toBeGreaterThanOrEqual(Math.floor(paper.wordCount / 400));
    expect(events.some((e) => e.type === 'progress' && e.stage === 'extract')).toBe(false);
    expect(events.some((e) => e.type === 'progress' && e.stage === 'reduce')).toBe(true);
    // Exactly one streamed call, and it is the last one, with the final length preset.
    const streamed = gen.calls.filter((c) => c.streamed);
    expect(streamed).toHaveLength(1);
    expect(gen.calls.at(-1)!.streamed).toBe(true);
    expect(gen.calls.at(-1)!.options.max_new_tokens).toBe(LENGTH_PRESETS.medium.max_new_tokens);
    // What the reader saw streamed ('reset' clears it: the output guard dropped a repeat) is the outcome.
    const shown = events.reduce((t, e) => (e.type === 'reset' ? '' : e.type === 'delta' ? t + e.text : t), '');
    expect(shown.trim()).toBe(out.text);
    // All deltas arrive after the last map/reduce progress event.
    const firstDelta = events.findIndex((e) => e.type === 'delta');
    const lastIntermediate = events.map((e) => e.type === 'progress' && (e.stage === 'map' || e.stage === 'reduce')).lastIndexOf(true);
    expect(firstDelta).toBeGreaterThan(lastIntermediate);
  });

  it('shrinks a paper extractively first when it would need too many chunks', async () => {
    const gen = new FakeGenerator(200);
    const events: SummaryEvent[] = [];
    await summarizePaper(paper, { style: 'tldr', length: 'short' }, { generator: gen, onEvent: (e) => events.push(e) });
    const maps = events.filter((e): e is Progress => e.type === 'progress' && e.stage === 'map');
    expect(events.some((e) => e.type === 'progress' && e.stage === 'extract')).toBe(true);
    expect(maps.at(-1)!.total).toBeLessThanOrEqual(12);
  });

  it('reduces repeatedly when the partial summaries do not fit one pass', async () => {
    const gen = new FakeGenerator(60);
    const events: SummaryEvent[] = [];
    await summarizePaper(paper, { style: 'abstract', length: 'short' }, { generator: gen, onEvent: (e) => events.push(e) });
    checkMonotone(events);
    expect(events.some((e) => e.type === 'progress' && e.stage === 'reduce')).toBe(true);
    for (const c of gen.calls) expect(gen.countTokens(c.input)).toBeLessThanOrEqual(60);
  });

  it('abort mid-map returns the partial summaries so far, marked partial', async () => {
    const gen = new FakeGenerator(400);
    const ac = new AbortController();
    gen.beforeCall = (n) => {
      if (n === 3) ac.abort();
    };
    const out = await summarizePaper(paper, { style: 'abstract', length: 'medium' }, { generator: gen, signal: ac.signal });
    expect(out.partial).toBe(true);
    // The fourth call saw an aborted signal; only the three finished chunk summaries are returned.
    expect(out.text.split('\n\n')).toHaveLength(3);
    expect(gen.calls.every((c) => !c.streamed)).toBe(true);
    expect(out.text).toContain(gen.calls[0].input.split(/\s+/).slice(0, 3).join(' '));
  });

  it('abort during the final pass returns the streamed text', async () => {
    const gen = new FakeGenerator(400);
    const ac = new AbortController();
    let deltas = 0;
    const out = await summarizePaper(paper, { style: 'tldr', length: 'long' }, {
      generator: gen,
      signal: ac.signal,
      onEvent: (e) => {
        if (e.type === 'delta' && ++deltas === 5) ac.abort();
      },
    });
    expect(out.partial).toBe(true);
    expect(out.text.split(/\s+/)).toHaveLength(5);
  });

  it.each<SummaryStyle>(['key_points', 'sections', 'lay'])('%s builds on the map results', async (style) => {
    const gen = new FakeGenerator(400);
    const events: SummaryEvent[] = [];
    const out = await summarizePaper(paper, { style, length: 'medium' }, { generator: gen, onEvent: (e) => events.push(e) });
    checkMonotone(events);
    expect(out.partial).toBe(false);
    if (style === 'key_points') {
      const lines = out.text.split('\n');
      expect(lines.every((l) => l.startsWith('- '))).toBe(true);
      expect(new Set(lines).size).toBe(lines.length);
      expect(lines.length).toBeLessThanOrEqual(7);
    }
    if (style === 'sections') {
      expect(out.text).toMatch(/^## Introduction$/m);
      expect(out.text).toMatch(/^## Conclusion$/m);
      expect(out.text).not.toMatch(/^## References$/m);
    }
    if (style === 'lay') expect(out.text).not.toMatch(/\[\d+\]|et al\./);
  });

  it('gives causal models instructions per style', async () => {
    const gen = new FakeGenerator(600, 'causal');
    await summarizePaper(paper, { style: 'lay', length: 'short' }, { generator: gen });
    expect(gen.calls.at(-1)!.input).toMatch(/without a science background/);
    expect(gen.calls[0].input).toMatch(/^Paper: "A Synthetic Study of Neural Methods"/);
  });

  it("lowers the stages' own minimum length to a user's shorter max_new_tokens", async () => {
    const gen = new FakeGenerator(400);
    await summarizePaper(paper, { style: 'abstract', length: 'long', generation: { max_new_tokens: 5 } }, { generator: gen });
    expect(gen.calls.length).toBeGreaterThan(2);
    for (const c of gen.calls) expect(c.options).toMatchObject({ max_new_tokens: 5, min_new_tokens: 5 });
    // A user's own minimum is left alone (the engine reports the contradiction to the user).
    const gen2 = new FakeGenerator(400);
    await summarizePaper(paper, { style: 'tldr', length: 'short', generation: { max_new_tokens: 5, min_new_tokens: 9 } }, { generator: gen2 });
    expect(gen2.calls[0].options.min_new_tokens).toBe(9);
  });

  it('runs a short paper in a single streamed pass', async () => {
    const small = await ingest({ text: syntheticPaper(150) });
    const gen = new FakeGenerator(400);
    await summarizePaper(small, { style: 'tldr', length: 'short' }, { generator: gen });
    expect(gen.calls).toHaveLength(1);
    expect(gen.calls[0].streamed).toBe(true);
  });

  it('keeps what the model wrote, repeats and length, only when the output guard is switched off (the eval measures the guard so)', async () => {
    const small = await ingest({ text: syntheticPaper(150) });
    const looping = 'Plots span every continent. Plots span every continent there is. Data are free to reuse. Plots span all continents.';
    class Scripted extends FakeGenerator {
      override async generate(input: string, options: GenerationOptions, hooks: GenerateHooks = {}) {
        const words = looping.split(' ');
        for (let i = 0; i < words.length && !hooks.signal?.aborted; i++) hooks.onToken?.({ ids: [i], text: (i ? ' ' : '') + words[i], step: i + 1 });
        return { ...(await super.generate(input, options)), text: looping, stopReason: 'eos' as const };
      }
    }
    const guarded = await summarizePaper(small, { style: 'abstract', length: 'short' }, { generator: new Scripted(400) });
    expect(guarded.text).toBe('Plots span every continent. Data are free to reuse.');
    const raw = await summarizePaper(small, { style: 'abstract', length: 'short' }, { generator: new Scripted(400), mapReduce: { outputGuard: false } });
    expect(raw.text).toBe(looping);
  });

  it('a second style of the same paper reuses its map and reduce passes, and a stopped run keeps its finished chunks', async () => {
    const passCache = new PassCache();
    const gen = new FakeGenerator(400, 'causal');
    const first = await summarizePaper(paper, { style: 'key_points', length: 'short' }, { generator: gen, mapReduce: { passCache } });
    expect(first.partial).toBe(false);
    const madeFirst = gen.calls.length;
    expect(madeFirst).toBeGreaterThan(12);
    const events: SummaryEvent[] = [];
    const second = await summarizePaper(paper, { style: 'abstract', length: 'short' }, { generator: gen, mapReduce: { passCache }, onEvent: (e) => events.push(e) });
    // Only the second style's own final pass reached the model; progress still runs through every chunk.
    expect(gen.calls.slice(madeFirst).map((c) => c.streamed)).toEqual([true]);
    expect(passCache.hits).toBe(madeFirst - 1);
    checkMonotone(events);
    // The same text as without the cache.
    const fresh = await summarizePaper(paper, { style: 'abstract', length: 'short' }, { generator: new FakeGenerator(400, 'causal') });
    expect(second.text).toBe(fresh.text);

    // Stopped after three chunks: asked again, those three come from the cache.
    const cache = new PassCache();
    const stopping = new FakeGenerator(400, 'causal');
    const ac = new AbortController();
    stopping.beforeCall = (n) => {
      if (n === 3) ac.abort();
    };
    expect((await summarizePaper(paper, { style: 'abstract', length: 'short' }, { generator: stopping, signal: ac.signal, mapReduce: { passCache: cache } })).partial).toBe(true);
    stopping.beforeCall = undefined;
    const again = await summarizePaper(paper, { style: 'abstract', length: 'short' }, { generator: stopping, mapReduce: { passCache: cache } });
    expect(again.partial).toBe(false);
    expect(cache.hits).toBe(3);
    expect(new Set(stopping.calls.map((c) => c.input)).size).toBe(stopping.calls.length - 1); // only the aborted fourth input was sent twice
  });

  it('reads the body, not the abstract, for every style but the TL;DR, and keeps the abstract in chunks of its own', async () => {
    const small = await ingest({ text: syntheticPaper(3_000) });
    const smallAbstract = small.sections.find((x) => x.kind === 'abstract')!.text.split(/(?<=\.)\s/)[0];
    for (const style of ['key_points', 'abstract', 'lay', 'sections'] as SummaryStyle[]) {
      const gen = new FakeGenerator(400, 'causal');
      await summarizePaper(small, { style, length: 'short' }, { generator: gen });
      expect(gen.calls.some((c) => c.input.includes(smallAbstract)), style).toBe(false);
    }
    expect(smallAbstract.length).toBeGreaterThan(20);
    // TL;DR reads the abstract, in chunks that hold nothing else; the body's map passes are those key points made.
    const passCache = new PassCache();
    const gen = new FakeGenerator(400, 'causal');
    await summarizePaper(small, { style: 'key_points', length: 'short' }, { generator: gen, mapReduce: { passCache } });
    const bodyMaps = gen.calls.filter((c) => c.input.startsWith('Paper') && c.input.includes('part of a scientific paper')).length;
    const made = gen.calls.length;
    await summarizePaper(small, { style: 'tldr', length: 'short' }, { generator: gen, mapReduce: { passCache } });
    const newMaps = gen.calls.slice(made).filter((c) => c.input.includes('part of a scientific paper'));
    expect(newMaps.length).toBeGreaterThan(0);
    for (const c of newMaps) expect(c.input).toContain(smallAbstract.slice(0, 30));
    expect(passCache.hits).toBeGreaterThanOrEqual(bodyMaps);
  });
});
