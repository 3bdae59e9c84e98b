// Long feeds to a decoder-only graph go in pieces (PREFILL_PIECE), so a prompt never needs
// prompt x vocabulary logits at once: on the tiny Qwen2 fixture, pieces give the logits of one
// whole run, no run sees more than a piece, and a WebGPU -> WASM rebuild of a long history does too.
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, maxAbsDiff, ort } from '../../test/support/engine';
import { Backbone } from './backbone';
import { CausalRunner, PREFILL_PIECE } from './causal';
import { parseModelSpec, type CausalSpec } from './config';
import { readJson, readOptionalJson, resolveLayout } from './modelFolder';
import type { OrtFeeds } from './ort';
import { ResilientStepModel, type FallbackHost } from './fallback';
import { decode } from './generation/decode';
import { Runtime, type FaultInjection, type ModelSession } from './session';
import type { FloatType } from './tensors';

const TOL = 1e-4;
const opened: Backbone[] = [];
afterAll(() => Promise.all(opened.map((b) => b.dispose())));

async function qwen(backend: 'wasm' | 'webgpu' = 'wasm', fault?: FaultInjection) {
  const source = fixture('tiny-qwen2');
  const spec = parseModelSpec(source.id, await readJson(source, 'config.json'), await readOptionalJson(source, 'generation_config.json')) as CausalSpec;
  const layout = await resolveLayout(source, spec.kind, 'fp32');
  // 'webgpu' here is the WASM provider under the WebGPU name, so an injected fault can fail it.
  const runtime = new Runtime({ ort, backend, source, executionProviders: { webgpu: ['wasm'] }, fault });
  const backbone = await Backbone.create(runtime, spec, layout, 'fp32');
  opened.push(backbone);
  const inner = backbone as unknown as { sessions: ModelSession[]; floatType: FloatType };
  return { spec, runtime, backbone, session: inner.sessions[0], floatType: inner.floatType };
}

/** Records the sequence length of every run of `session` while `body` runs. */
async function runLengths(session: ModelSession, body: () => Promise<void>): Promise<number[]> {
  const seen: number[] = [];
  const run = session.run.bind(session);
  session.run = (feeds: OrtFeeds, fetches?: string[]) => {
    seen.push(feeds.input_ids.dims[1]);
    return run(feeds, fetches);
  };
  try {
    await body();
  } finally {
    session.run = run;
  }
  return seen;
}

describe('decoder-only prefill in pieces', () => {
  it('gives the logits of one whole run, and no run sees more than a piece', async () => {
    const { spec, runtime, session, floatType } = await qwen();
    const prompt = Array.from({ length: 2 * PREFILL_PIECE + 88 }, (_, i) => (i * 37 + 11) % (spec.vocabSize! - 10));

    const whole = new CausalRunner(runtime, session, spec, floatType, Infinity);
    const want = [(await whole.step([prompt], null))[0], (await whole.step([[5]], [0]))[0]];
    whole.dispose();

    const pieces = new CausalRunner(runtime, session, spec, floatType);
    const got: Float32Array[] = [];
    const lengths = await runLengths(session, async () => {
      got.push((await pieces.step([prompt], null))[0]);
      got.push((await pieces.step([[5]], [0]))[0]);
    });
    pieces.dispose();
    expect(lengths).toEqual([PREFILL_PIECE, 88, PREFILL_PIECE, 1]);
    expect(maxAbsDiff(got[0], want[0])).toBeLessThan(TOL);
    expect(maxAbsDiff(got[1], want[1])).toBeLessThan(TOL);
  });

  it('a verify (every position wanted) is not cut: its drafts are few', async () => {
    const { spec, runtime, session, floatType } = await qwen();
    const runner = new CausalRunner(runtime, session, spec, floatType, 4);
    const lengths = await runLengths(session, async () => {
      await runner.step([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], null);
      expect(await runner.stepAll([[11, 12, 13, 14, 15, 16]], [0])).toHaveLength(6);
    });
    runner.dispose();
    expect(lengths).toEqual([4, 2, 4, 6]);
  });

  it.each([4, 6])('a WebGPU failure at run %i after a long prompt rebuilds on WASM in pieces, with the same tokens', async (failAtRun) => {
    const wasm = await qwen();
    const gpu = await qwen('webgpu', { failAtRun, message: 'GPUDevice lost (injected)' });
    const start = Array.from({ length: PREFILL_PIECE + 40 }, (_, i) => (i * 53 + 7) % (wasm.spec.vocabSize! - 10));
    const go = (model: Parameters<typeof decode>[0]['model']) =>
      decode({ model, start, countedStartLength: start.length, options: { max_new_tokens: 6, min_new_tokens: 6 }, special: { eosTokenIds: [1] } });
    const plainRunner = await wasm.backbone.startRunner([]);
    const plain = await go(plainRunner);
    plainRunner.dispose();

    let current = gpu.backbone;
    const host: FallbackHost = { current: () => current, fallBack: async () => (current = wasm.backbone) };
    const model = await ResilientStepModel.start(host, [], wasm.spec.vocabSize!);
    let res: Awaited<ReturnType<typeof go>> | undefined;
    const lengths = await runLengths(wasm.session, async () => {
      res = await go(model);
    });
    model.dispose();
    expect(model.fellBack?.reason).toContain('GPUDevice lost (injected)');
    expect(res!.sequences[0].ids).toEqual(plain.sequences[0].ids);
    // The rebuild fed the whole history again, never more than a piece at a time.
    expect(Math.max(...lengths)).toBeLessThanOrEqual(PREFILL_PIECE);
    expect(lengths.reduce((a, b) => a + b, 0)).toBeGreaterThan(PREFILL_PIECE);
  });
});
