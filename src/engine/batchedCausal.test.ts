// Batched decoding (generateBatch) gives every input the tokens it gets alone: prompts of
// different lengths padded in the middle, rows that stop early dropped, the shared prompt prefix
// reused between calls. On the tiny fixtures and on the real SmolLM2-135M-Instruct (fp32 and q8).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirSource } from '../../test/support/dirSource';
import { ort } from '../../test/support/engine';
import { sharedPrefixLength } from './batchedCausal';
import { loadModel, type LoadedModel } from './load';
import type { GenerationOptions } from './types';

const ROOT = resolve(import.meta.dirname, '../..');
const SMOL = resolve(ROOT, 'models/local/smollm2-135m-instruct');
const opened: LoadedModel[] = [];
afterAll(() => Promise.all(opened.map((m) => m.dispose())));

async function load(dir: string, dtype: 'fp32' | 'q8' | 'q4' = 'fp32'): Promise<LoadedModel> {
  const m = await loadModel(new DirSource(dir), { ort, backend: 'wasm', dtype });
  opened.push(m);
  return m;
}

const CHUNKS = [
  'Markov chain Monte Carlo methods draw samples from a posterior distribution. The affine-invariant ensemble sampler moves a set of walkers together.',
  'We fit the light curve of a transiting exoplanet with a Gaussian process.',
  'The sampler needs no tuning of a proposal scale: it adapts to the shape of the target density, which makes it robust for badly scaled problems in astronomy and elsewhere. Its cost per step is linear in the number of walkers.',
];
const instruct = (t: string) => `Summarize the following part of a scientific paper in 3 to 5 sentences.\n\n${t}`;

async function compare(m: LoadedModel, inputs: string[], opts: GenerationOptions) {
  const single = [];
  for (const s of inputs) single.push(await m.generate(s, opts));
  const batched = await m.generateBatch!(inputs, opts);
  return { alone: single.map((r) => r.ids), texts: single.map((r) => r.text), batched };
}

describe('sharedPrefixLength', () => {
  it('is the common prefix, leaving a token in every row', () => {
    expect(sharedPrefixLength([[1, 2, 3, 4], [1, 2, 5]])).toBe(2);
    expect(sharedPrefixLength([[1, 2, 3], [1, 2, 3]])).toBe(2);
    expect(sharedPrefixLength([[7], [7, 8]])).toBe(0);
    expect(sharedPrefixLength([[1, 2], [3, 2]])).toBe(0);
  });
});

describe('generateBatch on the fixtures', () => {
  for (const dir of ['models/fixtures/tiny-qwen2', 'models/optimum/tiny-llama']) {
    it(`${dir}: same tokens as one by one, prompts of different lengths`, async () => {
      const m = await load(resolve(ROOT, dir));
      const inputs = CHUNKS.map(instruct);
      const { alone, batched } = await compare(m, inputs, { max_new_tokens: 12, do_sample: false, num_beams: 1 });
      expect(batched.map((r) => r.ids)).toEqual(alone);
      expect(batched[0].timings.batchRows).toBe(3);
    }, 60_000);
  }

  it('falls back to one by one for beam search, and with batch: false', async () => {
    const m = await load(resolve(ROOT, 'models/fixtures/tiny-qwen2'));
    const inputs = CHUNKS.slice(0, 2).map(instruct);
    const beams = await m.generateBatch!(inputs, { max_new_tokens: 4, num_beams: 2 });
    expect(beams.every((r) => r.timings.batchRows === undefined)).toBe(true);
    const off = await m.generateBatch!(inputs, { max_new_tokens: 4, do_sample: false }, { batch: false });
    expect(off.every((r) => r.timings.batchRows === undefined && r.ids.length === 4)).toBe(true);
  }, 60_000);
});

describe.runIf(existsSync(resolve(SMOL, 'onnx/model.onnx')))('generateBatch on SmolLM2-135M-Instruct', () => {
  it('q8 is not batched (its activation scale is per tensor): one by one, same tokens', async () => {
    const m = await load(SMOL, 'q8');
    const inputs = CHUNKS.slice(0, 2).map(instruct);
    const opts = { max_new_tokens: 8, do_sample: false };
    const { alone, batched } = await compare(m, inputs, opts);
    expect(batched.map((r) => r.ids)).toEqual(alone);
    expect(batched.every((r) => r.timings.batchRows === undefined)).toBe(true);
  }, 300_000);

  for (const dtype of ['fp32', 'q4'] as const) {
    it(`${dtype}: same tokens per chunk as unbatched, prefix reused on the next call`, async () => {
      const m = await load(SMOL, dtype);
      const inputs = CHUNKS.map(instruct);
      const opts = { max_new_tokens: 24, min_new_tokens: 4, do_sample: false };
      const { alone, texts, batched } = await compare(m, inputs, opts);
      expect(batched.map((r) => r.ids)).toEqual(alone);
      expect(batched.map((r) => r.text)).toEqual(texts);
      const again = await m.generateBatch!(inputs.slice(0, 2), opts);
      expect(again.map((r) => r.ids)).toEqual(alone.slice(0, 2));
      expect(again[0].timings.prefixTokensReused).toBeGreaterThan(20);
    }, 300_000);
  }
});
