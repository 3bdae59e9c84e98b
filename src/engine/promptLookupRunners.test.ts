// The runners' side of prompt-lookup decoding, on the real fixture graphs: a k-token verify run
// gives the logits of k single steps, a rollback forgets positions exactly, and decoding with
// drafts gives plain greedy's tokens with fewer decoder runs, also across a WebGPU -> WASM
// fallback in the middle of a verify.
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, maxAbsDiff, ort } from '../../test/support/engine';
import { Backbone } from './backbone';
import { parseDefaults, parseModelSpec, type ModelSpec } from './config';
import { loadModel } from './load';
import { ResilientStepModel, type FallbackHost } from './fallback';
import type { GenerationOptions } from './types';
import { decode } from './generation/decode';
import { readJson, readOptionalJson, resolveLayout } from './modelFolder';
import { Runtime, type FaultInjection } from './session';

const TOL = 1e-4;
const opened: Backbone[] = [];
afterAll(async () => {
  await Promise.all(opened.map((b) => b.dispose()));
});

async function backboneOf(name: string, backend: 'wasm' | 'webgpu' = 'wasm', fault?: FaultInjection) {
  const source = fixture(name);
  const spec = parseModelSpec(source.id, await readJson(source, 'config.json'), await readOptionalJson(source, 'generation_config.json'));
  const layout = await resolveLayout(source, spec.kind, 'fp32');
  const runtime = new Runtime({ ort, backend, source, executionProviders: { webgpu: ['wasm'] }, fault });
  const backbone = await Backbone.create(runtime, spec, layout, 'fp32');
  opened.push(backbone);
  return { spec, backbone };
}

function inputs(spec: ModelSpec): { enc: number[]; start: number[] } {
  const prompt = [5, 17, 42, 99, 7, 300, 12, 64, 8, 2 + (spec.vocabSize! >> 1)];
  return spec.kind === 'seq2seq'
    ? { enc: [...prompt, spec.decoderStartTokenId === 0 ? 1 : 2], start: [spec.decoderStartTokenId] }
    : { enc: [], start: prompt };
}

const FAMILIES = ['tiny-bart', 'tiny-bart-split', 'tiny-t5', 'tiny-qwen2'];

describe.each(FAMILIES)('%s runner', (name) => {
  it('a k-token verify run gives the logits of k single steps, and rollback forgets exactly', async () => {
    const { spec, backbone } = await backboneOf(name);
    const { enc, start } = inputs(spec);
    const fed = [31, 7, 120, 9, 64, 3];
    // Reference: one token per step.
    const single = await backbone.startRunner(enc);
    await single.step([start], null);
    const want: Float32Array[] = [];
    for (const t of fed) want.push((await single.step([[t]], [0]))[0]);
    single.dispose();

    const verify = await backbone.startRunner(enc);
    // Seq2seq runners never offer verification (Optimum traces the with-past decoder with one
    // token), but their multi-token path is still checked here on the fixtures, which take several.
    expect(verify.canVerify).toBe(name === 'tiny-qwen2');
    if (name === 'tiny-bart-split') return verify.dispose();
    await verify.step([start], null);
    await verify.step([[fed[0]]], [0]);
    const got = await verify.stepAll([fed.slice(1)], [0]);
    expect(got).toHaveLength(fed.length - 1);
    for (let i = 0; i < got.length; i++) expect(maxAbsDiff(got[i], want[i + 1])).toBeLessThan(TOL);
    // Drop the last 3 positions (120 was accepted, 9, 64, 3 rejected) and go on from there.
    await verify.rollback(3);
    const [again] = await verify.step([[9]], [0]);
    expect(maxAbsDiff(again, want[3])).toBeLessThan(TOL);
    const rest = await verify.stepAll([[64, 3]], [0]);
    expect(maxAbsDiff(rest[0], want[4])).toBeLessThan(TOL);
    expect(maxAbsDiff(rest[1], want[5])).toBeLessThan(TOL);
    // A rollback cannot drop more than is cached.
    await expect(verify.rollback(100)).rejects.toThrow(RangeError);
    verify.dispose();
  });

  it('decoding with right drafts gives plain greedy with fewer decoder runs; wrong drafts change nothing', async () => {
    const { spec, backbone } = await backboneOf(name);
    const { enc, start } = inputs(spec);
    const special = { eosTokenIds: [spec.kind === 'seq2seq' ? 2 : 1] };
    const go = async (options: GenerationOptions, lookupSource?: number[]) => {
      const runner = await backbone.startRunner(enc);
      try {
        const ids: number[] = [];
        const res = await decode({
          model: runner,
          start,
          countedStartLength: spec.kind === 'seq2seq' ? 1 : start.length,
          options: { max_new_tokens: 24, min_new_tokens: 24, ...options },
          special,
          lookupSource,
          onToken: (e) => ids.push(...e.ids),
        });
        expect(ids).toEqual(res.sequences[0].ids);
        return res;
      } finally {
        runner.dispose();
      }
    };
    for (const procs of [{}, { no_repeat_ngram_size: 3, repetition_penalty: 1.3 }]) {
      const plain = await go({ ...procs, prompt_lookup_num_tokens: 0 });
      expect(plain.stats!.decoderRuns).toBe(24);
      const out = plain.sequences[0].ids;
      const oracle = await go({ ...procs, prompt_lookup_num_tokens: 6 }, [...start, ...out]);
      expect(oracle.sequences[0].ids).toEqual(out);
      const { acceptedTokens, decoderRuns, draftedTokens } = oracle.stats!;
      expect(decoderRuns).toBe(24 - acceptedTokens);
      if (name !== 'tiny-qwen2') {
        expect(draftedTokens).toBe(0);
        continue;
      }
      // Random-weight fixtures repeat themselves, so the latest match is not always the right
      // continuation; still most runs are saved.
      expect(decoderRuns).toBeLessThanOrEqual(16);
      const wrong = await go({ ...procs, prompt_lookup_num_tokens: 4 }, out.flatMap((t) => [t, (t + 1) % spec.vocabSize!]));
      expect(wrong.sequences[0].ids).toEqual(out);
      expect(wrong.stats!.draftedTokens).toBeGreaterThan(0);
      // eslint-disable-next-line no-console
      if (process.env.PL_VERBOSE) console.log(name, procs, oracle.stats, wrong.stats);
    }
  });
});

describe.each([
  ['tiny-qwen2', 3],
  ['tiny-qwen2', 4],
  ['tiny-qwen2', 6],
] as const)('%s failing at webgpu run %i during prompt-lookup decoding', (name, failAtRun) => {
  it('continues on WASM with plain greedy tokens', async () => {
    const wasm = await backboneOf(name);
    const gpu = await backboneOf(name, 'webgpu', { failAtRun, message: 'GPUDevice lost (injected)' });
    const { enc, start } = inputs(wasm.spec);
    const special = { eosTokenIds: [wasm.spec.kind === 'seq2seq' ? 2 : 1] };
    const options = { max_new_tokens: 20, min_new_tokens: 20 };
    const countedStartLength = wasm.spec.kind === 'seq2seq' ? 1 : start.length;
    const plainRunner = await wasm.backbone.startRunner(enc);
    const plain = await decode({ model: plainRunner, start, countedStartLength, options, special });
    plainRunner.dispose();
    const out = plain.sequences[0].ids;

    let current = gpu.backbone;
    const host: FallbackHost = {
      current: () => current,
      fallBack: async () => (current = wasm.backbone),
    };
    const model = await ResilientStepModel.start(host, enc, wasm.spec.vocabSize!);
    // Drafts half right: verifies accept some and reject some, so rollbacks happen too.
    const source = [...start, ...out.map((t, i) => (i % 5 === 4 ? (t + 1) % wasm.spec.vocabSize! : t))];
    const res = await decode({ model, start, countedStartLength, options: { ...options, prompt_lookup_num_tokens: 5 }, special, lookupSource: source });
    model.dispose();
    expect(model.fellBack?.reason).toContain('GPUDevice lost (injected)');
    expect(res.sequences[0].ids).toEqual(out);
    expect(res.stats!.acceptedTokens).toBeGreaterThan(0);
  });
});

describe('prompt lookup through generate()', () => {
  it('is an option (or a generation_config.json default) that keeps the text and reports its counters', async () => {
    expect(parseDefaults({}, { prompt_lookup_num_tokens: 5, num_beams: 1 }, 'seq2seq')).toEqual({ prompt_lookup_num_tokens: 5, num_beams: 1 });
    // The input repeats itself, so drafts are proposed from it.
    const text = 'The model reads the paper. The model reads the paper. The model reads the paper again.';
    for (const name of ['tiny-bart', 'tiny-qwen2']) {
      const m = await loadModel(fixture(name), { ort, backend: 'wasm', dtype: 'fp32' });
      try {
        const opts = { max_new_tokens: 20, min_new_tokens: 20, num_beams: 1, do_sample: false };
        const off = await m.generate(text, { ...opts, prompt_lookup_num_tokens: 0 });
        const on = await m.generate(text, { ...opts, prompt_lookup_num_tokens: 4 });
        expect(on.ids).toEqual(off.ids);
        expect(on.text).toBe(off.text);
        expect(off.timings).toMatchObject({ decoderRuns: 20, draftedTokens: 0, acceptedTokens: 0 });
        // Seq2seq models accept the option and decode plain greedy (no verification there).
        if (name === 'tiny-bart') {
          expect(on.timings.draftedTokens).toBe(0);
          continue;
        }
        expect(on.timings.draftedTokens).toBeGreaterThan(0);
        expect(on.timings.decoderRuns).toBe(20 - on.timings.acceptedTokens!);
      } finally {
        await m.dispose();
      }
    }
  });
});
