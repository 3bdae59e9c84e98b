import { describe, expect, it } from 'vitest';
import type { GenerationResult, TextGenerator } from '../engine/types';
import type { Paper, SummaryOutcome } from '../pipeline/types';
import { WorkerController, type WorkerDeps } from './controller';
import type { WorkerEvent } from './protocol';

const paper: Paper = {
  title: 'T',
  sections: [{ title: 'Intro', level: 1, text: 'a b c', wordCount: 3, kind: 'body' }],
  wordCount: 3,
  source: 'paste',
  warnings: [],
};

/** A generator that emits `words` one token at a time, waiting for `gate` between tokens. */
function fakeGenerator(words: string[], opts: { fellBackAt?: number; gate?: () => Promise<void> } = {}): TextGenerator {
  let backend: 'webgpu' | 'wasm' = 'webgpu';
  return {
    kind: 'seq2seq',
    get backend() {
      return backend;
    },
    maxInputTokens: 512,
    defaults: { num_beams: 4 },
    countTokens: (t) => t.split(' ').length,
    async generate(_input, _o, hooks = {}): Promise<GenerationResult> {
      let text = '';
      let fellBack: GenerationResult['fellBack'];
      for (const [i, w] of words.entries()) {
        if (hooks.signal?.aborted) break;
        if (opts.fellBackAt === i) {
          backend = 'wasm';
          fellBack = { from: 'webgpu', reason: 'injected' };
        }
        await opts.gate?.();
        if (hooks.signal?.aborted) break;
        text += w;
        hooks.onToken?.({ ids: [i], text: w, step: i + 1 });
      }
      return {
        ids: [],
        text,
        sequences: [],
        stopReason: hooks.signal?.aborted ? 'aborted' : 'eos',
        timings: { encodeMs: 1, firstTokenMs: 2, totalMs: 10, newTokens: words.length, tokensPerSecond: 100 },
        backend,
        fellBack,
      };
    },
    dispose: async () => {},
  };
}

function setup(generator?: TextGenerator, summarize?: WorkerDeps['summarize']) {
  const events: WorkerEvent[] = [];
  let t = 0;
  const deps: WorkerDeps = {
    loadModel: async (_req, hooks) => {
      hooks.onProgress({ path: 'encoder.onnx', loaded: 50, total: 100 });
      hooks.onProgress({ path: 'encoder.onnx', loaded: 100, total: 100 });
      if (!generator) throw new Error('boom');
      return generator;
    },
    ingest: async () => paper,
    // The pipeline's contract: stream generator tokens as deltas, return the whole text.
    summarize:
      summarize ??
      (async (_p, req, hooks) => {
        let text = '';
        if (hooks.generator) {
          const r = await hooks.generator.generate('x', {}, { signal: hooks.signal, onToken: (ev) => hooks.onEvent({ type: 'delta', text: ev.text }) });
          text = r.text;
        }
        return { text, kind: hooks.generator ? 'abstractive' : 'extractive', style: req.style, length: req.length, partial: hooks.signal.aborted } satisfies SummaryOutcome;
      }),
    ask: () => Promise.reject(new Error('not asked in these tests')),
    extract: () => Promise.reject(new Error('not asked in these tests')),
    runtime: async () => ({ threads: 4, crossOriginIsolated: true, webgpuAvailable: true }),
    now: () => (t += 5),
    deltaIntervalMs: 1,
    progressIntervalMs: 0,
  };
  const c = new WorkerController(deps, (ev) => events.push(ev));
  return { c, events };
}

const summarizeReq = { type: 'summarize' as const, id: 2, paper, style: 'tldr' as const, length: 'short' as const, sectionIndexes: [0], generation: {} };

describe('WorkerController', () => {
  it('loads a model with progress and reports its status', async () => {
    const { c, events } = setup(fakeGenerator(['a']));
    await c.handle({ type: 'load-model', id: 1, modelId: 'm', location: { kind: 'same-origin', path: 'm' }, backend: 'auto' });
    const progress = events.filter((e) => e.type === 'load-progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ loaded: 100, total: 100 });
    const loaded = events.find((e) => e.type === 'loaded');
    expect(loaded).toMatchObject({ status: { backend: 'webgpu', modelId: 'm', threads: 4, fellBack: null, modelDefaults: { num_beams: 4 } } });
  });

  it('says in words why a model failed to load', async () => {
    const { c, events } = setup(undefined);
    await c.handle({ type: 'load-model', id: 1, modelId: 'm', location: { kind: 'same-origin', path: 'm' }, backend: 'auto' });
    expect(events.at(-1)).toMatchObject({ type: 'error', id: 1, message: 'Loading the model m failed: boom' });
  });

  it('answers a cancel at once even while the loader ignores its signal', async () => {
    const { c, events } = setup(fakeGenerator(['a']));
    let disposed = false;
    let finish!: (g: TextGenerator) => void;
    (c as unknown as { deps: WorkerDeps }).deps.loadModel = () => new Promise((r) => (finish = r));
    const load = c.handle({ type: 'load-model', id: 1, modelId: 'm', location: { kind: 'same-origin', path: 'm' }, backend: 'auto' });
    await c.handle({ type: 'cancel', id: 2, target: 1 });
    await load;
    expect(events.at(-1)).toEqual({ type: 'cancelled', id: 1 });
    finish({ ...fakeGenerator(['a']), dispose: async () => void (disposed = true) });
    await new Promise((r) => setTimeout(r, 0));
    expect(disposed).toBe(true);
    expect((await c.status()).modelId).toBeNull();
  });

  it('streams every token as batched deltas whose concatenation is the final text', async () => {
    const words = ['The', ' model', ' works', ' well', '.'];
    const { c, events } = setup(fakeGenerator(words));
    await c.handle({ type: 'load-model', id: 1, modelId: 'm', location: { kind: 'same-origin', path: 'm' }, backend: 'auto' });
    await c.handle(summarizeReq);
    const deltas = events.filter((e) => e.type === 'summary-delta');
    const done = events.find((e) => e.type === 'summary-done');
    expect(deltas.map((d) => d.text).join('')).toBe('The model works well.');
    expect(deltas.reduce((n, d) => n + d.tokens, 0)).toBe(words.length);
    expect(done).toMatchObject({ text: 'The model works well.', kind: 'abstractive', partial: false, backend: 'webgpu', fellBack: null });
    if (done?.type === 'summary-done') expect(done.stats.timings?.newTokens).toBe(words.length);
  });

  it('keeps the text written so far when cancelled', async () => {
    let release!: () => void;
    let count = 0;
    const gate = () => (count++ < 2 ? Promise.resolve() : new Promise<void>((r) => (release = r)));
    const { c, events } = setup(fakeGenerator(['one', ' two', ' three', ' four'], { gate }));
    await c.handle({ type: 'load-model', id: 1, modelId: 'm', location: { kind: 'same-origin', path: 'm' }, backend: 'auto' });
    const run = c.handle(summarizeReq);
    await new Promise((r) => setTimeout(r, 20));
    await c.handle({ type: 'cancel', id: 3, target: 2 });
    release();
    await run;
    const done = events.find((e) => e.type === 'summary-done');
    expect(done).toMatchObject({ partial: true, kind: 'abstractive' });
    if (done?.type === 'summary-done') expect(done.text).toBe('one two');
  });

  it('reports a mid-run WebGPU fallback in the summary and the status', async () => {
    const { c, events } = setup(fakeGenerator(['a', 'b', 'c'], { fellBackAt: 1 }));
    await c.handle({ type: 'load-model', id: 1, modelId: 'm', location: { kind: 'same-origin', path: 'm' }, backend: 'webgpu' });
    await c.handle(summarizeReq);
    expect(events.find((e) => e.type === 'summary-done')).toMatchObject({ text: 'abc', backend: 'wasm', fellBack: { from: 'webgpu', reason: 'injected' } });
    expect(events.at(-1)).toMatchObject({ type: 'status', status: { backend: 'wasm', fellBack: { from: 'webgpu' } } });
  });

  it('tells a WASM load apart from a mid-run fallback', async () => {
    const g = fakeGenerator(['a', 'b']);
    const onWasm = { ...g, backend: 'wasm' as const, generate: g.generate, notes: ['Using WASM: no WebGPU adapter is available.'] };
    const { c, events } = setup(onWasm);
    await c.handle({ type: 'load-model', id: 1, modelId: 'm', location: { kind: 'same-origin', path: 'm' }, backend: 'auto' });
    expect(events.find((e) => e.type === 'loaded')).toMatchObject({
      status: { backend: 'wasm', fellBack: null, webgpuSkipped: 'Using WASM: no WebGPU adapter is available.' },
    });
    await c.handle(summarizeReq);
    expect(events.find((e) => e.type === 'summary-done')).toMatchObject({ fellBack: null });
  });

  it('keeps a mid-run fallback in the status for later summaries, but not in their results', async () => {
    const { c, events } = setup(fakeGenerator(['a', 'b', 'c'], { fellBackAt: 1 }));
    await c.handle({ type: 'load-model', id: 1, modelId: 'm', location: { kind: 'same-origin', path: 'm' }, backend: 'webgpu' });
    await c.handle(summarizeReq);
    await c.handle({ ...summarizeReq, id: 5 });
    expect(events.find((e) => e.type === 'summary-done' && e.id === 5)).toMatchObject({ backend: 'wasm' });
    expect(await c.status()).toMatchObject({ fellBack: { from: 'webgpu', reason: 'injected' }, webgpuSkipped: null });
  });

  it('uses the extractive summarizer when asked, even with a model loaded', async () => {
    const { c, events } = setup(fakeGenerator(['x']));
    await c.handle({ type: 'load-model', id: 1, modelId: 'm', location: { kind: 'same-origin', path: 'm' }, backend: 'auto' });
    await c.handle({ ...summarizeReq, extractive: true });
    expect(events.find((e) => e.type === 'summary-done')).toMatchObject({ kind: 'extractive', backend: null });
  });

  it('turns a summarizer failure into an error event', async () => {
    const { c, events } = setup(undefined, async () => {
      throw new Error('the paper has no sentences');
    });
    await c.handle(summarizeReq);
    expect(events.at(-1)).toMatchObject({ type: 'error', id: 2, request: 'summarize', message: 'Summarizing failed: the paper has no sentences' });
  });
});

describe('plain error messages', () => {
  it('name the model and the file for model file errors', async () => {
    const { describeError } = await import('./plainErrors');
    const { ModelFileError } = await import('../engine/types');
    const e = new ModelFileError('https://hub/x', 'onnx/encoder_model.onnx', 'the server answered 404.');
    expect(describeError(e, { key: 'load', name: 'x' }).message).toBe('Loading the model x failed: onnx/encoder_model.onnx: the server answered 404.');
  });
});
