// Every dtype users download, on the graphs Optimum and the transformers.js recipe make: each loads
// and decodes on WASM without the NaN guard having to step in, and its greedy tokens are compared
// with fp32's, teacher-forced (the same prefix, is the argmax the same?) so one early difference
// does not hide the rest. The agreement is printed and written to test-results/dtype-agreement-wasm.json;
// for the real SmolLM2-135M-Instruct it is held above a floor (random-weight fixtures have
// near-uniform logits, so there only loading and finite output are asserted).
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/engine';
import type { Dtype } from '../../src/engine/types';
import { argmax, folderBackbone, ort } from '../support/engine';
import { folderTokenizer, havePrepared, preparedDir, preparedSource } from '../support/prepared';

const DTYPES: Dtype[] = ['fp32', 'q8', 'q4', 'fp16', 'q4f16'];
const FIXTURES = ['optimum/tiny-bart', 'optimum/tiny-flan-t5', 'optimum/tiny-qwen2', 'optimum/tiny-llama'];
const REAL = 'local/smollm2-135m-instruct';
const PROMPTS = [
  'Summarize in one sentence: We trained a small transformer on 10,000 abstracts and it matched a model ten times its size on ROUGE-L.',
  'What is the main limitation of the method? The method needs labelled data for every new domain, which is expensive to collect.',
  'List two findings: Sea ice declined by 13% per decade; the decline was fastest in September.',
];
/** Teacher-forced top-1 agreement with fp32 each dtype must keep (measured values: see README). */
const REAL_FLOOR: Partial<Record<Dtype, number>> = { q8: 0.2, q4: 0.2, fp16: 0.5, q4f16: 0.2 };

interface Row {
  model: string;
  dtype: Dtype;
  /** Free-running greedy outputs identical to fp32's. */
  identical: number;
  prompts: number;
  /** Teacher-forced along fp32's greedy output: share of positions where this dtype's argmax is fp32's. */
  top1Agreement: number;
  tokensPerSecond: number;
}
const rows: Row[] = [];

/** Feeds fp32's greedy tokens to `dtype`'s graphs and returns the raw argmax (no logits processors) at every position. */
async function teacherForced(model: string, dtype: Dtype, prompts: number[][], refs: number[][]): Promise<number[]> {
  const { spec, backbone: bb } = await folderBackbone(preparedSource(model), dtype);
  const picks: number[] = [];
  try {
    for (const [i, prompt] of prompts.entries()) {
      const seq2seq = spec.kind === 'seq2seq';
      const runner = await bb.startRunner(seq2seq ? prompt : []);
      let logits = (await runner.step([seq2seq ? [spec.decoderStartTokenId] : prompt], null))[0];
      for (const tok of refs[i]) {
        picks.push(argmax(logits));
        logits = (await runner.step([[tok]], [0]))[0];
      }
      runner.dispose();
    }
  } finally {
    await bb.dispose();
  }
  return picks;
}

async function measure(model: string, maxNewTokens: number) {
  const free = new Map<Dtype, { ids: number[][]; tps: number }>();
  let promptIds: number[][] = [];
  for (const dtype of DTYPES) {
    const m = await loadModel(preparedSource(model), { ort, backend: 'wasm', dtype, gpu: null });
    try {
      expect(m.dtype, `${model} ${dtype} loaded as asked`).toBe(dtype);
      if (dtype === 'fp32') {
        const tok = await folderTokenizer(preparedSource(model));
        promptIds = PROMPTS.map((p) => tok.encode(m.promptText(p), m.kind === 'seq2seq'));
      }
      const ids: number[][] = [];
      let tps = 0;
      for (const p of PROMPTS) {
        const r = await m.generate(p, { num_beams: 1, do_sample: false, max_new_tokens: maxNewTokens, min_new_tokens: 0 });
        expect(r.ids.length).toBeGreaterThan(0);
        ids.push(r.ids);
        tps += r.timings.tokensPerSecond / PROMPTS.length;
      }
      // The NaN guard would have switched weights: the dtype must still be the one measured.
      expect(m.dtype).toBe(dtype);
      free.set(dtype, { ids, tps });
    } finally {
      await m.dispose();
    }
  }
  const ref = free.get('fp32')!.ids;
  const refPicks = await teacherForced(model, 'fp32', promptIds, ref);
  for (const [dtype, { ids, tps }] of free) {
    const picks = dtype === 'fp32' ? refPicks : await teacherForced(model, dtype, promptIds, ref);
    rows.push({
      model,
      dtype,
      identical: ids.filter((g, i) => g.join() === ref[i].join()).length,
      prompts: PROMPTS.length,
      top1Agreement: Math.round((picks.filter((t, i) => t === refPicks[i]).length / refPicks.length) * 1000) / 1000,
      tokensPerSecond: Math.round(tps * 10) / 10,
    });
  }
  return rows.filter((r) => r.model === model);
}

afterAll(() => {
  if (!rows.length) return;
  console.table(rows);
  const dir = resolve(import.meta.dirname, '..', '..', 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, 'dtype-agreement-wasm.json'), JSON.stringify(rows, null, 2));
});

describe.skipIf(!havePrepared(...FIXTURES.map(preparedDir)))('Optimum fixtures in every dtype (WASM)', () => {
  it.each(FIXTURES)('%s loads and decodes in fp32, q8, q4, fp16 and q4f16', async (model) => {
    const measured = await measure(model, 12);
    expect(measured.map((r) => r.dtype)).toEqual(DTYPES);
    expect(measured[0]).toMatchObject({ dtype: 'fp32', identical: PROMPTS.length, top1Agreement: 1 });
  }, 240_000);

  it('weights split over model.onnx_data and model.onnx_data_1 load and give the single-file tokens', async () => {
    const split = preparedSource('optimum/tiny-llama-split-data');
    const one = await loadModel(preparedSource('optimum/tiny-llama'), { ort, backend: 'wasm', dtype: 'fp32', gpu: null });
    const two = await loadModel(split, { ort, backend: 'wasm', dtype: 'fp32', gpu: null });
    try {
      const opts = { num_beams: 1, do_sample: false, max_new_tokens: 12 };
      expect((await two.generate(PROMPTS[0], opts)).ids).toEqual((await one.generate(PROMPTS[0], opts)).ids);
      expect(split.reads.filter((p) => p.includes('onnx_data'))).toEqual(['onnx/model.onnx_data', 'onnx/model.onnx_data_1']);
    } finally {
      await Promise.all([one.dispose(), two.dispose()]);
    }
  });
});

describe.skipIf(!havePrepared(preparedDir(REAL)))('SmolLM2-135M-Instruct in every dtype (WASM)', () => {
  it('each dtype decodes, and agrees with fp32 above its floor', async () => {
    const measured = await measure(REAL, 24);
    for (const r of measured) expect(r.top1Agreement, `${r.dtype} agreement with fp32`).toBeGreaterThanOrEqual(REAL_FLOOR[r.dtype] ?? 1);
  }, 900_000);
});
