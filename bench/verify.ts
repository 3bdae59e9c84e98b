// `npx tsx bench/verify.ts [folder under models/] [--accept]`: what a prompt-lookup verify costs
// (Node, onnxruntime-web wasm, 2 threads). Times one decoder run fed 1 token against runs fed
// 1 + k tokens (the last token plus k drafts) from the same cache state, and the rollback of k
// rejected positions. With --accept instead (a separate process: a bench-size model fills most of
// a wasm32 heap) decodes BENCH_TEXT greedily with prompt lookup off and on, 3 times each
// alternating (same tokens required), and prints the acceptance seen and the decode rates.
import { resolve } from 'node:path';
import * as ort from 'onnxruntime-web';
import { loadModel } from '../src/engine';
import { Backbone } from '../src/engine/backbone';
import { parseModelSpec } from '../src/engine/config';
import { readJson, readOptionalJson, resolveLayout } from '../src/engine/modelFolder';
import { Runtime } from '../src/engine/session';
import { BENCH_TEXT } from '../src/bench/scenario';
import { median } from '../src/bench/stats';
import { DirSource } from '../test/support/dirSource';

const folder = process.argv[2] ?? 'bench/distilbart-cnn-6-6-random';
const withAccept = process.argv.includes('--accept');
const REPS = 7;
const KS = [1, 2, 4, 8];
const PAST = 24; // decoder positions already cached when timing (a summary under way)

ort.env.wasm.numThreads = 2;
const source = new DirSource(resolve(import.meta.dirname, '..', 'models', folder));
if (withAccept) {
  await acceptance();
  process.exit();
}
const spec = parseModelSpec(source.id, await readJson(source, 'config.json'), await readOptionalJson(source, 'generation_config.json'));
const layout = await resolveLayout(source, spec.kind, 'fp32');
const backbone = await Backbone.create(new Runtime({ ort, backend: 'wasm', source }), spec, layout, 'fp32');
const V = spec.vocabSize!;
const tok = (i: number) => 100 + ((i * 7919) % (V - 200));
// 176 encoder tokens (DistilBART) / a 213-token prompt (Qwen): the bench input lengths.
const inputLen = spec.kind === 'seq2seq' ? 176 : 213;
const input = Array.from({ length: inputLen }, (_, i) => tok(i));
const runner = await backbone.startRunner(spec.kind === 'seq2seq' ? input : []);
const start = spec.kind === 'seq2seq' ? [spec.decoderStartTokenId] : input;
await runner.step([start], null);
for (let i = 0; i < PAST; i++) await runner.step([[tok(1000 + i)]], [0]);

const time = async (f: () => Promise<unknown>) => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};
const one: number[] = [];
const fed: Record<number, number[]> = {};
const rollback: Record<number, number[]> = {};
for (const k of KS) {
  fed[k] = [];
  rollback[k] = [];
}
// Interleaved so machine load drifts hit every size alike; every run ends at the same cache length.
for (let r = 0; r < REPS; r++) {
  for (const k of KS) {
    one.push(await time(() => runner.step([[tok(r)]], [0])));
    await runner.rollback(1);
    const drafts = Array.from({ length: k }, (_, i) => tok(r + i + 1));
    fed[k].push(await time(() => runner.stepAll([[tok(r), ...drafts]], [0])));
    rollback[k].push(await time(() => runner.rollback(k + 1)));
  }
}
const m1 = median(one);
console.log(`${folder}: decoder run after ${PAST} cached positions, median of ${REPS} (ms)`);
console.log(`1 token: ${m1.toFixed(1)}`);
for (const k of KS) {
  const mk = median(fed[k]);
  console.log(`1+${k} tokens: ${mk.toFixed(1)} (ratio ${(mk / m1).toFixed(2)}), rollback of ${k + 1}: ${median(rollback[k]).toFixed(2)}`);
}
runner.dispose();
await backbone.dispose();

async function acceptance(): Promise<void> {
  const model = await loadModel(source, { ort, backend: 'wasm', dtype: 'fp32' });
  const base = { do_sample: false, num_beams: 1, max_new_tokens: 32, min_new_tokens: 32 };
  console.log(`${folder}: BENCH_TEXT, 32 new tokens; k | tok/s | decoder runs | drafted | accepted`);
  let want: string | undefined;
  for (let i = 0; i < 4; i++) {
    for (const k of [0, 4]) {
      const r = await model.generate(BENCH_TEXT, { ...base, prompt_lookup_num_tokens: k });
      want ??= r.ids.join();
      if (r.ids.join() !== want) {
        console.log('DIFFERENT TOKENS');
        process.exitCode = 1;
      }
      const t = r.timings;
      // The first pair is a warm-up.
      if (i > 0) console.log(`${k} | ${t.tokensPerSecond.toFixed(2)} | ${t.decoderRuns} | ${t.draftedTokens} | ${t.acceptedTokens}`);
    }
  }
  await model.dispose();
}
