// `npx tsx bench/overhead.ts`: the engine's own per-token work with the model taken out. A fake
// StepModel hands back fixed logits instantly, so what is left is what the decoding loop does per
// token (logits copy, processors, argmax, score) and, separately, the streaming detokenizer. This
// is what stands between ORT's step time and the tokens/s a user sees; on a fast GPU step
// (~5-10 ms) a few ms here are a large share.
import { decode } from '../src/engine/generation/decode';
import type { StepModel } from '../src/engine/generation/contract';
import { argmax } from '../src/engine/generation/select';
import { lastLogits } from '../src/engine/tensors';
import * as ort from 'onnxruntime-web';

const TOKENS = 64;

/** Logits as ORT hands them out: a fresh [1, 1, V] float32 tensor per step, read by lastLogits. */
function fakeModel(V: number): StepModel {
  const base = new Float32Array(V);
  let seed = 1;
  for (let i = 0; i < V; i++) base[i] = ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * 8;
  let step = 0;
  return {
    vocabSize: V,
    async step() {
      const data = base.slice();
      data[(step++ * 7919) % V] = 100; // a different winner each step, never EOS in practice
      return lastLogits(new ort.Tensor('float32', data, [1, 1, V]));
    },
  };
}

async function perToken(V: number, options: Record<string, unknown>): Promise<number> {
  const run = () =>
    decode({
      model: fakeModel(V),
      start: [0],
      countedStartLength: 1,
      options: { max_new_tokens: TOKENS, min_new_tokens: TOKENS, num_beams: 1, do_sample: false, ...options },
      special: { eosTokenIds: [2] },
    });
  await run();
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) await run();
  return (performance.now() - t0) / 5 / TOKENS;
}

/** What transformers.js does per greedy token: copy the last row, argmax. */
async function peerLike(V: number): Promise<number> {
  const m = fakeModel(V);
  const t0 = performance.now();
  for (let i = 0; i < 5 * TOKENS; i++) {
    const [row] = await m.step([[0]], null);
    argmax(row.slice());
  }
  return (performance.now() - t0) / (5 * TOKENS);
}

const fakeOnly = async (V: number) => {
  const m = fakeModel(V);
  const t0 = performance.now();
  for (let i = 0; i < 5 * TOKENS; i++) await m.step([[0]], null);
  return (performance.now() - t0) / (5 * TOKENS);
};

console.log('ms per token, engine loop only (fake model), median-free average of 5 x 64 tokens');
console.log('vocab    | fake step | ours greedy | ours + no_repeat_ngram 3 + rep. penalty 1.2 | peer-like (copy + argmax)');
for (const V of [1161, 50264, 151936]) {
  const f = await fakeOnly(V);
  const g = await perToken(V, {});
  const p = await perToken(V, { no_repeat_ngram_size: 3, repetition_penalty: 1.2 });
  const peer = await peerLike(V);
  console.log(`${String(V).padEnd(8)} | ${f.toFixed(3)}     | ${(g - f).toFixed(3)}       | ${(p - f).toFixed(3)}                                        | ${(peer - f).toFixed(3)}`);
}
