// `npx tsx bench/beams.ts [folder under models/] [beams]`: our beam search speed against our greedy
// on the same model (Node, onnxruntime-web wasm). transformers.js has no beam search, so this one
// has no peer; it shows what a beam costs per step (batched rows + KV cache reorder).
import { resolve } from 'node:path';
import * as ort from 'onnxruntime-web';
import { loadModel } from '../src/engine';
import { BENCH_TEXT } from '../src/bench/scenario';
import { median } from '../src/bench/stats';
import { DirSource } from '../test/support/dirSource';

const folder = process.argv[2] ?? 'bench/distilbart-cnn-6-6-random';
const beams = Number(process.argv[3] ?? 4);
const TOKENS = 16;
const RUNS = 3;

ort.env.wasm.numThreads = 2;
const model = await loadModel(new DirSource(resolve(import.meta.dirname, '..', 'models', folder)), { ort, backend: 'wasm', dtype: 'fp32' });
for (const numBeams of [1, beams]) {
  const opts = { do_sample: false, num_beams: numBeams, max_new_tokens: TOKENS, min_new_tokens: TOKENS, early_stopping: false as const };
  await model.generate(BENCH_TEXT, opts);
  const rates: number[] = [];
  const steps: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await model.generate(BENCH_TEXT, opts);
    rates.push(r.timings.tokensPerSecond);
    steps.push((r.timings.totalMs - r.timings.encodeMs) / r.timings.newTokens);
  }
  console.log(`${folder} num_beams=${numBeams}: median ${median(rates).toFixed(2)} tok/s, ${median(steps).toFixed(1)} ms per decoder step (after the encoder)`);
}
await model.dispose();
