// The worker's ask and extract requests, through the controller, with the real retrieval and
// answer pipeline and a fake model.
import { describe, expect, it } from 'vitest';
import type { GenerationResult, TextGenerator } from '../engine/types';
import { askPaper } from '../pipeline/ask/askPaper';
import { structureText } from '../pipeline/structure';
import { WorkerController, type WorkerDeps } from './controller';
import type { WorkerEvent } from './protocol';
import { RetrieverCache, paperKey } from './retrievers';

const paper = structureText(
  `Lakes

1 Methods

Loggers were placed at two metres depth in forty alpine lakes. Readings were taken hourly.

2 Results

The mean summer temperature rose by 0.8 degrees per decade. Ice cover ended eleven days earlier.
`,
  { source: 'paste' },
);

function causal(words: string[], gate?: () => Promise<void>): TextGenerator {
  return {
    kind: 'causal',
    backend: 'wasm',
    maxInputTokens: 2048,
    defaults: {},
    countTokens: (t) => t.split(/\s+/).length,
    async generate(_i, _o, hooks = {}): Promise<GenerationResult> {
      let text = '';
      for (const [i, w] of words.entries()) {
        await gate?.();
        if (hooks.signal?.aborted) break;
        text += w;
        hooks.onToken?.({ ids: [i], text: w, step: i + 1 });
      }
      const stopReason = hooks.signal?.aborted ? 'aborted' : 'eos';
      return { ids: [], text, sequences: [], stopReason, timings: { encodeMs: 0, firstTokenMs: 0, totalMs: 0, newTokens: 0, tokensPerSecond: 0 }, backend: 'wasm' };
    },
    dispose: async () => {},
  };
}

function setup(generator?: TextGenerator) {
  const events: WorkerEvent[] = [];
  const cache = new RetrieverCache();
  const deps: WorkerDeps = {
    loadModel: async () => generator!,
    ingest: async () => paper,
    summarize: () => Promise.reject(new Error('unused')),
    ask: async (p, q, hooks) => askPaper(p, q, { ...hooks, retriever: await cache.get(p) }),
    extract: () => Promise.reject(new Error('unused')),
    runtime: async () => ({ threads: 2, crossOriginIsolated: true, webgpuAvailable: false }),
    now: () => 0,
    deltaIntervalMs: 0,
    progressIntervalMs: 0,
  };
  return { c: new WorkerController(deps, (e) => events.push(e)), events };
}

const ask = (id: number, question: string, extractive = false) => ({ type: 'ask' as const, id, paper, question, history: [], generation: {}, extractive, deltaIntervalMs: 0 });

describe('ask requests', () => {
  it('answers with quoted passages when no model is loaded', async () => {
    const { c, events } = setup();
    await c.handle(ask(1, 'How much did the summer temperature rise?'));
    const done = events.find((e) => e.type === 'ask-done');
    expect(done).toMatchObject({ type: 'ask-done', id: 1, backend: null, answer: { kind: 'quoted' } });
    expect(events.some((e) => e.type === 'ask-progress')).toBe(true);
    expect(events.filter((e) => e.type === 'ask-delta').map((e) => (e as { text: string }).text).join('')).toContain('0.8 degrees');
  });

  it('streams a model answer and reports the backend it ran on', async () => {
    const { c, events } = setup(causal(['It rose ', 'by 0.8 degrees ', 'per decade [1].']));
    await c.handle({ type: 'load-model', id: 1, modelId: 'm', location: { kind: 'same-origin', path: 'm' }, backend: 'wasm' });
    await c.handle(ask(2, 'How much did the summer temperature rise?'));
    const deltas = events.filter((e) => e.type === 'ask-delta' && e.id === 2).map((e) => (e as { text: string }).text);
    expect(deltas.join('')).toBe('It rose by 0.8 degrees per decade [1].');
    expect(events.at(-1)).toMatchObject({ type: 'ask-done', backend: 'wasm', answer: { kind: 'generated', modelId: 'm', citations: [{ n: 1 }] } });
  });

  it('quotes when asked to, even with a model loaded', async () => {
    const { c, events } = setup(causal(['unused']));
    await c.handle({ type: 'load-model', id: 1, modelId: 'm', location: { kind: 'same-origin', path: 'm' }, backend: 'wasm' });
    await c.handle(ask(2, 'How much did the summer temperature rise?', true));
    expect(events.at(-1)).toMatchObject({ type: 'ask-done', answer: { kind: 'quoted' } });
  });

  it('keeps a stopped answer as partial', async () => {
    let release!: () => void;
    const gates: Promise<void>[] = [Promise.resolve(), new Promise((r) => (release = r))];
    let n = 0;
    const { c, events } = setup(causal(['It rose ', 'by 0.8.'], () => gates[n++] ?? Promise.resolve()));
    await c.handle({ type: 'load-model', id: 1, modelId: 'm', location: { kind: 'same-origin', path: 'm' }, backend: 'wasm' });
    const running = c.handle(ask(2, 'How much did the summer temperature rise?'));
    await new Promise((r) => setTimeout(r, 10));
    await c.handle({ type: 'cancel', id: 3, target: 2 });
    release();
    await running;
    expect(events.at(-1)).toMatchObject({ type: 'ask-done', answer: { partial: true, text: expect.stringMatching(/^It rose/) } });
  });

  it('says in words what is wrong with an empty question', async () => {
    const { c, events } = setup();
    await c.handle(ask(1, '  '));
    expect(events.at(-1)).toMatchObject({ type: 'error', id: 1, request: 'ask', key: 'ask.empty-question' });
  });
});

describe('RetrieverCache', () => {
  it('indexes a paper once for its follow-up questions and again when the paper changes', async () => {
    const cache = new RetrieverCache();
    const a = await cache.get(structuredClone(paper));
    expect(await cache.get(structuredClone(paper))).toBe(a);
    const other = structuredClone(paper);
    other.sections[1].text += ' More.';
    expect(paperKey(other)).not.toBe(paperKey(paper));
    expect(await cache.get(other)).not.toBe(a);
  });
});
